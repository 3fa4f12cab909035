#pragma once

// Accounts, sessions and join links.
// - Staff (organiser, controller, ministry, observer) log in with a password hashed
//   with Argon2id (libsodium); at most `max_concurrent_password_hashes` hashes run at
//   once (each takes ~64 MiB), others wait.
// - Organisation people (org lead, participant) have no password: they open a personal
//   join link (random 128-bit token, only its SHA-256 is stored), which starts a session.
// - Sessions live in the database; the cookie carries a random 256-bit token whose
//   SHA-256 is stored. Each session has its own CSRF token.
// Thread-safe: all state is in the database except the rate limiter and the hash
// semaphore, which have their own mutexes.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/session_streams.hpp"
#include "db/database.hpp"

namespace enshu::accounts {

struct AccountSettings {
    std::chrono::hours session_ttl{12};          // absolute session lifetime
    std::chrono::minutes session_idle_ttl{120};  // expiry after inactivity
    std::chrono::hours join_link_ttl{24 * 60};   // default join-link lifetime (60 days)
    int max_concurrent_password_hashes = 2;
    int login_attempts_per_account = 10;  // failed attempts per window
    int login_attempts_per_address = 50;
    std::chrono::minutes login_window{15};
    // Argon2id cost; tests lower these to keep suites fast. Defaults: libsodium "interactive".
    unsigned long long argon_ops_limit = 2;
    std::size_t argon_memory_limit = 64 * 1024 * 1024;
};

struct SessionStart {
    std::string token;  // goes into the HttpOnly cookie; never stored in clear
    Principal principal;
};

struct ClientInfo {
    std::string remote_address;
    std::string user_agent;
    std::string request_id;
};

struct StaffUserInput {
    std::string login;         // 3..64 characters: letters, digits, . _ - @
    std::string display_name;  // 1..100 characters
    std::string password;      // 12..256 characters
    std::string email;
    bool is_admin = false;
};

// Ending sessions also ends their live streams: after the commit that revokes sessions
// (Logout, RevokeJoinLinks, RevokeSessionsOfPerson) the SessionStreamCloser set with
// SetStreamCloser is told (core/session_streams.hpp). As SessionValidity it answers the
// hub's periodic check of the sessions behind open streams.
class AccountService final : public SessionValidity {
  public:
    AccountService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, AccountSettings settings);
    ~AccountService() override;

    // Set once at start, before requests are served; may be null (tools, tests).
    void SetStreamCloser(SessionStreamCloser* closer) { stream_closer_ = closer; }

    // SessionValidity (see core/session_streams.hpp).
    Result<std::unordered_set<std::int64_t>> ValidSessions(const std::vector<std::int64_t>& session_ids) override;

    // Errors: kUnauthenticated (wrong login or password: one message for both),
    // kRateLimited (too many failures for the login or the address).
    Result<SessionStart> Login(std::string_view login, std::string_view password, const ClientInfo& client);
    // Consumes nothing: a join link may be opened again (new device) until it expires
    // or is revoked. Errors: kUnauthenticated (unknown, expired or revoked), kRateLimited.
    Result<SessionStart> Join(std::string_view join_token, const ClientInfo& client);
    Status Logout(const Principal& principal, const ClientInfo& client);
    // The principal of a valid session token, std::nullopt if unknown/expired/revoked.
    Result<std::optional<Principal>> Authenticate(std::string_view session_token);

    Result<std::int64_t> CreateStaffUser(const StaffUserInput& input, const audit::Actor& actor);
    // Adds a staff role in an exercise (ministry requires ministry_code).
    Status AddMembership(std::int64_t exercise_id, std::int64_t user_id, Role role,
                         const std::optional<std::string>& ministry_code, const audit::Actor& actor);
    std::optional<std::int64_t> FindUserIdByLogin(std::string_view login);

    // Issues a new join link for a person and revokes that person's earlier links.
    // Returns the raw token (shown once). ttl nullopt = settings.join_link_ttl.
    Result<std::string> IssueJoinLink(std::int64_t person_id, const audit::Actor& actor,
                                      std::optional<std::chrono::hours> ttl = std::nullopt);
    // Issues a join link inside the caller's transaction (used when people are created).
    Result<std::string> IssueJoinLinkIn(db::Connection& connection, std::int64_t person_id, const audit::Actor& actor,
                                        std::optional<std::chrono::hours> ttl = std::nullopt);
    Status RevokeJoinLinks(std::int64_t person_id, const audit::Actor& actor);
    // Ends every session of a person's user (used when a person is removed or links
    // revoked); their live streams are closed after the caller's transaction commits.
    Status RevokeSessionsOfPerson(db::Connection& connection, std::int64_t person_id);

    const AccountSettings& settings() const { return settings_; }

  private:
    class Impl;
    // Closes the user's streams once `connection`'s transaction has committed.
    void CloseStreamsOfUserAfterCommit(db::Connection& connection, std::int64_t user_id);

    std::unique_ptr<Impl> impl_;
    AccountSettings settings_;
    SessionStreamCloser* stream_closer_ = nullptr;
};

// Hex SHA-256 of a token (the stored form of session tokens and join tokens).
std::string HashToken(std::string_view token);
// A random token of `bytes` bytes, URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes);

}  // namespace enshu::accounts
