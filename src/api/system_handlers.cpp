// Operations endpoints: liveness, readiness and Prometheus metrics.

#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace enshu::api {

Result<Response> HandleHealthz(RequestContext& context) { return Response::Json({{"status", "ok"}}); }

// Ready when the database answers and its schema is exactly this binary's latest.
// Otherwise 503 with the failing check named in "checks" and in error.field.
Result<Response> HandleReadyz(RequestContext& context) {
    nlohmann::json checks = nlohmann::json::object();
    std::string failed;
    std::string message;
    if (!context.services.database.Ping()) {
        checks["database"] = "failed";
        failed = "database";
        message = "database: not reachable";
    } else {
        checks["database"] = "ok";
        auto status = db::InspectMigrations(context.services.database);
        if (!status) {
            checks["migrations"] = "failed";
            failed = "migrations";
            message = "migrations: " + status.error().message;
        } else if (status->current_version != status->latest_version) {
            checks["migrations"] = "failed";
            failed = "migrations";
            message = "migrations: schema version " + std::to_string(status->current_version) + ", expected " +
                      std::to_string(status->latest_version);
        } else {
            checks["migrations"] = "ok";
        }
    }
    if (failed.empty()) return Response::Json({{"status", "ok"}, {"checks", checks}});
    nlohmann::json body = {{"status", "unavailable"},
                           {"checks", checks},
                           {"error", {{"code", "unavailable"}, {"message", message}, {"field", failed}}}};
    return Response::Json(body, HttpStatusFor(ErrorCode::kUnavailable));
}

Result<Response> HandleMetrics(RequestContext& context) {
    Response response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = context.services.metrics.RenderPrometheus();
    return response;
}

}  // namespace enshu::api
