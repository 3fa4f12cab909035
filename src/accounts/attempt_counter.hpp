#pragma once

// Counts failed attempts per key (a login, a remote address) in a window that starts
// at the key's first failure. Once a key has `limit` failures in its window it is
// blocked until the window ends. Memory is bounded: expired entries are pruned at most
// once per window, and when `max_keys` keys are tracked a new key evicts the entry
// whose window started first.
//
// Thread-safe: every member function locks mutex_.

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"

namespace enshu::accounts {

class AttemptCounter {
  public:
    // limit < 1 is treated as 1; max_keys < 1 as 1.
    AttemptCounter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys);

    // std::nullopt when `key` may try now; otherwise the time from which it may.
    std::optional<TimePoint> BlockedUntil(std::string_view key) const;
    void RecordFailure(std::string_view key);
    // Forgets the failures of `key` (after a success).
    void Clear(std::string_view key);
    // Keys currently tracked (expired ones included until the next prune).
    std::size_t size() const;

    // Keys longer than this are cut to it, so that a long key cannot use much memory.
    static constexpr std::size_t kMaxKeyBytes = 128;

  private:
    struct Entry {
        int failures = 0;
        TimePoint window_start;
    };
    void PruneExpiredLocked(TimePoint now);
    void EvictOldestLocked();

    const Clock& clock_;
    const int limit_;
    const std::chrono::seconds window_;
    const std::size_t max_keys_;

    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;  // guarded by mutex_
    TimePoint last_prune_;                            // guarded by mutex_
};

}  // namespace enshu::accounts
