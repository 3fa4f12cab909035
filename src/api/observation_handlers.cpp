// Observer ratings: observers and organisers only (organisations never see them —
// also not after the exercise; participants, org leads, ministries and controllers get
// 403). Each rating is for an inject released to the organisation
// (world/observation_service.hpp).

#include "api/actor.hpp"
#include "api/floor_handlers.hpp"
#include "api/live_support.hpp"
#include "db/database.hpp"
#include "world/observation_service.hpp"

namespace enshu::api {
namespace {

constexpr std::string_view kOrganisationProfile =
    "SELECT sector_code, participation_mode FROM organisation WHERE id = $1 AND exercise_id = $2";

Result<const Principal*> RequireObserver(const RequestContext& context, std::int64_t exercise_id) {
    return RequireLiveRole(context, exercise_id, {Role::kOrganiser, Role::kObserver});
}

world::ObservationService ObservationsOf(RequestContext& context) {
    return world::ObservationService(context.services.database, context.services.clock, context.services.audit);
}

Result<std::optional<std::int64_t>> OptionalIdParam(const RequestContext& context, const std::string& name) {
    const auto text = context.request.QueryParam(name);
    if (!text || text->empty()) return std::optional<std::int64_t>();
    try {
        std::size_t used = 0;
        const long long value = std::stoll(*text, &used);
        if (used != text->size() || value <= 0) throw std::invalid_argument(name);
        return std::optional<std::int64_t>(value);
    } catch (const std::exception&) {
        return Fail(ErrorCode::kInvalidArgument, name + ": must be a positive integer", name);
    }
}

Result<world::ObservationInput> ParseObservation(const nlohmann::json& body) {
    world::ObservationInput input;
    if (!body.contains("organisation_id") || !body["organisation_id"].is_number_integer()) {
        return Fail(ErrorCode::kInvalidArgument, "organisation_id: an integer is required", "organisation_id");
    }
    input.organisation_id = body["organisation_id"].get<std::int64_t>();
    if (!body.contains("inject_id") || !body["inject_id"].is_string()) {
        return Fail(ErrorCode::kInvalidArgument, "inject_id: a string is required", "inject_id");
    }
    input.inject_id = body["inject_id"].get<std::string>();
    if (!body.contains("rating") || !body["rating"].is_number_integer()) {
        return Fail(ErrorCode::kInvalidArgument, "rating: an integer 1..5 is required", "rating");
    }
    const auto rating = body["rating"].get<std::int64_t>();
    if (rating < world::kMinRating || rating > world::kMaxRating) {
        return Fail(ErrorCode::kInvalidArgument, "rating: must be an integer 1..5", "rating");
    }
    input.rating = static_cast<int>(rating);
    if (body.contains("comment") && !body["comment"].is_null()) {
        if (!body["comment"].is_string())
            return Fail(ErrorCode::kInvalidArgument, "comment: must be a string", "comment");
        input.comment = body["comment"].get<std::string>();
    }
    return input;
}

}  // namespace

Result<Response> HandleListObservations(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireObserver(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    world::ObservationFilter filter;
    auto organisation_id = OptionalIdParam(context, "organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    filter.organisation_id = *organisation_id;
    if (auto inject_id = context.request.QueryParam("inject_id"); inject_id && !inject_id->empty()) {
        if (inject_id->size() > world::kMaxObservationInjectIdBytes) {
            return Fail(ErrorCode::kInvalidArgument, "inject_id: at most 100 bytes", "inject_id");
        }
        filter.inject_id = *inject_id;
    }
    const std::string mine = context.request.QueryParam("mine").value_or("false");
    if (mine != "true" && mine != "false")
        return Fail(ErrorCode::kInvalidArgument, "mine: must be true or false", "mine");
    if (mine == "true") filter.observer_id = (*caller)->user_id;
    auto items = ObservationsOf(context).List(*exercise_id, filter);
    if (!items) return tl::unexpected(items.error());
    nlohmann::json json = nlohmann::json::array();
    for (const auto& item : *items) json.push_back(world::ObservationJson(item));
    return Response::Json({{"items", json}, {"total", json.size()}});
}

Result<Response> HandleSaveObservation(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireObserver(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseObservation(*body);
    if (!input) return tl::unexpected(input.error());
    live::PlayService play = live->Play(context);
    const world::ReleasedCheck released = [&play](db::Connection& connection, std::int64_t exercise,
                                                  std::int64_t organisation, const std::string& inject) {
        return play.ReleasedTo(connection, exercise, organisation, inject);
    };
    auto saved = ObservationsOf(context).Save(*exercise_id, (*caller)->user_id, (*caller)->display_name, *input,
                                              released, ActorOf(context));
    if (!saved) return tl::unexpected(saved.error());
    return Response::Json(world::ObservationJson(saved->first), saved->second ? 201 : 200);
}

// The injects released to one organisation (newest last) with the caller's own rating.
Result<Response> HandleObservationInjects(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireObserver(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto organisation_id = OptionalIdParam(context, "organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    if (!*organisation_id) {
        return Fail(ErrorCode::kInvalidArgument, "organisation_id: is required", "organisation_id");
    }
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    live::StreamSubscriber subscriber;
    subscriber.exercise_id = *exercise_id;
    subscriber.organisation_id = **organisation_id;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kOrganisationProfile, {**organisation_id, *exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
        subscriber.sector = (*row)->Text(0);
        subscriber.mode = (*row)->Text(1);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    auto inbox = live->Play(context).InboxOf(subscriber);
    if (!inbox) return tl::unexpected(inbox.error());
    world::ObservationFilter filter;
    filter.organisation_id = **organisation_id;
    filter.observer_id = (*caller)->user_id;
    auto mine = ObservationsOf(context).List(*exercise_id, filter);
    if (!mine) return tl::unexpected(mine.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : inbox->items) {
        if (item.event.type != "inject.released") continue;
        auto payload = nlohmann::json::parse(item.event.payload_json, nullptr, false);
        if (!payload.is_object()) continue;
        const std::string inject_id = payload.value("inject_id", std::string());
        nlohmann::json own = nullptr;
        for (const auto& observation : *mine) {
            if (observation.inject_id == inject_id) own = world::ObservationJson(observation);
        }
        items.push_back({{"inject_id", inject_id},
                         {"title", payload.value("title", nlohmann::json::object())},
                         {"scenario_time", payload.value("scenario_time", std::string())},
                         {"released_at_us", item.event.released_at_us},
                         {"my_observation", own}});
    }
    return Response::Json({{"organisation_id", **organisation_id}, {"items", items}});
}

Result<Response> HandleExportObservations(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireObserver(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    const std::string format = context.request.QueryParam("format").value_or("csv");
    if (format != "csv" && format != "xlsx")
        return Fail(ErrorCode::kInvalidArgument, "format: must be csv or xlsx", "format");
    const std::string lang = context.request.QueryParam("lang").value_or("en");
    if (lang != "en" && lang != "ja") return Fail(ErrorCode::kInvalidArgument, "lang: must be en or ja", "lang");
    auto file = ObservationsOf(context).Export(*exercise_id, format == "xlsx", lang == "ja");
    if (!file) return tl::unexpected(file.error());
    return Response::ExportDownload(std::move(file->body), std::move(file->content_type), file->filename);
}

}  // namespace enshu::api
