#pragma once

// What a handler receives: the request, the authenticated caller (if any) and the
// application's services. Handlers are synchronous and run on the worker pool, so
// they may block on the database.

#include <functional>
#include <optional>
#include <string>

#include "api/http.hpp"
#include "core/access.hpp"
#include "core/result.hpp"

namespace enshu {
class Clock;
class Metrics;
namespace db {
class Database;
}
namespace accounts {
class AccountService;
}
namespace audit {
class AuditLog;
}
namespace live {
class EventLog;
class PresenceSource;
class Scheduler;
}  // namespace live
namespace scenario {
class ScenarioStore;
}
}  // namespace enshu

namespace enshu::api {

struct ServerSettings;

// Long-lived services, owned by app::Application and shared by all threads; each
// documents its own locking.
struct Services {
    db::Database& database;
    const Clock& clock;
    Metrics& metrics;
    accounts::AccountService& accounts;
    audit::AuditLog& audit;
    const ServerSettings& settings;
    // Live play; set by app::Application (null in tools and tests that do not need them).
    live::EventLog* event_log = nullptr;
    live::PresenceSource* presence = nullptr;
    scenario::ScenarioStore* scenarios = nullptr;
    live::Scheduler* scheduler = nullptr;   // woken after clock changes and manual releases
};

struct RequestContext {
    const Request& request;
    const std::optional<Principal>& principal;
    Services& services;

    // The caller, or kUnauthenticated. Routes marked kSession never see nullopt.
    Result<const Principal*> RequireCaller() const;
    // Path parameter parsed as a positive integer id, or kInvalidArgument naming it.
    Result<std::int64_t> PathId(std::string_view name) const;
    // Request body parsed as a JSON object, or kInvalidArgument ("body").
    Result<nlohmann::json> JsonBody() const;
};

using Handler = std::function<Result<Response>(RequestContext&)>;

}  // namespace enshu::api
