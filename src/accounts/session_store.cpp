#include "accounts/session_store.hpp"

#include <utility>

#include <nlohmann/json.hpp>

namespace enshu::accounts {
namespace {

constexpr std::string_view kInsertSession =
    "INSERT INTO user_session (user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, "
    "remote_address, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING id";

constexpr std::string_view kSelectStaffMemberships =
    "SELECT exercise_id, role, ministry_code FROM membership WHERE user_id = $1 ORDER BY exercise_id, role";

constexpr std::string_view kSelectPersonMemberships =
    "SELECT exercise_id, role, organisation_id, id FROM person WHERE user_id = $1 ORDER BY exercise_id, id";

constexpr std::string_view kSelectSession =
    "SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, s.revoked_at, u.display_name, "
    "u.login, u.is_admin, u.disabled FROM user_session s JOIN app_user u ON u.id = s.user_id "
    "WHERE s.token_hash = $1";

constexpr std::string_view kTouchSession =
    "UPDATE user_session SET last_seen_at = $1 WHERE id = $2 AND revoked_at IS NULL";

constexpr std::string_view kRevokeSession =
    "UPDATE user_session SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL";

constexpr std::string_view kRevokeSessionsOfUser =
    "UPDATE user_session SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL";

// $1: a JSON array of session ids.
constexpr std::string_view kSelectSessionsById =
    "SELECT s.id, s.last_seen_at, s.expires_at FROM user_session s JOIN app_user u ON u.id = s.user_id "
    "WHERE s.id IN (SELECT value FROM json_each($1)) AND s.revoked_at IS NULL AND u.disabled = 0";

constexpr std::string_view kTouchSessions =
    "UPDATE user_session SET last_seen_at = $1 WHERE id IN (SELECT value FROM json_each($2)) AND revoked_at IS NULL";

constexpr std::size_t kSessionTokenBytes = 32;
constexpr std::size_t kCsrfTokenBytes = 32;
constexpr std::size_t kMaxRemoteAddressBytes = 64;
constexpr std::size_t kMaxUserAgentBytes = 256;

}  // namespace

std::string TruncateUtf8(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

Result<SessionStart> StartSession(db::Connection& connection, const SessionUser& user, TimePoint now,
                                  const AccountSettings& settings, const ClientInfo& client) {
    SessionStart start;
    start.token = RandomToken(kSessionTokenBytes);
    const std::string csrf_token = RandomToken(kCsrfTokenBytes);
    auto inserted =
        connection.QueryOne(kInsertSession, {user.id, HashToken(start.token), csrf_token, FormatTimestamp(now),
                                             FormatTimestamp(now + settings.session_ttl),
                                             TruncateUtf8(client.remote_address, kMaxRemoteAddressBytes),
                                             TruncateUtf8(client.user_agent, kMaxUserAgentBytes)});
    if (!inserted) return tl::unexpected(inserted.error());
    if (!*inserted) return Fail(ErrorCode::kInternal, "user_session insert returned no id");
    auto memberships = LoadMemberships(connection, user.id);
    if (!memberships) return tl::unexpected(memberships.error());

    Principal& principal = start.principal;
    principal.user_id = user.id;
    principal.session_id = (*inserted)->Int(0);
    principal.display_name = user.display_name;
    principal.login = user.login;
    principal.is_admin = user.is_admin;
    principal.csrf_token = csrf_token;
    principal.memberships = std::move(*memberships);
    return start;
}

Result<std::vector<Membership>> LoadMemberships(db::Connection& connection, std::int64_t user_id) {
    std::vector<Membership> memberships;
    auto staff = connection.Query(kSelectStaffMemberships, {user_id});
    if (!staff) return tl::unexpected(staff.error());
    for (const db::Row& row : *staff) {
        const auto role = ParseRole(row.Text(1));
        if (!role) return Fail(ErrorCode::kInternal, "membership: unknown role '" + row.Text(1) + "'", "role");
        memberships.push_back(Membership{row.Int(0), *role, std::nullopt, std::nullopt, row.OptionalText(2)});
    }
    auto people = connection.Query(kSelectPersonMemberships, {user_id});
    if (!people) return tl::unexpected(people.error());
    for (const db::Row& row : *people) {
        const auto role = ParseRole(row.Text(1));
        if (!role) return Fail(ErrorCode::kInternal, "person: unknown role '" + row.Text(1) + "'", "role");
        memberships.push_back(Membership{row.Int(0), *role, row.Int(2), row.Int(3), std::nullopt});
    }
    return memberships;
}

Result<std::optional<ActiveSession>> FindActiveSession(db::Connection& connection, std::string_view token_hash,
                                                       TimePoint now, const AccountSettings& settings) {
    auto found = connection.QueryOne(kSelectSession, {std::string(token_hash)});
    if (!found) return tl::unexpected(found.error());
    if (!*found) return std::optional<ActiveSession>();
    const db::Row& row = **found;
    TimePoint last_seen_at;
    TimePoint expires_at;
    const bool readable = ParseTimestamp(row.Text(3), last_seen_at) && ParseTimestamp(row.Text(4), expires_at);
    const bool revoked = !row.IsNull(5);
    const bool disabled = row.Int(9) != 0;
    if (!readable || revoked || disabled || expires_at <= now || last_seen_at + settings.session_idle_ttl <= now) {
        return std::optional<ActiveSession>();
    }
    ActiveSession session;
    session.last_seen_at = last_seen_at;
    Principal& principal = session.principal;
    principal.session_id = row.Int(0);
    principal.user_id = row.Int(1);
    principal.csrf_token = row.Text(2);
    principal.display_name = row.Text(6);
    principal.login = row.Text(7);
    principal.is_admin = row.Int(8) != 0;
    auto memberships = LoadMemberships(connection, principal.user_id);
    if (!memberships) return tl::unexpected(memberships.error());
    principal.memberships = std::move(*memberships);
    return std::optional<ActiveSession>(std::move(session));
}

Status TouchSession(db::Connection& connection, std::int64_t session_id, TimePoint now) {
    auto changed = connection.Execute(kTouchSession, {FormatTimestamp(now), session_id});
    if (!changed) return tl::unexpected(changed.error());
    return Ok();
}

Result<std::unordered_set<std::int64_t>> KeepLiveSessions(db::Connection& connection,
                                                          const std::vector<std::int64_t>& session_ids, TimePoint now,
                                                          const AccountSettings& settings,
                                                          std::chrono::seconds touch_after) {
    std::unordered_set<std::int64_t> live;
    if (session_ids.empty()) return live;
    auto rows = connection.Query(kSelectSessionsById, {nlohmann::json(session_ids).dump()});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<std::int64_t> to_touch;
    for (const db::Row& row : *rows) {
        TimePoint last_seen_at;
        TimePoint expires_at;
        if (!ParseTimestamp(row.Text(1), last_seen_at) || !ParseTimestamp(row.Text(2), expires_at)) continue;
        if (expires_at <= now || last_seen_at + settings.session_idle_ttl <= now) continue;
        live.insert(row.Int(0));
        if (now - last_seen_at >= touch_after) to_touch.push_back(row.Int(0));
    }
    if (!to_touch.empty()) {
        auto touched = connection.Execute(kTouchSessions, {FormatTimestamp(now), nlohmann::json(to_touch).dump()});
        if (!touched) return tl::unexpected(touched.error());
    }
    return live;
}

Result<bool> RevokeSession(db::Connection& connection, std::int64_t session_id, TimePoint now) {
    auto changed = connection.Execute(kRevokeSession, {FormatTimestamp(now), session_id});
    if (!changed) return tl::unexpected(changed.error());
    return *changed > 0;
}

Result<std::int64_t> RevokeSessionsOfUser(db::Connection& connection, std::int64_t user_id, TimePoint now) {
    auto changed = connection.Execute(kRevokeSessionsOfUser, {FormatTimestamp(now), user_id});
    if (!changed) return tl::unexpected(changed.error());
    return *changed;
}

}  // namespace enshu::accounts
