// Live play, teams: the inbox, acknowledgements and the action log of an organisation;
// the controllers' progress view (docs/api.md "Live play"). The logic lives in
// live::PlayService; these handlers scope every request to the caller's exercise and
// organisation (out of scope answers 404).

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/feature_support.hpp"
#include "api/handlers.hpp"
#include "api/live_support.hpp"
#include "exercise/field_validation.hpp"
#include "live/presence.hpp"

namespace enshu::api {
namespace {

constexpr std::string_view kOrganisationInExercise = "SELECT 1 FROM organisation WHERE id = $1 AND exercise_id = $2";
constexpr std::size_t kMaxInjectIdBytes = 64;
constexpr std::size_t kMaxFilterBytes = 64;

bool WatchesEverything(const Principal& caller, std::int64_t exercise_id) {
    return caller.IsOrganiser(exercise_id) || caller.HasRole(exercise_id, Role::kController) ||
           caller.HasRole(exercise_id, Role::kObserver);
}

Status RequireOrganisationInExercise(RequestContext& context, std::int64_t exercise_id, std::int64_t organisation_id) {
    bool exists = false;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kOrganisationInExercise, {organisation_id, exercise_id});
        if (!row) return tl::unexpected(row.error());
        exists = row->has_value();
        return Ok();
    });
    if (!read) return read;
    if (!exists) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    return Ok();
}

// The organisation of the path when the caller is one of its people; 404 otherwise.
Result<TeamMember> RequireOwnOrganisation(RequestContext& context, std::int64_t exercise_id,
                                          std::int64_t organisation_id) {
    auto member = RequireTeamMember(context, exercise_id);
    if (!member) return tl::unexpected(member.error());
    if (member->organisation_id != organisation_id) {
        return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    }
    return *member;
}

Result<std::string> InjectIdOfPath(const RequestContext& context) {
    auto found = context.request.path_params.find("inject_id");
    if (found == context.request.path_params.end() || found->second.empty() ||
        found->second.size() > kMaxInjectIdBytes) {
        return Fail(ErrorCode::kNotFound, "no such inject", "inject_id");
    }
    return found->second;
}

Result<live::ActionInput> ParseAction(const nlohmann::json& body) {
    live::ActionInput input;
    auto text = body.find("text");
    if (text == body.end() || !text->is_string()) {
        return Fail(ErrorCode::kInvalidArgument, "text: a string is required", "text");
    }
    input.text = text->get<std::string>();
    if (auto objective = body.find("objective"); objective != body.end() && !objective->is_null()) {
        if (!objective->is_number_integer()) {
            return Fail(ErrorCode::kInvalidArgument, "objective: expected a number 1..10", "objective");
        }
        const auto value = objective->get<std::int64_t>();
        if (value < 1 || value > 10) return Fail(ErrorCode::kInvalidArgument, "objective must be 1..10", "objective");
        input.objective = static_cast<int>(value);
    }
    auto decision_type = body.find("decision_type");
    if (decision_type == body.end() || !decision_type->is_string()) {
        return Fail(ErrorCode::kInvalidArgument, "decision_type: a string is required", "decision_type");
    }
    input.decision_type = decision_type->get<std::string>();
    if (auto inject = body.find("inject_id"); inject != body.end() && !inject->is_null()) {
        if (!inject->is_string()) return Fail(ErrorCode::kInvalidArgument, "inject_id: expected a string", "inject_id");
        input.inject_id = inject->get<std::string>();
    }
    return input;
}

std::optional<std::string> Filter(const RequestContext& context, const char* name, Status& status) {
    auto value = context.request.QueryParam(name);
    if (value && value->size() > kMaxFilterBytes) {
        status = Fail(ErrorCode::kInvalidArgument, std::string(name) + ": too long", name);
    }
    return value;
}

}  // namespace

