// AccountService: construction, password logins, logout and session authentication.
// Join links are in join_links.cpp, staff accounts and memberships in staff_users.cpp.

#include "accounts/account_service.hpp"

#include <utility>

#include "accounts/account_service_impl.hpp"
#include "accounts/session_store.hpp"
#include "accounts/staff_validation.hpp"

namespace enshu::accounts {
namespace {

constexpr std::string_view kSelectStaffForLogin =
    "SELECT id, display_name, login, password_hash, is_admin, disabled FROM app_user "
    "WHERE login = $1 AND kind = 'staff'";

struct StaffCredentials {
    SessionUser user;
    std::string password_hash;
    bool disabled = false;
};

Error WrongCredentials() { return Error{ErrorCode::kUnauthenticated, "login or password is wrong", ""}; }

}  // namespace

AccountService::AccountService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                               AccountSettings settings)
    : impl_(std::make_unique<Impl>(database, clock, audit, settings)), settings_(std::move(settings)) {}

AccountService::~AccountService() = default;

// Failed logins are not written to the audit table (an attacker could grow it without
// bound); the API layer logs them to the log file with the address and request id.
Result<SessionStart> AccountService::Login(std::string_view login, std::string_view password,
                                           const ClientInfo& client) {
    if (login.empty()) return Fail(ErrorCode::kInvalidArgument, "login: required", "login");
    if (login.size() > kMaxLoginBytes) {
        return Fail(ErrorCode::kInvalidArgument, "login: at most 64 characters", "login");
    }
    if (password.empty()) return Fail(ErrorCode::kInvalidArgument, "password: required", "password");
    if (password.size() > kMaxPasswordBytes) {
        return Fail(ErrorCode::kInvalidArgument, "password: at most 256 characters", "password");
    }
    const std::string normalised = NormaliseLogin(login);
    if (auto allowed = impl_->login_limiter.Check(normalised, client.remote_address); !allowed) {
        return tl::unexpected(allowed.error());
    }

    std::optional<StaffCredentials> credentials;
    auto read = impl_->database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectStaffForLogin, {normalised});
        if (!row) return tl::unexpected(row.error());
        if (*row && !(*row)->IsNull(3)) {
            const db::Row& found = **row;
            credentials = StaffCredentials{SessionUser{found.Int(0), found.Text(1), found.Text(2), found.Int(4) != 0},
                                           found.Text(3), found.Int(5) != 0};
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());

    // Hash outside any transaction: the writer connection is never held while hashing.
    if (!credentials) {
        impl_->hasher.VerifyAgainstDummy(password);
        impl_->login_limiter.RecordFailure(normalised, client.remote_address);
        return tl::unexpected(WrongCredentials());
    }
    if (!impl_->hasher.Verify(credentials->password_hash, password)) {
        impl_->login_limiter.RecordFailure(normalised, client.remote_address);
        return tl::unexpected(WrongCredentials());
    }
    // Only someone who knows the password learns that the account is disabled.
    if (credentials->disabled) return Fail(ErrorCode::kUnauthenticated, "account is disabled", "login");

    SessionStart start;
    auto written = impl_->database.Write([&](db::Connection& connection) -> Status {
        auto started = StartSession(connection, credentials->user, impl_->clock.Now(), settings_, client);
        if (!started) return tl::unexpected(started.error());
        start = std::move(*started);
        const audit::Actor actor{credentials->user.id, credentials->user.display_name, client.request_id,
                                 client.remote_address};
        return impl_->audit.Append(connection, actor,
                                   audit::AuditEntry{std::nullopt,
                                                     "session.login",
                                                     "user",
                                                     std::to_string(credentials->user.id),
                                                     nullptr,
                                                     {{"session_id", start.principal.session_id},
                                                      {"user_agent", TruncateUtf8(client.user_agent, 256)}}});
    });
    if (!written) return tl::unexpected(written.error());
    impl_->login_limiter.RecordSuccess(normalised);
    return start;
}

Status AccountService::Logout(const Principal& principal, const ClientInfo& client) {
    return impl_->database.Write([&](db::Connection& connection) -> Status {
        auto revoked = RevokeSession(connection, principal.session_id, impl_->clock.Now());
        if (!revoked) return tl::unexpected(revoked.error());
        if (!*revoked) return Ok();  // already ended: nothing changed, nothing to audit
        if (stream_closer_ != nullptr) {
            connection.AfterCommit([closer = stream_closer_, session_id = principal.session_id] {
                closer->CloseStreamsOfSession(session_id);
            });
        }
        const audit::Actor actor{principal.user_id, principal.display_name, client.request_id, client.remote_address};
        return impl_->audit.Append(connection, actor,
                                   audit::AuditEntry{std::nullopt,
                                                     "session.logout",
                                                     "user",
                                                     std::to_string(principal.user_id),
                                                     nullptr,
                                                     {{"session_id", principal.session_id}}});
    });
}

Result<std::unordered_set<std::int64_t>> AccountService::ValidSessions(const std::vector<std::int64_t>& session_ids) {
    std::unordered_set<std::int64_t> live;
    if (session_ids.empty()) return live;
    const TimePoint now = impl_->clock.Now();
    // A write: sessions with an open stream get their idle timer refreshed.
    auto written = impl_->database.Write([&](db::Connection& connection) -> Status {
        auto kept = KeepLiveSessions(connection, session_ids, now, settings_, kLastSeenResolution);
        if (!kept) return tl::unexpected(kept.error());
        live = std::move(*kept);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return live;
}

void AccountService::CloseStreamsOfUserAfterCommit(db::Connection& connection, std::int64_t user_id) {
    if (stream_closer_ == nullptr) return;
    connection.AfterCommit([closer = stream_closer_, user_id] { closer->CloseStreamsOfUser(user_id); });
}

Result<std::optional<Principal>> AccountService::Authenticate(std::string_view session_token) {
    if (session_token.empty() || session_token.size() > kMaxSessionTokenBytes) return std::optional<Principal>();
    const std::string token_hash = HashToken(session_token);
    const TimePoint now = impl_->clock.Now();
    std::optional<ActiveSession> session;
    auto read = impl_->database.Read([&](db::Connection& connection) -> Status {
        auto found = FindActiveSession(connection, token_hash, now, settings_);
        if (!found) return tl::unexpected(found.error());
        session = std::move(*found);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (!session) return std::optional<Principal>();
    // last_seen_at drives the idle expiry; writing it on every request would serialise
    // all requests on the writer, so it is refreshed at most once a minute. This is
    // bookkeeping, not a change anyone made: it is not audited.
    if (now - session->last_seen_at >= kLastSeenResolution) {
        auto touched = impl_->database.Write(
            [&](db::Connection& connection) { return TouchSession(connection, session->principal.session_id, now); });
        if (!touched) return tl::unexpected(touched.error());
    }
    return std::optional<Principal>(std::move(session->principal));
}

}  // namespace enshu::accounts
