#pragma once

// The per-account limit on what organisation people send to desks and partners, so that
// one account cannot flood a desk: at most kMaxSubmissionsPerMinute submissions in any
// 60 seconds, counting inquiries and follow-up messages (inbound case messages),
// incident reports (one per submission, however many recipients) and supply-chain
// notices. Counted from the stored rows, so it holds across restarts and servers.

#include <cstdint>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::world {

inline constexpr int kMaxSubmissionsPerMinute = 10;

// Inside the write transaction, before storing: kRateLimited (field "rate_limit", with
// Retry-After) when `user_id` already sent kMaxSubmissionsPerMinute in the last minute.
Status CheckSubmissionRate(db::Connection& connection, std::int64_t user_id, std::int64_t now_us);

}  // namespace enshu::world