Result<Response> HandleGetInbox(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto member = RequireTeamMember(context, *exercise_id);
    if (!member) return tl::unexpected(member.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto subscriber = live::ParticipantSubscriber(context.services.database, *exercise_id, member->organisation_id,
                                                  member->person_id);
    if (!subscriber) return tl::unexpected(subscriber.error());
    auto inbox = live->Play(context).InboxOf(*subscriber);
    if (!inbox) return tl::unexpected(inbox.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : inbox->items) {
        auto payload = nlohmann::json::parse(item.event.payload_json, nullptr, false);
        if (payload.is_discarded()) payload = nlohmann::json::object();
        const auto when = [](const std::optional<std::int64_t>& us) {
            return us ? nlohmann::json(TimestampText(*us)) : nlohmann::json(nullptr);
        };
        items.push_back({{"seq", item.event.seq},
                         {"type", item.event.type},
                         {"released_at", TimestampText(item.event.released_at_us)},
                         {"released_at_us", item.event.released_at_us},
                         {"payload", std::move(payload)},
                         {"acknowledged_by_me", item.my_ack_us.has_value()},
                         {"acknowledged_at", when(item.my_ack_us)},
                         {"acknowledged_by_organisation", item.organisation_ack_us.has_value()},
                         {"organisation_acknowledged_at", when(item.organisation_ack_us)}});
    }
    return Response::Json({{"organisation_id", inbox->organisation_id},
                           {"last_seq", inbox->last_seq},
                           {"actions_count", inbox->actions_count},
                           {"items", std::move(items)}});
}

Result<Response> HandleAcknowledgeInject(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto member = RequireTeamMember(context, *exercise_id);
    if (!member) return tl::unexpected(member.error());
    auto inject_id = InjectIdOfPath(context);
    if (!inject_id) return tl::unexpected(inject_id.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto ack = live->Play(context).Acknowledge(*exercise_id, member->organisation_id, member->person_id, *inject_id,
                                               ActorOf(context));
    if (!ack) return tl::unexpected(ack.error());
    return Response::Json({{"inject_id", ack->inject_id},
                           {"acknowledged_at", TimestampText(ack->acked_at_us)},
                           {"created", ack->created}});
}

Result<Response> HandleListActions(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto caller =
        RequireLiveRole(context, *exercise_id,
                        {Role::kOrganiser, Role::kController, Role::kObserver, Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    if (WatchesEverything(**caller, *exercise_id)) {
        if (auto s = RequireOrganisationInExercise(context, *exercise_id, *organisation_id); !s) {
            return tl::unexpected(s.error());
        }
    } else if (auto own = RequireOwnOrganisation(context, *exercise_id, *organisation_id); !own) {
        return tl::unexpected(own.error());
    }
    auto paging = exercise::ParsePaging(context.request.QueryParam("page"), context.request.QueryParam("page_size"));
    if (!paging) return tl::unexpected(paging.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto page = live->Play(context).ListActions(*exercise_id, *organisation_id, paging->page, paging->page_size);
    if (!page) return tl::unexpected(page.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& entry : page->items) items.push_back(live::ActionJson(entry));
    return Response::Json(ListEnvelope(std::move(items), page->total, paging->page, paging->page_size));
}

Result<Response> HandleCreateAction(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto member = RequireOwnOrganisation(context, *exercise_id, *organisation_id);
    if (!member) return tl::unexpected(member.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseAction(*body);
    if (!input) return tl::unexpected(input.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto entry = live->Play(context).LogAction(*exercise_id, member->organisation_id, member->person_id, *input,
                                               ActorOf(context));
    if (!entry) return tl::unexpected(entry.error());
    return Response::Json(live::ActionJson(*entry), 201);
}

Result<Response> HandleGetProgress(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kObserver});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    Status filters = Ok();
    const std::string sector = Filter(context, "sector", filters).value_or("");
    const std::string mode = Filter(context, "mode", filters).value_or("");
    if (!filters) return tl::unexpected(filters.error());
    std::unordered_map<std::int64_t, int> online;
    if (context.services.presence != nullptr) online = context.services.presence->OnlineParticipants(*exercise_id);
    auto rows = live->Play(context).Progress(*exercise_id, sector, mode, online);
    if (!rows) return tl::unexpected(rows.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : *rows) items.push_back(live::ProgressJson(row));
    auto page = PagedList(context, items);
    if (!page) return tl::unexpected(page.error());
    return Response::Json(*page);
}

}  // namespace enshu::api
