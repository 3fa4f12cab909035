#pragma once

// The private state of AccountService, shared by the files that implement it
// (account_service.cpp: password logins and sessions; join_links.cpp: join links;
// staff_users.cpp: staff accounts and memberships). Not for use outside src/accounts.

#include "accounts/account_service.hpp"
#include "accounts/attempt_counter.hpp"
#include "accounts/login_rate_limiter.hpp"
#include "accounts/password_hasher.hpp"

namespace enshu::accounts {

// Limits on raw inputs of the public entry points (bytes; the API checks characters).
inline constexpr std::size_t kMaxLoginBytes = 64;
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // 256 characters of up to 4 bytes
inline constexpr std::size_t kMaxJoinTokenBytes = 64;
inline constexpr std::size_t kMaxSessionTokenBytes = 128;
inline constexpr std::size_t kJoinTokenRandomBytes = 16;  // 128 bits
// How often Authenticate writes last_seen_at for one session at most.
inline constexpr std::chrono::seconds kLastSeenResolution{60};

// Thread-safety: references are to thread-safe services; hasher, login_limiter and
// join_limiter lock internally.
class AccountService::Impl {
  public:
    Impl(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const AccountSettings& settings)
        : database(database),
          clock(clock),
          audit(audit),
          hasher(settings.argon_ops_limit, settings.argon_memory_limit, settings.max_concurrent_password_hashes),
          login_limiter(clock, settings),
          join_limiter(clock, settings.login_attempts_per_address, settings.login_window, 10'000) {}

    db::Database& database;
    const Clock& clock;
    const audit::AuditLog& audit;
    PasswordHasher hasher;
    LoginRateLimiter login_limiter;
    AttemptCounter join_limiter;  // failed join attempts per remote address
};

}  // namespace enshu::accounts
