// AccountService: personal join links of organisation people, and joining with one.

#include <utility>

#include "accounts/account_service.hpp"
#include "accounts/account_service_impl.hpp"
#include "accounts/session_store.hpp"

namespace enshu::accounts {
namespace {

constexpr std::string_view kSelectPerson = "SELECT id, exercise_id, user_id FROM person WHERE id = $1";

// Active = neither revoked nor expired at $1.
constexpr std::string_view kRevokeActiveLinks =
    "UPDATE join_link SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL AND expires_at > $1";

constexpr std::string_view kInsertLink =
    "INSERT INTO join_link (person_id, token_hash, created_by_user_id, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";

constexpr std::string_view kSelectLinkForJoin =
    "SELECT l.id, l.person_id, l.expires_at, l.revoked_at, p.exercise_id, u.id, u.display_name, u.disabled "
    "FROM join_link l JOIN person p ON p.id = l.person_id JOIN app_user u ON u.id = p.user_id "
    "WHERE l.token_hash = $1";

// Marks the link used only while it is still usable, so that a revocation committed
// between the read and this write wins.
constexpr std::string_view kUseLink =
    "UPDATE join_link SET last_used_at = $1 WHERE id = $2 AND revoked_at IS NULL AND expires_at > $1";

// Longest join-link lifetime accepted (a little over a fiscal year).
constexpr std::chrono::hours kMaxJoinLinkTtl{24 * 400};

struct PersonRecord {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::int64_t user_id = 0;
};

Result<PersonRecord> FindPerson(db::Connection& connection, std::int64_t person_id) {
    auto row = connection.QueryOne(kSelectPerson, {person_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "person_id: no person " + std::to_string(person_id), "person_id");
    return PersonRecord{(*row)->Int(0), (*row)->Int(1), (*row)->Int(2)};
}

db::Value OptionalUserId(const std::optional<std::int64_t>& user_id) {
    if (user_id) return *user_id;
    return std::monostate{};
}

Error InvalidJoinLink() {
    return Error{ErrorCode::kUnauthenticated, "token: join link is unknown, expired or revoked", "token"};
}

struct JoinTarget {
    std::int64_t link_id = 0;
    std::int64_t person_id = 0;
    std::int64_t exercise_id = 0;
    SessionUser user;
};

}  // namespace

Result<std::string> AccountService::IssueJoinLinkIn(db::Connection& connection, std::int64_t person_id,
                                                    const audit::Actor& actor, std::optional<std::chrono::hours> ttl) {
    const std::chrono::hours lifetime = ttl.value_or(settings_.join_link_ttl);
    if (lifetime.count() < 1 || lifetime > kMaxJoinLinkTtl) {
        return Fail(ErrorCode::kInvalidArgument, "ttl: must be 1..9600 hours, got " + std::to_string(lifetime.count()),
                    "ttl");
    }
    auto person = FindPerson(connection, person_id);
    if (!person) return tl::unexpected(person.error());

    const TimePoint now = impl_->clock.Now();
    const std::string now_text = FormatTimestamp(now);
    const std::string expires_at = FormatTimestamp(now + lifetime);
    auto revoked = connection.Execute(kRevokeActiveLinks, {now_text, person_id});
    if (!revoked) return tl::unexpected(revoked.error());

    std::string token = RandomToken(kJoinTokenRandomBytes);
    auto inserted = connection.QueryOne(
        kInsertLink, {person_id, HashToken(token), OptionalUserId(actor.user_id), now_text, expires_at});
    if (!inserted) return tl::unexpected(inserted.error());
    if (!*inserted) return Fail(ErrorCode::kInternal, "join_link insert returned no id");

    auto audited = impl_->audit.Append(
        connection, actor,
        audit::AuditEntry{
            person->exercise_id,
            "join_link.issue",
            "person",
            std::to_string(person_id),
            nullptr,
            {{"join_link_id", (*inserted)->Int(0)}, {"expires_at", expires_at}, {"links_revoked", *revoked}}});
    if (!audited) return tl::unexpected(audited.error());
    return token;
}

Result<std::string> AccountService::IssueJoinLink(std::int64_t person_id, const audit::Actor& actor,
                                                  std::optional<std::chrono::hours> ttl) {
    std::string token;
    auto written = impl_->database.Write([&](db::Connection& connection) -> Status {
        auto issued = IssueJoinLinkIn(connection, person_id, actor, ttl);
        if (!issued) return tl::unexpected(issued.error());
        token = std::move(*issued);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return token;
}

Status AccountService::RevokeJoinLinks(std::int64_t person_id, const audit::Actor& actor) {
    return impl_->database.Write([&](db::Connection& connection) -> Status {
        auto person = FindPerson(connection, person_id);
        if (!person) return tl::unexpected(person.error());
        const TimePoint now = impl_->clock.Now();
        auto links = connection.Execute(kRevokeActiveLinks, {FormatTimestamp(now), person_id});
        if (!links) return tl::unexpected(links.error());
        auto sessions = RevokeSessionsOfUser(connection, person->user_id, now);
        if (!sessions) return tl::unexpected(sessions.error());
        CloseStreamsOfUserAfterCommit(connection, person->user_id);
        return impl_->audit.Append(connection, actor,
                                   audit::AuditEntry{person->exercise_id,
                                                     "join_link.revoke",
                                                     "person",
                                                     std::to_string(person_id),
                                                     nullptr,
                                                     {{"links_revoked", *links}, {"sessions_ended", *sessions}}});
    });
}

Status AccountService::RevokeSessionsOfPerson(db::Connection& connection, std::int64_t person_id) {
    auto person = FindPerson(connection, person_id);
    if (!person) return tl::unexpected(person.error());
    auto sessions = RevokeSessionsOfUser(connection, person->user_id, impl_->clock.Now());
    if (!sessions) return tl::unexpected(sessions.error());
    CloseStreamsOfUserAfterCommit(connection, person->user_id);
    return Ok();
}

// Every invalid token (unknown, expired, revoked) counts as a failure of the address:
// guessing 128-bit tokens is hopeless, but the limit also stops scripted probing.
Result<SessionStart> AccountService::Join(std::string_view join_token, const ClientInfo& client) {
    if (join_token.empty() || join_token.size() > kMaxJoinTokenBytes) {
        return Fail(ErrorCode::kInvalidArgument, "token: must be 1..64 characters", "token");
    }
    if (auto until = impl_->join_limiter.BlockedUntil(client.remote_address)) {
        return FailRateLimited("too many invalid join links from this address; retry after " + FormatTimestamp(*until),
                               *until - impl_->clock.Now());
    }
    const std::string token_hash = HashToken(join_token);
    const TimePoint now = impl_->clock.Now();

    std::optional<JoinTarget> target;
    auto read = impl_->database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectLinkForJoin, {token_hash});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Ok();
        const db::Row& link = **row;
        TimePoint expires_at;
        const bool usable =
            ParseTimestamp(link.Text(2), expires_at) && expires_at > now && link.IsNull(3) && link.Int(7) == 0;
        if (usable) {
            target = JoinTarget{link.Int(0), link.Int(1), link.Int(4),
                                SessionUser{link.Int(5), link.Text(6), std::string(), false}};
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (!target) {
        impl_->join_limiter.RecordFailure(client.remote_address);
        return tl::unexpected(InvalidJoinLink());
    }

    SessionStart start;
    bool still_usable = true;
    auto written = impl_->database.Write([&](db::Connection& connection) -> Status {
        const TimePoint write_now = impl_->clock.Now();
        auto used = connection.Execute(kUseLink, {FormatTimestamp(write_now), target->link_id});
        if (!used) return tl::unexpected(used.error());
        if (*used == 0) {
            still_usable = false;
            return Ok();
        }
        auto started = StartSession(connection, target->user, write_now, settings_, client);
        if (!started) return tl::unexpected(started.error());
        start = std::move(*started);
        const audit::Actor actor{target->user.id, target->user.display_name, client.request_id, client.remote_address};
        return impl_->audit.Append(
            connection, actor,
            audit::AuditEntry{target->exercise_id,
                              "session.join",
                              "person",
                              std::to_string(target->person_id),
                              nullptr,
                              {{"session_id", start.principal.session_id}, {"join_link_id", target->link_id}}});
    });
    if (!written) return tl::unexpected(written.error());
    if (!still_usable) {
        impl_->join_limiter.RecordFailure(client.remote_address);
        return tl::unexpected(InvalidJoinLink());
    }
    return start;
}

}  // namespace enshu::accounts
