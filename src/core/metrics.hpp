#pragma once

// Process metrics exported at /metrics in the Prometheus text format.
// Thread-safe: counters are updated under one mutex per record (cheap at our
// request rates); gauges are atomics.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace enshu {

class Metrics {
public:
    // One finished request: route name (or "static", "not_found"), status, duration.
    void RecordRequest(const std::string& route, int status, std::chrono::microseconds duration);
    void ConnectionOpened() { ++open_connections_; }
    void ConnectionClosed() { --open_connections_; }
    std::int64_t OpenConnections() const { return open_connections_.load(); }
    // Supplies (in use, total) database connections when /metrics is rendered.
    void SetDatabasePoolProbe(std::function<std::pair<int, int>()> probe);
    // The whole exposition text.
    std::string RenderPrometheus() const;

    // Upper bounds (seconds) of the latency histogram buckets.
    static const std::vector<double>& LatencyBuckets();

private:
    struct RouteLatency {
        std::vector<std::uint64_t> bucket_counts;  // cumulative counts are computed when rendering
        std::uint64_t count = 0;
        double sum_seconds = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;  // (route, status) -> count
    std::map<std::string, RouteLatency> latency_;
    std::function<std::pair<int, int>()> database_pool_probe_;
    std::atomic<std::int64_t> open_connections_{0};
};

}  // namespace enshu
