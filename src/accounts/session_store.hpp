#pragma once

// The user_session table and the memberships that make a Principal. Every function
// runs on the caller's connection (and so inside the caller's transaction); none
// writes audit entries: callers audit the action they perform.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "accounts/account_service.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::accounts {

// The user a new session is for.
struct SessionUser {
    std::int64_t id = 0;
    std::string display_name;
    std::string login;  // empty for organisation people
    bool is_admin = false;
};

// Inserts a session for `user` (new random token and CSRF token, expires_at = now +
// session_ttl) and returns the token with the loaded Principal.
Result<SessionStart> StartSession(db::Connection& connection, const SessionUser& user, TimePoint now,
                                  const AccountSettings& settings, const ClientInfo& client);

// Staff memberships (table membership) and organisation roles (table person) of a user,
// ordered by exercise.
Result<std::vector<Membership>> LoadMemberships(db::Connection& connection, std::int64_t user_id);

struct ActiveSession {
    Principal principal;
    TimePoint last_seen_at;
};

// The session whose token hashes to `token_hash` if it is usable at `now`: not revoked,
// before expires_at, seen within session_idle_ttl, and its user not disabled.
// std::nullopt otherwise (also when a stored timestamp cannot be read).
Result<std::optional<ActiveSession>> FindActiveSession(db::Connection& connection, std::string_view token_hash,
                                                       TimePoint now, const AccountSettings& settings);

// Sets last_seen_at of a live session to `now`.
Status TouchSession(db::Connection& connection, std::int64_t session_id, TimePoint now);

// Revokes one session; returns whether it was live.
Result<bool> RevokeSession(db::Connection& connection, std::int64_t session_id, TimePoint now);

// Revokes every live session of a user; returns how many.
Result<std::int64_t> RevokeSessionsOfUser(db::Connection& connection, std::int64_t user_id, TimePoint now);

// The ids among `session_ids` that FindActiveSession would still accept at `now` (not
// revoked, not expired, not idle, user not disabled). Those last seen more than
// `touch_after` ago get last_seen_at = now: an open live stream is activity.
Result<std::unordered_set<std::int64_t>> KeepLiveSessions(db::Connection& connection,
                                                          const std::vector<std::int64_t>& session_ids, TimePoint now,
                                                          const AccountSettings& settings,
                                                          std::chrono::seconds touch_after);

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string TruncateUtf8(std::string_view text, std::size_t limit);

}  // namespace enshu::accounts
