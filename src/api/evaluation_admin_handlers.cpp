// The organiser's side of the evaluation instruments: windows (deadlines), completion
// per sector, reminders (docs/api.md "Evaluation instruments"). Logic: src/evaluation.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/evaluation_handlers.hpp"
#include "api/evaluation_support.hpp"
#include "evaluation/completion.hpp"
#include "evaluation/instrument_window.hpp"
#include "exercise/visibility.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxSectorBytes = 64;

nlohmann::json WindowsJson(const std::vector<evaluation::InstrumentWindow>& windows, TimePoint now) {
    nlohmann::json items = nlohmann::json::array();
    const auto optional = [](const std::optional<std::string>& text) {
        return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
    };
    for (const auto& window : windows) {
        items.push_back({{"instrument", evaluation::InstrumentName(window.instrument)},
                         {"opens_at", optional(window.opens_at)},
                         {"closes_at", optional(window.closes_at)},
                         {"open", evaluation::IsWindowOpen(window, now)}});
    }
    return {{"items", items}};
}

Result<evaluation::Instrument> ParseInstrumentText(const std::optional<std::string>& text, const std::string& field) {
    if (text) {
        if (auto instrument = evaluation::ParseInstrument(*text)) return *instrument;
    }
    return Fail(ErrorCode::kInvalidArgument,
                field + ": must be readiness_before, readiness_day_of, objectives or action_record", field);
}

Result<std::optional<std::string>> OptionalTime(const nlohmann::json& entry, const std::string& name,
                                                const std::string& prefix) {
    auto found = entry.find(name);
    if (found == entry.end() || found->is_null()) return std::optional<std::string>();
    if (!found->is_string() || found->get<std::string>().size() > 64) {
        return Fail(ErrorCode::kInvalidArgument, prefix + name + ": expected a UTC time or null", prefix + name);
    }
    if (found->get<std::string>().empty()) return std::optional<std::string>();
    return std::optional<std::string>(found->get<std::string>());
}

// The completion scope of the caller: everything for organiser, controller and
// observer; the ministry's organisations for ministry staff.
evaluation::CompletionScope ScopeOfCaller(const Principal& caller, std::int64_t exercise_id) {
    evaluation::CompletionScope scope;
    const exercise::Visibility visibility = exercise::VisibilityOf(caller, exercise_id);
    scope.all = visibility.all;
    scope.ministry_codes = visibility.ministry_codes;
    return scope;
}

Result<std::string> SectorFilter(const std::optional<std::string>& value, const std::string& field) {
    if (!value) return std::string();
    if (value->size() > kMaxSectorBytes) return Fail(ErrorCode::kInvalidArgument, field + ": too long", field);
    return *value;
}

}  // namespace

Result<Response> HandleGetEvaluationWindows(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireExerciseMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    std::vector<evaluation::InstrumentWindow> windows;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto loaded = evaluation::LoadWindows(connection, *exercise_id);
        if (!loaded) return tl::unexpected(loaded.error());
        windows = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return Response::Json(WindowsJson(windows, context.services.clock.Now()));
}

Result<Response> HandlePutEvaluationWindows(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireExerciseMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    if (!(*caller)->IsOrganiser(*exercise_id)) {
        return Fail(ErrorCode::kForbidden, "only the organiser may set the instrument windows");
    }
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto list = body->find("windows");
    if (list == body->end() || !list->is_array() || list->size() > 10) {
        return Fail(ErrorCode::kInvalidArgument, "windows: expected an array of windows", "windows");
    }
    std::vector<evaluation::InstrumentWindow> windows;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& entry = (*list)[i];
        const std::string prefix = "windows[" + std::to_string(i) + "].";
        if (!entry.is_object()) {
            return Fail(ErrorCode::kInvalidArgument, "windows[" + std::to_string(i) + "]: expected an object",
                        "windows[" + std::to_string(i) + "]");
        }
        auto name = entry.find("instrument");
        auto instrument = ParseInstrumentText(name != entry.end() && name->is_string()
                                                  ? std::optional<std::string>(name->get<std::string>())
                                                  : std::nullopt,
                                              prefix + "instrument");
        if (!instrument) return tl::unexpected(instrument.error());
        auto opens = OptionalTime(entry, "opens_at", prefix);
        if (!opens) return tl::unexpected(opens.error());
        auto closes = OptionalTime(entry, "closes_at", prefix);
        if (!closes) return tl::unexpected(closes.error());
        windows.push_back({*instrument, *opens, *closes});
    }
    auto saved = evaluation::SaveWindows(context.services.database, *exercise_id, windows, context.services.audit,
                                         ActorOf(context));
    if (!saved) return tl::unexpected(saved.error());
    return Response::Json(WindowsJson(*saved, context.services.clock.Now()));
}

Result<Response> HandleGetCompletion(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireExerciseMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    if (!evaluation::CanSeeCompletion(**caller, *exercise_id)) {
        return Fail(ErrorCode::kForbidden, "your role in this exercise does not show completion");
    }
    auto instrument = ParseInstrumentText(context.request.QueryParam("instrument"), "instrument");
    if (!instrument) return tl::unexpected(instrument.error());
    auto sector = SectorFilter(context.request.QueryParam("sector"), "sector");
    if (!sector) return tl::unexpected(sector.error());
    evaluation::CompletionScope scope = ScopeOfCaller(**caller, *exercise_id);
    scope.sector_code = *sector;
    auto completion = evaluation::LoadCompletion(context.services.database, *exercise_id, *instrument, scope);
    if (!completion) return tl::unexpected(completion.error());
    return Response::Json(evaluation::CompletionJson(*completion));
}

Result<Response> HandleSendReminders(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireExerciseMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    if (!(*caller)->IsOrganiser(*exercise_id)) return Fail(ErrorCode::kForbidden, "only the organiser may remind");
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto name = body->find("instrument");
    auto instrument = ParseInstrumentText(
        name != body->end() && name->is_string() ? std::optional<std::string>(name->get<std::string>()) : std::nullopt,
        "instrument");
    if (!instrument) return tl::unexpected(instrument.error());
    std::optional<std::string> sector_text;
    if (auto sector = body->find("sector_code"); sector != body->end() && !sector->is_null()) {
        if (!sector->is_string())
            return Fail(ErrorCode::kInvalidArgument, "sector_code: expected a string", "sector_code");
        sector_text = sector->get<std::string>();
    }
    auto sector = SectorFilter(sector_text, "sector_code");
    if (!sector) return tl::unexpected(sector.error());
    evaluation::CompletionScope scope;
    scope.sector_code = *sector;
    auto outcome = evaluation::SendReminders(context.services.database, context.services.clock, context.services.audit,
                                             context.services.event_log, *exercise_id, *instrument, scope,
                                             (*caller)->user_id, ActorOf(context));
    if (!outcome) return tl::unexpected(outcome.error());
    return Response::Json({{"instrument", evaluation::InstrumentName(*instrument)},
                           {"reminded", outcome->organisation_ids.size()},
                           {"organisation_ids", outcome->organisation_ids}});
}

}  // namespace enshu::api
