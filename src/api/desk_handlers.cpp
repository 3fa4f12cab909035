// Desks: configuration (organiser), homepages (every member, scoped), reply templates
// (desk staff), the staff who may serve desks, and the desks' metrics. The logic lives in
// world::DeskService and world/desk_metrics; these handlers scope and serialise.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/desk_handlers.hpp"
#include "api/desk_support.hpp"
#include "db/database.hpp"
#include "world/desk_metrics.hpp"
#include "world/desk_repository.hpp"

namespace enshu::api {
namespace {

world::DeskView ViewFor(const world::QueueViewer& viewer) {
    return viewer.role == world::ViewerRole::kOrganisation ? world::DeskView::kPublic : world::DeskView::kStaff;
}

Result<std::int64_t> DeskIdOf(const RequestContext& context) { return context.PathId("desk_id"); }

}  // namespace

Result<Response> HandleListDesks(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, kAnyExerciseRole);
    if (!viewer) return tl::unexpected(viewer.error());
    auto desks = DeskServiceOf(context).List(*viewer, ActorOf(context));
    if (!desks) return tl::unexpected(desks.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& desk : *desks) items.push_back(world::DeskJson(desk, ViewFor(*viewer)));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleCreateDesk(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser}); !viewer) {
        return tl::unexpected(viewer.error());
    }
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = world::ParseDeskInput(*body, world::DeskInputMode::kCreate);
    if (!input) return tl::unexpected(input.error());
    auto desk = DeskServiceOf(context).Create(*exercise_id, *input, ActorOf(context));
    if (!desk) return tl::unexpected(desk.error());
    return Response::Json(world::DeskJson(*desk, world::DeskView::kStaff), 201);
}

Result<Response> HandleUseDefaultDesks(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser}); !viewer) {
        return tl::unexpected(viewer.error());
    }
    auto desks = DeskServiceOf(context).UseDefaults(*exercise_id, ActorOf(context));
    if (!desks) return tl::unexpected(desks.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& desk : *desks) items.push_back(world::DeskJson(desk, world::DeskView::kStaff));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleGetDesk(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, kAnyExerciseRole);
    if (!viewer) return tl::unexpected(viewer.error());
    auto desk_id = DeskIdOf(context);
    if (!desk_id) return tl::unexpected(desk_id.error());
    auto desk = DeskServiceOf(context).Get(*viewer, *desk_id);
    if (!desk) return tl::unexpected(desk.error());
    return Response::Json(world::DeskJson(*desk, ViewFor(*viewer)));
}

Result<Response> HandleUpdateDesk(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser}); !viewer) {
        return tl::unexpected(viewer.error());
    }
    auto desk_id = DeskIdOf(context);
    if (!desk_id) return tl::unexpected(desk_id.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = world::ParseDeskInput(*body, world::DeskInputMode::kUpdate);
    if (!input) return tl::unexpected(input.error());
    auto desk = DeskServiceOf(context).Update(*exercise_id, *desk_id, *input, ActorOf(context));
    if (!desk) return tl::unexpected(desk.error());
    return Response::Json(world::DeskJson(*desk, world::DeskView::kStaff));
}

Result<Response> HandleDeleteDesk(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser}); !viewer) {
        return tl::unexpected(viewer.error());
    }
    auto desk_id = DeskIdOf(context);
    if (!desk_id) return tl::unexpected(desk_id.error());
    if (auto deleted = DeskServiceOf(context).Delete(*exercise_id, *desk_id, ActorOf(context)); !deleted) {
        return tl::unexpected(deleted.error());
    }
    return Response::NoContent();
}

Result<Response> HandleListReplyTemplates(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kMinistry});
    if (!viewer) return tl::unexpected(viewer.error());
    auto desk_id = DeskIdOf(context);
    if (!desk_id) return tl::unexpected(desk_id.error());
    auto templates = DeskServiceOf(context).Templates(*viewer, *desk_id);
    if (!templates) return tl::unexpected(templates.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& reply_template : *templates) items.push_back(world::ReplyTemplateJson(reply_template));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleCreateReplyTemplate(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kMinistry});
    if (!viewer) return tl::unexpected(viewer.error());
    auto desk_id = DeskIdOf(context);
    if (!desk_id) return tl::unexpected(desk_id.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = world::ParseReplyTemplate(*body);
    if (!input) return tl::unexpected(input.error());
    auto stored = DeskServiceOf(context).AddTemplate(*viewer, *desk_id, *input, ActorOf(context));
    if (!stored) return tl::unexpected(stored.error());
    return Response::Json(world::ReplyTemplateJson(*stored), 201);
}

Result<Response> HandleDeleteReplyTemplate(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kMinistry});
    if (!viewer) return tl::unexpected(viewer.error());
    auto desk_id = DeskIdOf(context);
    if (!desk_id) return tl::unexpected(desk_id.error());
    auto template_id = context.PathId("template_id");
    if (!template_id) return tl::unexpected(template_id.error());
    if (auto deleted = DeskServiceOf(context).DeleteTemplate(*viewer, *desk_id, *template_id, ActorOf(context));
        !deleted) {
        return tl::unexpected(deleted.error());
    }
    return Response::NoContent();
}

Result<Response> HandleListDeskStaff(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kMinistry});
    if (!viewer) return tl::unexpected(viewer.error());
    nlohmann::json items = nlohmann::json::array();
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto staff = world::LoadServingStaff(connection, *exercise_id);
        if (!staff) return tl::unexpected(staff.error());
        for (const auto& member : *staff) {
            items.push_back({{"user_id", member.user_id},
                             {"name", member.name},
                             {"role", member.role},
                             {"ministry_code", member.ministry_code.empty() ? nlohmann::json(nullptr)
                                                                            : nlohmann::json(member.ministry_code)}});
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleGetDeskMetrics(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kObserver});
    if (!viewer) return tl::unexpected(viewer.error());
    auto metrics = world::ComputeDeskMetrics(context.services.database, *exercise_id);
    if (!metrics) return tl::unexpected(metrics.error());
    return Response::Json(world::DeskMetricsJson(*metrics));
}

}  // namespace enshu::api
