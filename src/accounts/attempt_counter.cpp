#include "accounts/attempt_counter.hpp"

#include <algorithm>

namespace enshu::accounts {
namespace {

std::string KeyOf(std::string_view key) {
    return std::string(key.substr(0, std::min(key.size(), AttemptCounter::kMaxKeyBytes)));
}

}  // namespace

AttemptCounter::AttemptCounter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys)
    : clock_(clock),
      limit_(std::max(limit, 1)),
      window_(window),
      max_keys_(std::max<std::size_t>(max_keys, 1)),
      last_prune_(clock.Now()) {}

std::optional<TimePoint> AttemptCounter::BlockedUntil(std::string_view key) const {
    const TimePoint now = clock_.Now();
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(KeyOf(key));
    if (found == entries_.end()) return std::nullopt;
    const TimePoint window_end = found->second.window_start + window_;
    if (window_end <= now || found->second.failures < limit_) return std::nullopt;
    return window_end;
}

void AttemptCounter::RecordFailure(std::string_view key) {
    const TimePoint now = clock_.Now();
    std::lock_guard lock(mutex_);
    if (now - last_prune_ >= window_) PruneExpiredLocked(now);
    std::string owned = KeyOf(key);
    auto found = entries_.find(owned);
    if (found == entries_.end()) {
        if (entries_.size() >= max_keys_) {
            PruneExpiredLocked(now);
            if (entries_.size() >= max_keys_) EvictOldestLocked();
        }
        entries_.emplace(std::move(owned), Entry{1, now});
        return;
    }
    Entry& entry = found->second;
    if (entry.window_start + window_ <= now) {
        entry = Entry{1, now};
    } else {
        ++entry.failures;
    }
}

void AttemptCounter::Clear(std::string_view key) {
    std::lock_guard lock(mutex_);
    entries_.erase(KeyOf(key));
}

std::size_t AttemptCounter::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void AttemptCounter::PruneExpiredLocked(TimePoint now) {
    std::erase_if(entries_, [&](const auto& item) { return item.second.window_start + window_ <= now; });
    last_prune_ = now;
}

void AttemptCounter::EvictOldestLocked() {
    const auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return a.second.window_start < b.second.window_start;
    });
    if (oldest != entries_.end()) entries_.erase(oldest);
}

}  // namespace enshu::accounts
