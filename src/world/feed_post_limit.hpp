#pragma once

// The per-account rate limit of writes on the PR site and in the media (statement
// create/update/publish/withdraw, media posts, attachment uploads): at most
// kMaxPostsPerMinute in any 60 seconds. Counted in the database (table world_post), so
// it holds across requests, threads and restarts.

#include <cstdint>
#include <optional>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::world {

inline constexpr int kMaxPostsPerMinute = 30;

// Records one write by `user_id` inside the caller's write transaction (so a rejected
// write is not counted). Errors: kRateLimited ("rate_limit") when the account already
// wrote `limit` times in the last 60 s. A call without a user (CLI, system) is not limited.
Status RecordPost(db::Connection& connection, std::optional<std::int64_t> user_id, std::int64_t now_us,
                  int limit = kMaxPostsPerMinute);

}  // namespace enshu::world
