#include "world/feed_post_limit.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace enshu::world {
namespace {

constexpr std::int64_t kWindowUs = 60'000'000;
constexpr std::string_view kCountRecent =
    "SELECT COUNT(*), MIN(at_us) FROM world_post WHERE user_id = $1 AND at_us > $2";
constexpr std::string_view kInsertPost = "INSERT INTO world_post (user_id, at_us) VALUES ($1, $2)";
// Rows older than the window are of no further use.
constexpr std::string_view kDeleteOld = "DELETE FROM world_post WHERE user_id = $1 AND at_us <= $2";

}  // namespace

Status RecordPost(db::Connection& connection, std::optional<std::int64_t> user_id, std::int64_t now_us, int limit) {
    if (!user_id) return Ok();
    const std::int64_t window_start = now_us - kWindowUs;
    if (auto deleted = connection.Execute(kDeleteOld, {*user_id, window_start}); !deleted) {
        return tl::unexpected(deleted.error());
    }
    auto count = connection.QueryOne(kCountRecent, {*user_id, window_start});
    if (!count) return tl::unexpected(count.error());
    if (*count && (*count)->Int(0) >= limit) {
        const std::int64_t wait_us = (*count)->Int(1) + kWindowUs - now_us;
        return FailRateLimited("rate_limit: at most " + std::to_string(limit) + " posts per minute; retry later",
                               std::chrono::microseconds(wait_us), "rate_limit");
    }
    if (auto inserted = connection.Execute(kInsertPost, {*user_id, now_us}); !inserted) {
        return tl::unexpected(inserted.error());
    }
    return Ok();
}

}  // namespace enshu::world
