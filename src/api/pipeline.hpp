#pragma once

// The request pipeline: turns one parsed HTTP request into one response. The network
// layer (src/net) calls Handle() on a worker thread for every request.
//
// Middleware, in this fixed order:
//   1. request id   X-Request-Id kept when valid (1..64 of [A-Za-z0-9_-]), else 16
//                   random hex characters; echoed on the response.
//   2. access log + metrics   one spdlog line and Metrics::RecordRequest per request.
//   3. limits       path <= kMaxPathBytes, <= kMaxQueryParameters, well-formed
//                   percent-escapes, body <= settings.max_body_bytes.
//   4. authentication   cookie enshu_session -> Authenticator; kSession routes
//                   without a valid session answer 401.
//   5. CSRF         POST/PATCH/PUT/DELETE: with a session, X-CSRF-Token must equal the
//                   session's token; without one (public routes), X-Requested-With:
//                   enshu is required. Otherwise 403 csrf_failed.
//   6. handler      exceptions are logged with the request id and answered 500.
// Paths that are neither routes nor under /api/ are static files (api/static_files).
// Every response carries the security headers; non-static responses Cache-Control:
// no-store.
//
// Thread-safe: immutable after construction; Handle() may run on many threads at once.

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "api/context.hpp"
#include "api/route.hpp"
#include "api/router.hpp"
#include "api/static_files.hpp"

namespace enshu::api {

// Resolves a session token to its principal: nullopt for an unknown or expired
// session; an error when the session store cannot be asked.
using Authenticator = std::function<Result<std::optional<Principal>>(std::string_view session_token)>;

inline constexpr std::string_view kSessionCookie = "enshu_session";

class Pipeline {
  public:
    static constexpr std::size_t kMaxPathBytes = 2048;
    static constexpr std::size_t kMaxQueryParameters = 100;
    static constexpr std::size_t kMaxRequestIdBytes = 64;

    // Authenticates with services.accounts (pipeline_accounts.cpp).
    Pipeline(Services& services, const std::vector<Route>& routes);
    // Authenticates with `authenticator` (tests, tools). Copies `routes`.
    Pipeline(Services& services, const std::vector<Route>& routes, Authenticator authenticator);

    // Fills request.path, query, path_params and request_id from the target, then
    // answers. Never throws.
    Response Handle(Request& request);

  private:
    struct Outcome;
    // Steps 3..6; `outcome` receives the route name and user id for the access log.
    Response Dispatch(Request& request, Outcome& outcome);
    Response RunHandler(const Route& route, Request& request, const std::optional<Principal>& principal);

    Services& services_;
    std::vector<Route> routes_;
    Router router_;  // points into routes_
    StaticFiles static_files_;
    Authenticator authenticator_;
};

// True for 1..64 characters of [A-Za-z0-9_-].
bool IsValidRequestId(std::string_view id);
// 16 random lower-case hex characters.
std::string NewRequestId();
// Compares in time that depends only on the lengths, not on where the texts differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace enshu::api
