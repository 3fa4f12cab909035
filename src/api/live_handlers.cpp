// Live play, controls: the exercise clock, the master timeline with release status,
// release now, ad-hoc injects and broadcasts (docs/api.md "Live play"). The logic lives
// in src/live (ClockService, ReleaseService, PlayService).

#include <map>
#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/handlers.hpp"
#include "api/live_support.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxSceneIdBytes = 64;
constexpr std::size_t kMaxInjectIdBytes = 64;

Result<Response> ClockOperationResponse(RequestContext& context, live::ClockOperation operation) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    std::string scene_id;
    if (operation == live::ClockOperation::kJump) {
        auto body = context.JsonBody();
        if (!body) return tl::unexpected(body.error());
        auto found = body->find("scene_id");
        if (found == body->end() || !found->is_string() || found->get<std::string>().empty() ||
            found->get<std::string>().size() > kMaxSceneIdBytes) {
            return Fail(ErrorCode::kInvalidArgument, "scene_id: the id of a scene is required", "scene_id");
        }
        scene_id = found->get<std::string>();
    }
    auto view = live->Clocks(context).Apply(*exercise_id, operation, scene_id, ActorOf(context));
    if (!view) return tl::unexpected(view.error());
    return Response::Json(live::ClockJson(*view));
}

nlohmann::json TextJson(const scenario::LocalisedText& text) { return {{"ja", text.ja}, {"en", text.en}}; }

nlohmann::json AudienceJson(const scenario::Audience& audience) {
    return {{"everyone", audience.everyone},
            {"sectors", audience.sectors},
            {"organisations", audience.organisations},
            {"modes", audience.modes},
            {"team_roles", audience.team_roles}};
}

nlohmann::json ReleaseJson(const live::ReleaseRecord& record) {
    return {{"inject_id", record.inject_id},
            {"kind", live::ReleaseKindName(record.kind)},
            {"late", record.late},
            {"released_at", TimestampText(record.released_at_us)},
            {"released_at_us", record.released_at_us},
            {"organisation_count", record.organisation_count}};
}

// Status members of one master-timeline item.
void AddStatus(nlohmann::json& item, const live::ReleaseRecord* record) {
    if (record == nullptr) {
        item["status"] = "pending";
        for (const char* name : {"kind", "released_at", "released_at_us", "due_at"}) item[name] = nullptr;
        item["late"] = false;
        item["organisation_count"] = nullptr;
        return;
    }
    item["status"] = record->late ? "late" : "released";
    item["kind"] = live::ReleaseKindName(record->kind);
    item["late"] = record->late;
    item["released_at"] = TimestampText(record->released_at_us);
    item["released_at_us"] = record->released_at_us;
    item["due_at"] = record->due_wall_us ? nlohmann::json(TimestampText(*record->due_wall_us)) : nullptr;
    item["organisation_count"] = record->organisation_count;
}

nlohmann::json TimelineItem(const scenario::Inject& inject, const std::string& source) {
    return {{"inject_id", inject.id},
            {"scene_id", inject.scene_id},
            {"scenario_time", scenario::FormatScenarioTime(inject.at)},
            {"at_minutes", inject.at},
            {"title", TextJson(inject.title)},
            {"audience", AudienceJson(inject.audience)},
            {"objectives", inject.objectives},
            {"optional", inject.optional},
            {"controller_notes", inject.controller_notes},
            {"source", source}};
}

Result<live::AdhocInjectInput> ParseAdhoc(const nlohmann::json& body) {
    live::AdhocInjectInput input;
    auto title = ReadLocalisedText(body, "title");
    if (!title) return tl::unexpected(title.error());
    input.title = *title;
    auto text = ReadLocalisedText(body, "body");
    if (!text) return tl::unexpected(text.error());
    input.body = *text;
    auto audience = body.find("audience");
    if (audience == body.end() || !audience->is_object()) {
        return Fail(ErrorCode::kInvalidArgument, "audience: an object is required", "audience");
    }
    if (auto everyone = audience->find("everyone"); everyone != audience->end() && !everyone->is_null()) {
        if (!everyone->is_boolean()) {
            return Fail(ErrorCode::kInvalidArgument, "audience.everyone: expected true or false", "audience.everyone");
        }
        input.audience.everyone = everyone->get<bool>();
    }
    if (auto ids = audience->find("organisation_ids"); ids != audience->end() && !ids->is_null()) {
        if (!ids->is_array() || ids->size() > 1000) {
            return Fail(ErrorCode::kInvalidArgument, "audience.organisation_ids: at most 1000 ids",
                        "audience.organisation_ids");
        }
        for (const auto& id : *ids) {
            if (!id.is_number_integer()) {
                return Fail(ErrorCode::kInvalidArgument, "audience.organisation_ids: expected integers",
                            "audience.organisation_ids");
            }
            input.audience.organisation_ids.push_back(id.get<std::int64_t>());
        }
    }
    for (auto [name, target] :
         {std::pair{"sectors", &input.audience.sectors}, std::pair{"modes", &input.audience.modes},
          std::pair{"team_roles", &input.audience.team_roles}}) {
        const std::string field = std::string("audience.") + name;
        auto list = audience->find(name);
        if (list == audience->end() || list->is_null()) continue;
        if (!list->is_array() || list->size() > 100) {
            return Fail(ErrorCode::kInvalidArgument, field + ": at most 100 names", field);
        }
        for (const auto& value : *list) {
            if (!value.is_string()) return Fail(ErrorCode::kInvalidArgument, field + ": expected strings", field);
            target->push_back(value.get<std::string>());
        }
    }
    if (auto objectives = body.find("objectives"); objectives != body.end() && !objectives->is_null()) {
        if (!objectives->is_array() || objectives->size() > 10) {
            return Fail(ErrorCode::kInvalidArgument, "objectives: at most 10 numbers 1..10", "objectives");
        }
        for (const auto& objective : *objectives) {
            if (!objective.is_number_integer()) {
                return Fail(ErrorCode::kInvalidArgument, "objectives: expected numbers 1..10", "objectives");
            }
            input.objectives.push_back(objective.get<int>());
        }
    }
    return input;
}

}  // namespace

