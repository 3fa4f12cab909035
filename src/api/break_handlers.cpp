// Breaks: every member reads the breaks (the participant page shows the running one
// full-screen); organisers and controllers — who run the clock — schedule, extend and
// cancel them (world/break_service.hpp).

#include "api/actor.hpp"
#include "api/floor_handlers.hpp"
#include "api/live_support.hpp"
#include "world/break_service.hpp"

namespace enshu::api {
namespace {

Result<world::BreakService> BreaksOf(RequestContext& context) {
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    live::Scheduler* scheduler = &live->scheduler;
    return world::BreakService(context.services.database, context.services.clock, context.services.audit, live->events,
                               scheduler->scenarios(), [scheduler] { scheduler->Wake(); });
}

Result<world::BreakInput> ParseBreak(const nlohmann::json& body) {
    world::BreakInput input;
    if (body.contains("starts_at_us") && !body["starts_at_us"].is_null()) {
        if (!body["starts_at_us"].is_number_integer()) {
            return Fail(ErrorCode::kInvalidArgument, "starts_at_us: must be µs since the epoch, or null for now",
                        "starts_at_us");
        }
        input.starts_at_us = body["starts_at_us"].get<std::int64_t>();
    }
    if (!body.contains("duration_seconds") || !body["duration_seconds"].is_number_integer()) {
        return Fail(ErrorCode::kInvalidArgument, "duration_seconds: an integer 10..14400 is required",
                    "duration_seconds");
    }
    const auto duration = body["duration_seconds"].get<std::int64_t>();
    if (duration < world::kMinBreakSeconds || duration > world::kMaxBreakSeconds) {
        return Fail(ErrorCode::kInvalidArgument, "duration_seconds: must be 10..14400", "duration_seconds");
    }
    input.duration_seconds = static_cast<int>(duration);
    if (body.contains("message")) {
        auto message = ReadLocalisedText(body, "message");
        if (!message) return tl::unexpected(message.error());
        input.message_ja = message->ja;
        input.message_en = message->en;
    }
    return input;
}

}  // namespace

Result<Response> HandleListBreaks(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(
        context, *exercise_id,
        {Role::kOrganiser, Role::kController, Role::kObserver, Role::kMinistry, Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    auto service = BreaksOf(context);
    if (!service) return tl::unexpected(service.error());
    auto items = service->List(*exercise_id);
    if (!items) return tl::unexpected(items.error());
    const std::int64_t now_us = service->NowUs();
    nlohmann::json json = nlohmann::json::array();
    nlohmann::json current = nullptr;
    for (const auto& item : *items) {
        json.push_back(world::BreakJson(item, now_us));
        if (item.status == "running") current = world::BreakJson(item, now_us);
    }
    return Response::Json({{"items", json}, {"current", current}, {"now_us", now_us}});
}

Result<Response> HandleScheduleBreak(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseBreak(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = BreaksOf(context);
    if (!service) return tl::unexpected(service.error());
    auto scheduled = service->Schedule(*exercise_id, *input, (*caller)->user_id, ActorOf(context));
    if (!scheduled) return tl::unexpected(scheduled.error());
    return Response::Json(world::BreakJson(*scheduled, service->NowUs()), 201);
}

Result<Response> HandleExtendBreak(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto break_id = context.PathId("break_id");
    if (!break_id) return tl::unexpected(break_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    if (!body->contains("extra_seconds") || !(*body)["extra_seconds"].is_number_integer()) {
        return Fail(ErrorCode::kInvalidArgument, "extra_seconds: an integer 1..3600 is required", "extra_seconds");
    }
    const auto extra = (*body)["extra_seconds"].get<std::int64_t>();
    if (extra < 1 || extra > 3600) {
        return Fail(ErrorCode::kInvalidArgument, "extra_seconds: must be 1..3600", "extra_seconds");
    }
    auto service = BreaksOf(context);
    if (!service) return tl::unexpected(service.error());
    auto extended = service->Extend(*exercise_id, *break_id, static_cast<int>(extra), ActorOf(context));
    if (!extended) return tl::unexpected(extended.error());
    return Response::Json(world::BreakJson(*extended, service->NowUs()));
}

Result<Response> HandleCancelBreak(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto break_id = context.PathId("break_id");
    if (!break_id) return tl::unexpected(break_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto service = BreaksOf(context);
    if (!service) return tl::unexpected(service.error());
    auto cancelled = service->Cancel(*exercise_id, *break_id, ActorOf(context));
    if (!cancelled) return tl::unexpected(cancelled.error());
    return Response::Json(world::BreakJson(*cancelled, service->NowUs()));
}

}  // namespace enshu::api
