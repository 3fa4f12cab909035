// Announcements: every member of the exercise reads the active ones (organisers and
// controllers also the withdrawn and expired, with ?all=true); organisers and
// controllers post and withdraw (world/announcement_service.hpp).

#include "api/actor.hpp"
#include "api/floor_handlers.hpp"
#include "api/live_support.hpp"
#include "world/announcement_service.hpp"

namespace enshu::api {
namespace {

Result<world::AnnouncementService> AnnouncementsOf(RequestContext& context) {
    if (context.services.event_log == nullptr) {
        return Fail(ErrorCode::kUnavailable, "live play is not available on this server");
    }
    return world::AnnouncementService(context.services.database, context.services.clock, context.services.audit,
                                      *context.services.event_log);
}

Result<world::AnnouncementInput> ParseAnnouncement(const nlohmann::json& body) {
    world::AnnouncementInput input;
    auto message = ReadLocalisedText(body, "message");
    if (!message) return tl::unexpected(message.error());
    input.message_ja = message->ja;
    input.message_en = message->en;
    if (body.contains("severity")) {
        if (!body["severity"].is_string()) {
            return Fail(ErrorCode::kInvalidArgument, "severity: must be info, warning or critical", "severity");
        }
        input.severity = body["severity"].get<std::string>();
    }
    if (body.contains("expires_in_minutes") && !body["expires_in_minutes"].is_null()) {
        if (!body["expires_in_minutes"].is_number_integer()) {
            return Fail(ErrorCode::kInvalidArgument, "expires_in_minutes: must be an integer 1..1440 or null",
                        "expires_in_minutes");
        }
        const auto minutes = body["expires_in_minutes"].get<std::int64_t>();
        if (minutes < 1 || minutes > world::kMaxAnnouncementMinutes) {
            return Fail(ErrorCode::kInvalidArgument, "expires_in_minutes: must be 1..1440 (or null: until withdrawn)",
                        "expires_in_minutes");
        }
        input.expires_in_minutes = static_cast<int>(minutes);
    }
    return input;
}

}  // namespace

Result<Response> HandleListAnnouncements(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(
        context, *exercise_id,
        {Role::kOrganiser, Role::kController, Role::kObserver, Role::kMinistry, Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    const std::string all = context.request.QueryParam("all").value_or("false");
    if (all != "true" && all != "false") {
        return Fail(ErrorCode::kInvalidArgument, "all: must be true or false", "all");
    }
    const bool may_see_all =
        (*caller)->IsOrganiser(*exercise_id) || (*caller)->HasRole(*exercise_id, Role::kController);
    if (all == "true" && !may_see_all) {
        return Fail(ErrorCode::kForbidden, "all: only organisers and controllers see withdrawn announcements", "all");
    }
    auto service = AnnouncementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto items = service->List(*exercise_id, all == "true");
    if (!items) return tl::unexpected(items.error());
    const std::int64_t now_us = service->NowUs();
    nlohmann::json json = nlohmann::json::array();
    for (const auto& item : *items) json.push_back(world::AnnouncementJson(item, now_us));
    return Response::Json({{"items", json}, {"now_us", now_us}});
}

Result<Response> HandlePostAnnouncement(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseAnnouncement(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = AnnouncementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto posted = service->Post(*exercise_id, *input, (*caller)->display_name, (*caller)->user_id, ActorOf(context));
    if (!posted) return tl::unexpected(posted.error());
    return Response::Json(world::AnnouncementJson(*posted, service->NowUs()), 201);
}

Result<Response> HandleWithdrawAnnouncement(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto announcement_id = context.PathId("announcement_id");
    if (!announcement_id) return tl::unexpected(announcement_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto service = AnnouncementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto withdrawn = service->Withdraw(*exercise_id, *announcement_id, ActorOf(context));
    if (!withdrawn) return tl::unexpected(withdrawn.error());
    return Response::Json(world::AnnouncementJson(*withdrawn, service->NowUs()));
}

}  // namespace enshu::api
