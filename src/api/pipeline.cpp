#include "api/pipeline.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>
#include <random>
#include <string>

#include "api/settings.hpp"
#include "core/metrics.hpp"

namespace enshu::api {

namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'";
// Session tokens are 43 characters; anything far longer is not one of ours.
constexpr std::size_t kMaxSessionTokenBytes = 512;
// Longest path written to the access log.
constexpr std::size_t kMaxLoggedPathBytes = 256;

Response ErrorResponse(ErrorCode code, std::string message, std::string field) {
    return Response::FromError(Error{code, std::move(message), std::move(field)});
}

Response InternalError(const std::string& request_id) {
    return ErrorResponse(ErrorCode::kInternal, "internal error (request id " + request_id + ")", "");
}

bool IsStateChanging(std::string_view method) {
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
        if (x != y) return false;
    }
    return true;
}

bool HasHeader(const Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
        if (EqualsIgnoreCase(header, name)) return true;
    }
    return false;
}

void AddSecurityHeaders(Response& response, bool is_static) {
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("Referrer-Policy", "same-origin");
    response.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
    if (!is_static && !HasHeader(response, "Cache-Control")) response.headers.emplace_back("Cache-Control", "no-store");
}

// The raw path for the log: bounded, printable ASCII, no quotes (keeps log lines parseable).
std::string LoggablePath(std::string_view target) {
    std::string_view path = target.substr(0, target.find('?'));
    std::string printable;
    for (char c : path.substr(0, kMaxLoggedPathBytes)) {
        bool plain = c > 0x20 && c < 0x7f && c != '"' && c != '\\';
        printable.push_back(plain ? c : '?');
    }
    if (path.size() > kMaxLoggedPathBytes) printable += "...";
    return printable;
}

}  // namespace

struct Pipeline::Outcome {
    std::string_view route_name = "rejected";
    std::optional<std::int64_t> user_id;
    bool is_static = false;
};

bool IsValidRequestId(std::string_view id) {
    if (id.empty() || id.size() > Pipeline::kMaxRequestIdBytes) return false;
    for (char c : id) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string NewRequestId() {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t bits = generator();
    std::string id(16, '0');
    for (int i = 0; i < 16; ++i) id[i] = kHex[(bits >> (4 * i)) & 0xf];
    return id;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
    }
    return difference == 0;
}

Pipeline::Pipeline(Services& services, const std::vector<Route>& routes, Authenticator authenticator)
    : services_(services),
      routes_(routes),
      router_(routes_),
      static_files_(services.settings.web_root),
      authenticator_(std::move(authenticator)) {}

Response Pipeline::Handle(Request& request) {
    const auto started = std::chrono::steady_clock::now();
    auto incoming_id = request.Header("x-request-id");
    request.request_id = incoming_id && IsValidRequestId(*incoming_id) ? *incoming_id : NewRequestId();

    Outcome outcome;
    Response response;
    try {
        response = Dispatch(request, outcome);
    } catch (const std::exception& error) {
        spdlog::error("request_id={} pipeline failed: {}", request.request_id, error.what());
        response = InternalError(request.request_id);
    } catch (...) {
        spdlog::error("request_id={} pipeline failed with a non-standard exception", request.request_id);
        response = InternalError(request.request_id);
    }
    AddSecurityHeaders(response, outcome.is_static);
    response.headers.emplace_back("X-Request-Id", request.request_id);

    const auto duration =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    services_.metrics.RecordRequest(std::string(outcome.route_name), response.status, duration);
    spdlog::info("request_id={} method={} path=\"{}\" route={} status={} duration_us={} bytes={} user={}",
                 request.request_id, request.method, LoggablePath(request.target), outcome.route_name, response.status,
                 duration.count(), response.body.size(),
                 outcome.user_id ? std::to_string(*outcome.user_id) : std::string("-"));
    return response;
}

