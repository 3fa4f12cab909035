#pragma once

// Limits failed password logins per login name and per remote address within a
// window (AccountSettings::login_window). A blocked login or address answers
// kRateLimited before any password is hashed. A successful login clears that login's
// failures (not the address's: one address may try many logins).
// Logins are compared case-insensitively (ASCII), as accounts stores them lower-cased.
//
// Thread-safe: each AttemptCounter has its own mutex; the limiter has no other state.

#include <cstddef>
#include <string_view>

#include "accounts/attempt_counter.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace enshu::accounts {

struct AccountSettings;

class LoginRateLimiter {
  public:
    // Tracks at most `max_keys` logins and `max_keys` addresses.
    LoginRateLimiter(const Clock& clock, const AccountSettings& settings, std::size_t max_keys = 10'000);

    // Ok, or kRateLimited with the retry time ("retry after 2026-11-28T02:01:37.123Z")
    // in the message and Error::retry_after; field "login" when the login is blocked,
    // empty for the address.
    Status Check(std::string_view login, std::string_view remote_address) const;
    void RecordFailure(std::string_view login, std::string_view remote_address);
    void RecordSuccess(std::string_view login);

    std::size_t TrackedLogins() const { return by_login_.size(); }
    std::size_t TrackedAddresses() const { return by_address_.size(); }

  private:
    const Clock& clock_;
    AttemptCounter by_login_;
    AttemptCounter by_address_;
};

}  // namespace enshu::accounts
