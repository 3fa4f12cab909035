// Sessions: POST /api/auth/login, POST /api/auth/join, POST /api/auth/logout,
// GET /api/auth/session. The logic lives in accounts::AccountService.

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "accounts/account_service.hpp"
#include "accounts/staff_validation.hpp"
#include "api/actor.hpp"
#include "api/handlers.hpp"
#include "api/session_cookie.hpp"
#include "api/session_json.hpp"
#include "api/settings.hpp"
#include "exercise/field_validation.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxLoginCharacters = 64;
constexpr std::size_t kMaxPasswordCharacters = 256;
constexpr std::size_t kMaxJoinTokenCharacters = 64;

// A required, non-empty string member of at most `max_characters` characters.
Result<std::string> RequiredString(const nlohmann::json& body, std::string_view member, std::size_t max_characters) {
    auto value = exercise::OptionalString(body, member, member);
    if (!value) return tl::unexpected(value.error());
    const std::string name(member);
    if (!*value || (*value)->empty()) return Fail(ErrorCode::kInvalidArgument, name + ": required", name);
    const auto characters = accounts::Utf8Length(**value);
    if (!characters) return Fail(ErrorCode::kInvalidArgument, name + ": not valid UTF-8", name);
    if (*characters > max_characters) {
        return Fail(ErrorCode::kInvalidArgument, name + ": at most " + std::to_string(max_characters) + " characters",
                    name);
    }
    return std::move(**value);
}

CookieSecurity CookieSecurityOf(const RequestContext& context) {
    return context.services.settings.secure_cookies ? CookieSecurity::kSecure : CookieSecurity::kPlain;
}

Response SessionResponse(const RequestContext& context, const accounts::SessionStart& start) {
    Response response = Response::Json(SessionJson(start.principal));
    const auto max_age =
        std::chrono::duration_cast<std::chrono::seconds>(context.services.accounts.settings().session_ttl);
    response.headers.emplace_back("Set-Cookie", SessionCookie(start.token, max_age, CookieSecurityOf(context)));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

// Failed sign-ins go to the log file, not to the audit table: anyone can cause them,
// so auditing them would let an attacker grow the table without bound.
void LogFailedSignIn(const RequestContext& context, std::string_view what, std::string_view login, const Error& error) {
    // Only well-formed logins are written, so that log lines cannot be forged.
    const std::string_view shown = accounts::ValidateLogin(login) ? login : std::string_view("-");
    spdlog::warn("request_id={} {} failed: login={} remote_address={} code={} message=\"{}\"",
                 context.request.request_id, what, shown, context.request.remote_address, ErrorCodeName(error.code),
                 error.message);
}

}  // namespace

Result<Response> HandleLogin(RequestContext& context) {
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    if (auto known = exercise::RejectUnknownMembers(*body, {"login", "password"}, {}); !known) {
        return tl::unexpected(known.error());
    }
    auto login = RequiredString(*body, "login", kMaxLoginCharacters);
    if (!login) return tl::unexpected(login.error());
    auto password = RequiredString(*body, "password", kMaxPasswordCharacters);
    if (!password) return tl::unexpected(password.error());
    auto start = context.services.accounts.Login(*login, *password, ClientOf(context));
    if (!start) {
        LogFailedSignIn(context, "login", *login, start.error());
        return tl::unexpected(start.error());
    }
    return SessionResponse(context, *start);
}

Result<Response> HandleJoin(RequestContext& context) {
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    if (auto known = exercise::RejectUnknownMembers(*body, {"token"}, {}); !known) {
        return tl::unexpected(known.error());
    }
    auto token = RequiredString(*body, "token", kMaxJoinTokenCharacters);
    if (!token) return tl::unexpected(token.error());
    auto start = context.services.accounts.Join(*token, ClientOf(context));
    if (!start) {
        LogFailedSignIn(context, "join", "", start.error());
        return tl::unexpected(start.error());
    }
    return SessionResponse(context, *start);
}

Result<Response> HandleLogout(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    if (auto ended = context.services.accounts.Logout(**caller, ClientOf(context)); !ended) {
        return tl::unexpected(ended.error());
    }
    Response response = Response::NoContent();
    response.headers.emplace_back("Set-Cookie", ExpiredSessionCookie(CookieSecurityOf(context)));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

Result<Response> HandleGetSession(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    Response response = Response::Json(SessionJson(**caller));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

}  // namespace enshu::api
