// Incident reports (情報共有): the exercise's reporting configuration (recipients'
// priority and required fields; organiser writes, every member reads), submitting a
// report (organisation people) and listing the organisation's own reports. The
// deliveries are cases of the recipients' desks (queue_handlers.cpp).

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/desk_handlers.hpp"
#include "api/desk_support.hpp"

namespace enshu::api {

Result<Response> HandleGetReportingConfig(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, kAnyExerciseRole);
    if (!viewer) return tl::unexpected(viewer.error());
    auto service = IncidentReportServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto config = service->Config(*exercise_id);
    if (!config) return tl::unexpected(config.error());
    auto names = service->RecipientDeskNames(*viewer);
    if (!names) return tl::unexpected(names.error());
    nlohmann::json json = world::ReportingConfigJson(*config);
    json["desk_names"] = std::move(*names);
    return Response::Json(json);
}

Result<Response> HandlePutReportingConfig(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser}); !viewer) {
        return tl::unexpected(viewer.error());
    }
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto config = world::ParseReportingConfig(*body);
    if (!config) return tl::unexpected(config.error());
    auto service = IncidentReportServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    if (auto saved = service->SaveConfig(*exercise_id, *config, ActorOf(context)); !saved) {
        return tl::unexpected(saved.error());
    }
    return Response::Json(world::ReportingConfigJson(*config));
}

Result<Response> HandleCreateIncidentReport(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrgLead, Role::kParticipant});
    if (!viewer) return tl::unexpected(viewer.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = world::ParseReportInput(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = IncidentReportServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto report = service->Submit(*viewer, *input, ActorOf(context));
    if (!report) return tl::unexpected(report.error());
    return Response::Json(*report, 201);
}

Result<Response> HandleListIncidentReports(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrgLead, Role::kParticipant});
    if (!viewer) return tl::unexpected(viewer.error());
    auto service = IncidentReportServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto items = service->ListOwn(*viewer);
    if (!items) return tl::unexpected(items.error());
    return Response::Json({{"items", std::move(*items)}});
}

}  // namespace enshu::api
