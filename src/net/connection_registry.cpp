#include "net/connection_registry.hpp"

#include <vector>

namespace enshu::net {

std::optional<ConnectionRegistry::Id> ConnectionRegistry::Add(std::weak_ptr<Closeable> connection) {
    std::lock_guard lock(mutex_);
    if (closing_) return std::nullopt;
    Id id = next_id_++;
    connections_.emplace(id, std::move(connection));
    return id;
}

void ConnectionRegistry::Remove(Id id) {
    std::lock_guard lock(mutex_);
    connections_.erase(id);
    if (connections_.empty()) emptied_.notify_all();
}

void ConnectionRegistry::BeginShutdown() {
    std::lock_guard lock(mutex_);
    closing_ = true;
}

bool ConnectionRegistry::closing() const {
    std::lock_guard lock(mutex_);
    return closing_;
}

void ConnectionRegistry::CloseAll(CloseMode mode) {
    std::vector<std::shared_ptr<Closeable>> alive;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, weak] : connections_) {
            if (auto connection = weak.lock()) alive.push_back(std::move(connection));
        }
    }
    for (const auto& connection : alive) connection->Close(mode);
}

bool ConnectionRegistry::WaitUntilEmpty(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return emptied_.wait_until(lock, deadline, [this] { return connections_.empty(); });
}

std::size_t ConnectionRegistry::size() const {
    std::lock_guard lock(mutex_);
    return connections_.size();
}

std::size_t ConnectionRegistry::BusyCount() const {
    std::vector<std::shared_ptr<Closeable>> alive;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, weak] : connections_) {
            if (auto connection = weak.lock()) alive.push_back(std::move(connection));
        }
    }
    std::size_t busy = 0;
    for (const auto& connection : alive) busy += connection->Busy() ? 1 : 0;
    return busy;
}

}  // namespace enshu::net
