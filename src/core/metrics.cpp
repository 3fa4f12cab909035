#include "core/metrics.hpp"

#include <charconv>
#include <set>

namespace enshu {

namespace {

// Captured during static initialisation, i.e. when the process starts.
const double kProcessStartSeconds =
    std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();

std::string FormatNumber(double value) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
    if (error != std::errc()) return "NaN";
    return std::string(buffer, end);
}

// Label values escape backslash, double quote and newline (exposition format 0.0.4).
std::string EscapeLabel(std::string_view value) {
    std::string escaped;
    escaped.reserve(value.size());
    for (char c : value) {
        if (c == '\\') {
            escaped += "\\\\";
        } else if (c == '"') {
            escaped += "\\\"";
        } else if (c == '\n') {
            escaped += "\\n";
        } else {
            escaped.push_back(c);
        }
    }
    return escaped;
}

void AppendGauge(std::string& out, std::string_view name, std::string_view help, std::string_view value) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" gauge\n");
    out.append(name).append(" ").append(value).append("\n");
}

}  // namespace

const std::vector<double>& Metrics::LatencyBuckets() {
    static const std::vector<double> buckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    return buckets;
}

void Metrics::RecordRequest(const std::string& route, int status, std::chrono::microseconds duration) {
    const double seconds = std::chrono::duration<double>(duration).count();
    const auto& buckets = LatencyBuckets();
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    RouteLatency& latency = latency_[route];
    if (latency.bucket_counts.empty()) latency.bucket_counts.assign(buckets.size(), 0);
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        if (seconds <= buckets[i]) {
            ++latency.bucket_counts[i];
            break;
        }
    }
    ++latency.count;
    latency.sum_seconds += seconds;
}

void Metrics::SetDatabasePoolProbe(std::function<std::pair<int, int>()> probe) {
    std::lock_guard lock(mutex_);
    database_pool_probe_ = std::move(probe);
}

std::string Metrics::RenderPrometheus() const {
    std::string out;
    std::function<std::pair<int, int>()> probe;
    {
        std::lock_guard lock(mutex_);
        out += "# HELP enshu_http_requests_total HTTP requests answered, by route and status.\n";
        out += "# TYPE enshu_http_requests_total counter\n";
        for (const auto& [key, count] : requests_) {
            out += "enshu_http_requests_total{route=\"" + EscapeLabel(key.first) + "\",status=\"" +
                   std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
        }
        out += "# HELP enshu_http_request_duration_seconds Time from request parsed to response ready, by route.\n";
        out += "# TYPE enshu_http_request_duration_seconds histogram\n";
        const auto& buckets = LatencyBuckets();
        for (const auto& [route, latency] : latency_) {
            const std::string label = "route=\"" + EscapeLabel(route) + "\"";
            std::uint64_t cumulative = 0;
            for (std::size_t i = 0; i < buckets.size(); ++i) {
                cumulative += latency.bucket_counts[i];
                out += "enshu_http_request_duration_seconds_bucket{" + label + ",le=\"" + FormatNumber(buckets[i]) +
                       "\"} " + std::to_string(cumulative) + "\n";
            }
            out += "enshu_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
                   std::to_string(latency.count) + "\n";
            out += "enshu_http_request_duration_seconds_sum{" + label + "} " + FormatNumber(latency.sum_seconds) + "\n";
            out += "enshu_http_request_duration_seconds_count{" + label + "} " + std::to_string(latency.count) + "\n";
        }
        probe = database_pool_probe_;
    }
    AppendGauge(out, "enshu_open_connections", "Open HTTP connections.", std::to_string(OpenConnections()));
    if (probe) {
        // Called outside the lock: the probe takes the database pool's own lock.
        auto [in_use, total] = probe();
        AppendGauge(out, "enshu_db_connections_in_use", "Database connections currently borrowed.",
                    std::to_string(in_use));
        AppendGauge(out, "enshu_db_connections_total", "Database connections in the pool.", std::to_string(total));
    }
    AppendGauge(out, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                FormatNumber(kProcessStartSeconds));
    return out;
}

}  // namespace enshu
