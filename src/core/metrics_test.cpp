#include "core/metrics.hpp"

#include <gtest/gtest.h>

namespace enshu {
namespace {

using std::chrono::microseconds;

bool Contains(const std::string& text, const std::string& line) { return text.find(line) != std::string::npos; }

TEST(MetricsTest, CountsRequestsByRouteAndStatus) {
    Metrics metrics;
    metrics.RecordRequest("healthz", 200, microseconds(100));
    metrics.RecordRequest("healthz", 200, microseconds(100));
    metrics.RecordRequest("auth.login", 403, microseconds(100));
    std::string text = metrics.RenderPrometheus();
    EXPECT_TRUE(Contains(text, "# TYPE enshu_http_requests_total counter\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_requests_total{route=\"healthz\",status=\"200\"} 2\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_requests_total{route=\"auth.login\",status=\"403\"} 1\n"));
}

TEST(MetricsTest, HistogramBucketsAreCumulative) {
    Metrics metrics;
    metrics.RecordRequest("r", 200, microseconds(250000));    // 0.25 s: exactly on a bound
    metrics.RecordRequest("r", 200, microseconds(500000));    // 0.5 s
    metrics.RecordRequest("r", 500, microseconds(30000000));  // 30 s: only +Inf
    std::string text = metrics.RenderPrometheus();
    EXPECT_TRUE(Contains(text, "# TYPE enshu_http_request_duration_seconds histogram\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_bucket{route=\"r\",le=\"0.001\"} 0\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_bucket{route=\"r\",le=\"0.1\"} 0\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_bucket{route=\"r\",le=\"0.25\"} 1\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_bucket{route=\"r\",le=\"0.5\"} 2\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_bucket{route=\"r\",le=\"10\"} 2\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_bucket{route=\"r\",le=\"+Inf\"} 3\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_count{route=\"r\"} 3\n"));
    EXPECT_TRUE(Contains(text, "enshu_http_request_duration_seconds_sum{route=\"r\"} 30.75\n"));
}

TEST(MetricsTest, EscapesLabelValues) {
    Metrics metrics;
    metrics.RecordRequest("a\"b\\c\nd", 200, microseconds(1));
    std::string text = metrics.RenderPrometheus();
    EXPECT_TRUE(Contains(text, "route=\"a\\\"b\\\\c\\nd\""));
}

TEST(MetricsTest, GaugesForConnectionsPoolAndStartTime) {
    Metrics metrics;
    metrics.ConnectionOpened();
    metrics.ConnectionOpened();
    metrics.ConnectionClosed();
    std::string text = metrics.RenderPrometheus();
    EXPECT_TRUE(Contains(text, "# TYPE enshu_open_connections gauge\nenshu_open_connections 1\n"));
    EXPECT_FALSE(Contains(text, "enshu_db_connections_in_use"));
    EXPECT_TRUE(Contains(text, "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds "));

    metrics.SetDatabasePoolProbe([] { return std::pair<int, int>(2, 5); });
    text = metrics.RenderPrometheus();
    EXPECT_TRUE(Contains(text, "enshu_db_connections_in_use 2\n"));
    EXPECT_TRUE(Contains(text, "enshu_db_connections_total 5\n"));
}

TEST(MetricsTest, EveryLineIsACommentOrASample) {
    Metrics metrics;
    metrics.RecordRequest("x", 200, microseconds(3));
    std::string text = metrics.RenderPrometheus();
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        EXPECT_FALSE(line.empty());
        if (line[0] != '#') {
            // "name{labels} value" or "name value": exactly one space outside the braces.
            std::size_t close = line.rfind('}');
            std::size_t space = line.find(' ', close == std::string::npos ? 0 : close);
            ASSERT_NE(space, std::string::npos) << line;
            EXPECT_EQ(line.find(' ', space + 1), std::string::npos) << line;
        }
        start = end + 1;
    }
}

}  // namespace
}  // namespace enshu
