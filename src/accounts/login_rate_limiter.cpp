#include "accounts/login_rate_limiter.hpp"

#include <string>

#include "accounts/account_service.hpp"
#include "accounts/staff_validation.hpp"

namespace enshu::accounts {

LoginRateLimiter::LoginRateLimiter(const Clock& clock, const AccountSettings& settings, std::size_t max_keys)
    : clock_(clock),
      by_login_(clock, settings.login_attempts_per_account, settings.login_window, max_keys),
      by_address_(clock, settings.login_attempts_per_address, settings.login_window, max_keys) {}

Status LoginRateLimiter::Check(std::string_view login, std::string_view remote_address) const {
    if (auto until = by_login_.BlockedUntil(NormaliseLogin(login))) {
        return FailRateLimited("login: too many failed attempts for this login; retry after " + FormatTimestamp(*until),
                               *until - clock_.Now(), "login");
    }
    if (auto until = by_address_.BlockedUntil(remote_address)) {
        return FailRateLimited("too many failed attempts from this address; retry after " + FormatTimestamp(*until),
                               *until - clock_.Now());
    }
    return Ok();
}

void LoginRateLimiter::RecordFailure(std::string_view login, std::string_view remote_address) {
    by_login_.RecordFailure(NormaliseLogin(login));
    by_address_.RecordFailure(remote_address);
}

void LoginRateLimiter::RecordSuccess(std::string_view login) { by_login_.Clear(NormaliseLogin(login)); }

}  // namespace enshu::accounts
