// The media pressure feed over HTTP (docs/api.md "PR site and media"): personas and
// items written by controllers and the organiser, the feed read by everyone of the
// exercise, hashtag trends, and hiding (organiser). The logic lives in world::MediaService.

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/live_support.hpp"
#include "api/pr_handlers.hpp"
#include "core/clock.hpp"
#include "world/media_service.hpp"

namespace enshu::api {
namespace {

constexpr int kDefaultFeedLimit = 100;
constexpr int kMaxFeedLimit = 500;

Result<world::MediaService> MediaOf(RequestContext& context) {
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    return world::MediaService(context.services.database, context.services.clock, context.services.audit, live->events,
                               live->scheduler.scenarios());
}

Result<const Principal*> RequireMemberOfExercise(const RequestContext& context, std::int64_t exercise_id) {
    return RequireLiveRole(
        context, exercise_id,
        {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead, Role::kParticipant});
}

Result<std::optional<std::int64_t>> OptionalId(const nlohmann::json& body, const char* name) {
    auto member = body.find(name);
    if (member == body.end() || member->is_null()) return std::optional<std::int64_t>();
    if (!member->is_number_integer() || member->get<std::int64_t>() <= 0) {
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": expected a positive integer or null", name);
    }
    return std::optional<std::int64_t>(member->get<std::int64_t>());
}

Result<std::string> RequiredString(const nlohmann::json& body, const char* name) {
    auto member = body.find(name);
    if (member == body.end() || !member->is_string()) {
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": a string is required", name);
    }
    return member->get<std::string>();
}

Result<world::PersonaInput> ParsePersona(const nlohmann::json& body) {
    world::PersonaInput input;
    auto name = RequiredString(body, "name");
    if (!name) return tl::unexpected(name.error());
    auto handle = RequiredString(body, "handle");
    if (!handle) return tl::unexpected(handle.error());
    auto kind = RequiredString(body, "kind");
    if (!kind) return tl::unexpected(kind.error());
    input.name = *name;
    input.handle = *handle;
    input.kind = *kind;
    if (auto verified = body.find("verified"); verified != body.end() && !verified->is_null()) {
        if (!verified->is_boolean())
            return Fail(ErrorCode::kInvalidArgument, "verified: expected true or false", "verified");
        input.verified = verified->get<bool>();
    }
    auto avatar = OptionalId(body, "avatar_attachment_id");
    if (!avatar) return tl::unexpected(avatar.error());
    input.avatar_attachment_id = *avatar;
    return input;
}

// "at": a scenario time "D1 10:30" or a number of scenario minutes; absent/null = now.
Result<world::MediaItemInput> ParseItem(const nlohmann::json& body) {
    world::MediaItemInput input;
    auto persona = OptionalId(body, "persona_id");
    if (!persona) return tl::unexpected(persona.error());
    if (!*persona) return Fail(ErrorCode::kInvalidArgument, "persona_id: required", "persona_id");
    input.persona_id = **persona;
    auto channel = RequiredString(body, "channel");
    if (!channel) return tl::unexpected(channel.error());
    input.channel = *channel;
    auto text = RequiredString(body, "text");
    if (!text) return tl::unexpected(text.error());
    input.text = *text;
    auto image = OptionalId(body, "image_attachment_id");
    if (!image) return tl::unexpected(image.error());
    input.image_attachment_id = *image;
    if (auto base = body.find("base_engagement"); base != body.end() && !base->is_null()) {
        if (!base->is_number_integer()) {
            return Fail(ErrorCode::kInvalidArgument, "base_engagement: expected an integer 0..1000000",
                        "base_engagement");
        }
        input.base_engagement = base->get<std::int64_t>();
    }
    if (auto at = body.find("at"); at != body.end() && !at->is_null()) {
        if (at->is_string()) {
            auto minutes = scenario::ParseScenarioTime(at->get<std::string>());
            if (!minutes)
                return Fail(ErrorCode::kInvalidArgument, "at: expected a scenario time such as D1 10:30", "at");
            input.scheduled_minutes = static_cast<double>(*minutes);
        } else if (at->is_number()) {
            input.scheduled_minutes = at->get<double>();
        } else {
            return Fail(ErrorCode::kInvalidArgument, "at: expected a scenario time such as D1 10:30", "at");
        }
    }
    return input;
}

bool IsWatchingStaff(const Principal& caller, std::int64_t exercise_id) {
    return caller.IsOrganiser(exercise_id) || caller.HasRole(exercise_id, Role::kController) ||
           caller.HasRole(exercise_id, Role::kObserver);
}

