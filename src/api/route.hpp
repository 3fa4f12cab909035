#pragma once

// One entry of the route table (api/routes.cpp). docs/openapi.yaml must describe
// exactly these routes, with the same roles (x-roles); a test compares them.

#include <string_view>
#include <vector>

#include "api/context.hpp"

namespace enshu::api {

enum class Access {
    kPublic,    // no session needed (health, login, join, static files)
    kSession,   // a valid session is required; the handler checks the role and scope
};

struct Route {
    std::string_view method;    // "GET", "POST", "PATCH", "PUT", "DELETE"
    std::string_view pattern;   // "/api/exercises/{exercise_id}/organisations"
    std::string_view name;      // stable name used in metrics and logs: "organisations.list"
    Access access;
    std::string_view roles;     // who may call it, comma-separated ("organiser,ministry"); "any" or "public"
    Handler handler;
};

// The whole URL table, in one place.
const std::vector<Route>& Routes();

}  // namespace enshu::api