Result<Response> HandleGetClock(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(
        context, *exercise_id,
        {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto view = live->Clocks(context).Get(*exercise_id);
    if (!view) return tl::unexpected(view.error());
    return Response::Json(live::ClockJson(*view));
}

Result<Response> HandleClockStart(RequestContext& context) {
    return ClockOperationResponse(context, live::ClockOperation::kStart);
}
Result<Response> HandleClockPause(RequestContext& context) {
    return ClockOperationResponse(context, live::ClockOperation::kPause);
}
Result<Response> HandleClockResume(RequestContext& context) {
    return ClockOperationResponse(context, live::ClockOperation::kResume);
}
Result<Response> HandleClockJump(RequestContext& context) {
    return ClockOperationResponse(context, live::ClockOperation::kJump);
}
Result<Response> HandleClockEnd(RequestContext& context) {
    return ClockOperationResponse(context, live::ClockOperation::kEnd);
}

Result<Response> HandleListReleases(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kObserver});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto snapshot = live->scheduler.scenarios().Load(*exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    auto clock = live->Clocks(context).Get(*exercise_id);
    if (!clock) return tl::unexpected(clock.error());
    auto records = live->Releases(context).List(*exercise_id);
    if (!records) return tl::unexpected(records.error());
    std::map<std::string, const live::ReleaseRecord*> by_id;
    for (const auto& record : *records) by_id[record.inject_id] = &record;

    nlohmann::json items = nlohmann::json::array();
    const auto add = [&](const scenario::Inject& inject, const std::string& source) {
        nlohmann::json item = TimelineItem(inject, source);
        auto found = by_id.find(inject.id);
        AddStatus(item, found == by_id.end() ? nullptr : found->second);
        if (found != by_id.end()) by_id.erase(found);
        items.push_back(std::move(item));
    };
    for (const auto& inject : (*snapshot)->master.injects) add(inject, "master");
    for (const auto& [sector, overlay] : (*snapshot)->sector_overlays) {
        for (const auto& inject : overlay.added) add(inject, "sector");
    }
    for (const auto& [organisation, overlay] : (*snapshot)->organisation_overlays) {
        for (const auto& inject : overlay.added) add(inject, "organisation");
    }
    // Released injects no longer in the scenario, and ad-hoc ones, in release order.
    for (const auto& record : *records) {
        if (by_id.find(record.inject_id) == by_id.end()) continue;
        nlohmann::json item = {{"inject_id", record.inject_id},
                               {"scene_id", nullptr},
                               {"scenario_time", nullptr},
                               {"at_minutes", nullptr},
                               {"title", nullptr},
                               {"audience", nullptr},
                               {"objectives", nlohmann::json::array()},
                               {"optional", false},
                               {"controller_notes", ""},
                               {"source", record.kind == live::ReleaseKind::kAdhoc ? "adhoc" : "removed"}};
        AddStatus(item, &record);
        items.push_back(std::move(item));
    }
    return Response::Json({{"clock", live::ClockJson(*clock)}, {"items", std::move(items)}});
}

Result<Response> HandleReleaseInjectNow(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto found = context.request.path_params.find("inject_id");
    if (found == context.request.path_params.end() || found->second.empty() ||
        found->second.size() > kMaxInjectIdBytes) {
        return Fail(ErrorCode::kNotFound, "no such inject", "inject_id");
    }
    auto outcome = live->Releases(context).ReleaseScenarioInject(
        *exercise_id, found->second, live::ReleaseKind::kManual, std::nullopt, std::nullopt, ActorOf(context));
    if (!outcome) return tl::unexpected(outcome.error());
    live->scheduler.Wake();
    return Response::Json({{"release", ReleaseJson(outcome->release)}, {"created", outcome->created}});
}

Result<Response> HandleReleaseAdhocInject(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseAdhoc(*body);
    if (!input) return tl::unexpected(input.error());
    auto outcome = live->Releases(context).ReleaseAdhoc(*exercise_id, *input, ActorOf(context));
    if (!outcome) return tl::unexpected(outcome.error());
    return Response::Json({{"release", ReleaseJson(outcome->release)}, {"created", true}}, 201);
}

Result<Response> HandleBroadcast(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto message = ReadLocalisedText(*body, "message");
    if (!message) return tl::unexpected(message.error());
    auto seq = live->Play(context).Broadcast(*exercise_id, *message, (*caller)->display_name, ActorOf(context));
    if (!seq) return tl::unexpected(seq.error());
    return Response::Json({{"seq", *seq}}, 201);
}

}  // namespace enshu::api