Result<Response> SetHidden(RequestContext& context, bool hidden) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto item_id = context.PathId("item_id");
    if (!item_id) return tl::unexpected(item_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto service = MediaOf(context);
    if (!service) return tl::unexpected(service.error());
    auto item = service->SetHidden(*exercise_id, *item_id, hidden, ActorOf(context));
    if (!item) return tl::unexpected(item.error());
    const std::int64_t now_us =
        std::chrono::duration_cast<std::chrono::microseconds>(context.services.clock.Now().time_since_epoch()).count();
    return Response::Json(world::MediaItemJson(*item, world::MediaTime{now_us, std::nullopt, 0}));
}

}  // namespace

Result<Response> HandleListPersonas(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kObserver});
    if (!caller) return tl::unexpected(caller.error());
    auto service = MediaOf(context);
    if (!service) return tl::unexpected(service.error());
    auto personas = service->ListPersonas(*exercise_id);
    if (!personas) return tl::unexpected(personas.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& persona : *personas) items.push_back(world::PersonaJson(persona));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleCreatePersona(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParsePersona(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = MediaOf(context);
    if (!service) return tl::unexpected(service.error());
    auto persona = service->CreatePersona(*exercise_id, *input, ActorOf(context));
    if (!persona) return tl::unexpected(persona.error());
    return Response::Json(world::PersonaJson(*persona), 201);
}

Result<Response> HandleListMediaItems(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireMemberOfExercise(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    const std::string channel = context.request.QueryParam("channel").value_or("");
    if (!channel.empty() && channel != "press" && channel != "social") {
        return Fail(ErrorCode::kInvalidArgument, "channel: expected press or social", "channel");
    }
    int limit = kDefaultFeedLimit;
    if (auto text = context.request.QueryParam("limit"); text && !text->empty()) {
        char* end = nullptr;
        const long value = std::strtol(text->c_str(), &end, 10);
        if (end == nullptr || *end != '\0' || value < 1 || value > kMaxFeedLimit) {
            return Fail(ErrorCode::kInvalidArgument, "limit: expected 1..500", "limit");
        }
        limit = static_cast<int>(value);
    }
    auto service = MediaOf(context);
    if (!service) return tl::unexpected(service.error());
    const bool staff = IsWatchingStaff(**caller, *exercise_id);
    auto feed = service->Feed(*exercise_id, staff ? world::MediaAudience::kStaff : world::MediaAudience::kParticipants,
                              channel, limit);
    if (!feed) return tl::unexpected(feed.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : feed->items) items.push_back(world::MediaItemJson(item, feed->Time()));
    nlohmann::json scenario_time = nullptr;
    if (feed->scenario_minutes_now) {
        scenario_time = scenario::FormatScenarioTime(
            static_cast<scenario::ScenarioMinutes>(std::floor(*feed->scenario_minutes_now)));
    }
    return Response::Json(
        {{"items", std::move(items)}, {"now_us", feed->now_us}, {"scenario_time_now", scenario_time}});
}

Result<Response> HandleCreateMediaItem(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseItem(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = MediaOf(context);
    if (!service) return tl::unexpected(service.error());
    auto item = service->Post(*exercise_id, *input, ActorOf(context));
    if (!item) return tl::unexpected(item.error());
    return Response::Json(world::MediaItemJson(*item, world::MediaTime{item->published_at_us.value_or(0),
                                                                       item->published_scenario_minutes, 0}),
                          201);
}

Result<Response> HandleHideMediaItem(RequestContext& context) { return SetHidden(context, true); }

Result<Response> HandleUnhideMediaItem(RequestContext& context) { return SetHidden(context, false); }

Result<Response> HandleGetMediaTrends(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireMemberOfExercise(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    double window = 60;
    if (auto text = context.request.QueryParam("window_minutes"); text && !text->empty()) {
        char* end = nullptr;
        window = std::strtod(text->c_str(), &end);
        if (end == nullptr || *end != '\0' || !(window >= 1 && window <= 10080)) {
            return Fail(ErrorCode::kInvalidArgument, "window_minutes: expected 1..10080", "window_minutes");
        }
    }
    auto service = MediaOf(context);
    if (!service) return tl::unexpected(service.error());
    auto trends = service->Trends(*exercise_id, window);
    if (!trends) return tl::unexpected(trends.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& trend : *trends) items.push_back({{"tag", trend.tag}, {"count", trend.count}});
    return Response::Json({{"window_minutes", window}, {"items", std::move(items)}});
}

}  // namespace enshu::api
