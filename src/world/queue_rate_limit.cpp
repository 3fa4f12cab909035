#include "world/queue_rate_limit.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>

namespace enshu::world {
namespace {

constexpr std::int64_t kWindowUs = 60'000'000;

// The submission times of the window, newest first ($1 user, $2 window start).
constexpr std::string_view kRecentSubmissions =
    "SELECT at_us FROM ("
    "SELECT wall_at_us AS at_us FROM case_message WHERE author_user_id = $1 AND kind = 'inbound' AND wall_at_us > $2 "
    "UNION ALL SELECT created_at_us FROM incident_report WHERE created_by_user_id = $1 AND created_at_us > $2 "
    "UNION ALL SELECT created_at_us FROM partner_notice WHERE created_by_user_id = $1 AND created_at_us > $2"
    ") ORDER BY at_us DESC LIMIT $3";

}  // namespace

Status CheckSubmissionRate(db::Connection& connection, std::int64_t user_id, std::int64_t now_us) {
    auto rows =
        connection.Query(kRecentSubmissions, {user_id, now_us - kWindowUs, std::int64_t{kMaxSubmissionsPerMinute}});
    if (!rows) return tl::unexpected(rows.error());
    if (static_cast<int>(rows->size()) < kMaxSubmissionsPerMinute) return Ok();
    // The oldest of the last N leaves the window first.
    const std::int64_t oldest = rows->back().Int(0);
    const std::int64_t wait_us = std::max<std::int64_t>(oldest + kWindowUs - now_us, 1);
    return FailRateLimited("rate limit: at most " + std::to_string(kMaxSubmissionsPerMinute) +
                               " inquiries, messages, reports and notices per minute per account",
                           std::chrono::microseconds(wait_us), "rate_limit");
}

}  // namespace enshu::world