Response Pipeline::Dispatch(Request& request, Outcome& outcome) {
    // Limits, and the decoded path and query.
    std::string_view target = request.target;
    std::size_t question = target.find('?');
    std::string_view raw_path = target.substr(0, question);
    std::string_view raw_query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    if (raw_path.size() > kMaxPathBytes) {
        return ErrorResponse(ErrorCode::kInvalidArgument,
                             "path: longer than " + std::to_string(kMaxPathBytes) + " bytes", "path");
    }
    auto path = PercentDecode(raw_path, false);
    if (!path || path->empty() || path->front() != '/' || path->find('\0') != std::string::npos) {
        return ErrorResponse(ErrorCode::kInvalidArgument, "path: malformed request path", "path");
    }
    std::size_t parameter_count = 0;
    for (std::string_view rest = raw_query; !rest.empty();) {
        std::size_t end = rest.find('&');
        std::string_view pair = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (pair.empty()) continue;
        if (++parameter_count > kMaxQueryParameters) {
            return ErrorResponse(ErrorCode::kInvalidArgument,
                                 "query: more than " + std::to_string(kMaxQueryParameters) + " parameters", "query");
        }
        if (!PercentDecode(pair, true)) {
            return ErrorResponse(ErrorCode::kInvalidArgument, "query: malformed percent-escape", "query");
        }
    }
    if (request.body.size() > services_.settings.max_body_bytes) {
        return ErrorResponse(ErrorCode::kPayloadTooLarge,
                             "body: larger than " + std::to_string(services_.settings.max_body_bytes) + " bytes",
                             "body");
    }
    request.path = std::move(*path);
    request.query = ParseQuery(raw_query);

    // Routing.
    const bool is_api = request.path == "/api" || request.path.starts_with("/api/");
    RouteMatch match = router_.Match(request.method, request.path);
    if (match.kind == MatchKind::kNotFound) {
        if (!is_api) {
            outcome.route_name = "static";
            outcome.is_static = true;
            return static_files_.Serve(request);
        }
        outcome.route_name = "not_found";
        return ErrorResponse(ErrorCode::kNotFound, "path: no API route '" + request.path + "'", "path");
    }
    if (match.kind == MatchKind::kMethodNotAllowed) {
        outcome.route_name = "method_not_allowed";
        Response response =
            ErrorResponse(ErrorCode::kInvalidArgument,
                          "method: " + request.method + " is not allowed here; use " + match.allow, "method");
        response.status = 405;
        response.headers.emplace_back("Allow", match.allow);
        return response;
    }
    const Route& route = *match.route;
    outcome.route_name = route.name;
    request.path_params = std::move(match.path_params);

    // Authentication.
    std::optional<Principal> principal;
    auto token = request.Cookie(kSessionCookie);
    if (token && !token->empty() && token->size() <= kMaxSessionTokenBytes) {
        auto authenticated = authenticator_(*token);
        if (!authenticated) {
            // A public route (login) still works when the session store is unreachable
            // only for anonymous callers; a session route cannot.
            if (route.access == Access::kSession) return Response::FromError(authenticated.error());
        } else {
            principal = std::move(*authenticated);
        }
    }
    if (route.access == Access::kSession && !principal) {
        return ErrorResponse(ErrorCode::kUnauthenticated, "session: sign in first (no valid session)", "session");
    }
    if (principal) outcome.user_id = principal->user_id;

    // CSRF. A session route needs the session's token. A public route accepts either the
    // token of a current session or X-Requested-With: enshu (a header that a cross-site
    // form cannot set).
    if (IsStateChanging(request.method)) {
        auto csrf_header = request.Header("x-csrf-token");
        bool token_ok = principal && csrf_header && !principal->csrf_token.empty() &&
                        ConstantTimeEquals(*csrf_header, principal->csrf_token);
        if (route.access == Access::kSession && !token_ok) {
            return ErrorResponse(ErrorCode::kCsrf, "X-CSRF-Token: missing or does not match the session",
                                 "X-CSRF-Token");
        }
        if (route.access == Access::kPublic && !token_ok && request.Header("x-requested-with") != "enshu") {
            return ErrorResponse(ErrorCode::kCsrf, "X-Requested-With: must be 'enshu'", "X-Requested-With");
        }
    }
    return RunHandler(route, request, principal);
}

Response Pipeline::RunHandler(const Route& route, Request& request, const std::optional<Principal>& principal) {
    RequestContext context{request, principal, services_};
    try {
        Result<Response> result = route.handler(context);
        if (result) return std::move(*result);
        if (result.error().code == ErrorCode::kInternal) {
            spdlog::error("request_id={} route={} internal error: {}", request.request_id, route.name,
                          result.error().message);
            return InternalError(request.request_id);
        }
        return Response::FromError(result.error());
    } catch (const std::exception& error) {
        spdlog::error("request_id={} route={} handler threw: {}", request.request_id, route.name, error.what());
    } catch (...) {
        spdlog::error("request_id={} route={} handler threw a non-standard exception", request.request_id, route.name);
    }
    return InternalError(request.request_id);
}

}  // namespace enshu::api
