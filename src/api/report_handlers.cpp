// Results-report handlers: parse → report::ReportService → serialise. Every request is
// scoped to the caller's exercise and role (see report_handlers.hpp).

#include "api/report_handlers.hpp"

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/live_support.hpp"
#include "report/render_jobs.hpp"
#include "report/report_service.hpp"

namespace enshu::api {
namespace {

constexpr std::string_view kOrganisationMinistry =
    "SELECT ministry_code FROM organisation WHERE id = $1 AND exercise_id = $2";
constexpr std::size_t kMaxQueryBytes = 200;

report::ReportService ServiceOf(RequestContext& context) {
    return report::ReportService(context.services.database, context.services.clock, context.services.audit);
}

// The caller's role facts in the exercise for reports.
struct ReportCaller {
    const Principal* principal = nullptr;
    bool organiser = false;
    std::optional<std::string> ministry_code;      // ministry members
    std::optional<std::int64_t> own_organisation;  // org leads
};

Result<ReportCaller> RequireReportCaller(RequestContext& context, std::int64_t exercise_id,
                                         std::initializer_list<Role> roles) {
    auto principal = RequireLiveRole(context, exercise_id, roles);
    if (!principal) return tl::unexpected(principal.error());
    ReportCaller caller;
    caller.principal = *principal;
    caller.organiser = (*principal)->IsOrganiser(exercise_id);
    for (const Membership& membership : (*principal)->memberships) {
        if (membership.exercise_id != exercise_id) continue;
        if (membership.role == Role::kMinistry && membership.ministry_code)
            caller.ministry_code = membership.ministry_code;
        if (membership.role == Role::kOrgLead && membership.organisation_id)
            caller.own_organisation = membership.organisation_id;
    }
    return caller;
}

std::optional<std::string> Query(const RequestContext& context, const char* name, Status& status) {
    auto value = context.request.QueryParam(name);
    if (value && value->size() > kMaxQueryBytes)
        status = Fail(ErrorCode::kInvalidArgument, std::string(name) + ": too long", name);
    return value;
}

Result<std::optional<int>> OptionalInt(const std::optional<std::string>& text, const char* name, int low, int high) {
    if (!text || text->empty()) return std::optional<int>{};
    try {
        std::size_t used = 0;
        const int value = std::stoi(*text, &used);
        if (used == text->size() && value >= low && value <= high) return std::optional<int>{value};
    } catch (const std::exception&) {
    }
    return Fail(ErrorCode::kInvalidArgument,
                std::string(name) + " must be a number " + std::to_string(low) + ".." + std::to_string(high), name);
}

// May the caller see the feedback report of `organisation_id`? 404 otherwise.
Status RequireOrganisationInScope(RequestContext& context, const ReportCaller& caller, std::int64_t exercise_id,
                                  std::int64_t organisation_id) {
    std::optional<std::string> ministry;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kOrganisationMinistry, {organisation_id, exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (*row) ministry = (*row)->Text(0);
        return Ok();
    });
    if (!read) return read;
    const bool visible =
        ministry && (caller.organiser || (caller.ministry_code && *caller.ministry_code == *ministry) ||
                     (caller.own_organisation && *caller.own_organisation == organisation_id));
    if (!visible) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    return Ok();
}

// The scope of a national/ministry report for this caller: ministry members always get
// their own ministry; organisers may ask for one with ministry_code.
Result<report::ReportScope> ExerciseScope(const ReportCaller& caller, const std::optional<std::string>& ministry_code) {
    if (!caller.organiser) {
        if (!caller.ministry_code) return Fail(ErrorCode::kForbidden, "your role in this exercise does not allow this");
        return report::ReportScope{report::ScopeKind::kMinistry, *caller.ministry_code, 0};
    }
    if (ministry_code && !ministry_code->empty()) {
        return report::ReportScope{report::ScopeKind::kMinistry, *ministry_code, 0};
    }
    return report::ReportScope{};
}

Result<std::string> Language(const std::optional<std::string>& text) {
    const std::string language = text.value_or("ja");
    if (language != "ja" && language != "en")
        return Fail(ErrorCode::kInvalidArgument, "language must be ja or en", "language");
    return language;
}

nlohmann::json SettingsJson(const report::ReportSettings& settings) {
    return {{"minimum_group", settings.minimum_group},
            {"compared_exercise_ids", settings.compared_exercise_ids ? nlohmann::json(*settings.compared_exercise_ids)
                                                                     : nlohmann::json(nullptr)},
            {"effective_compared_exercise_ids", settings.effective_compared}};
}

std::string_view StateName(report::JobState state) {
    switch (state) {
        case report::JobState::kRunning:
            return "running";
        case report::JobState::kDone:
            return "done";
        case report::JobState::kFailed:
            return "failed";
    }
    return "failed";
}

nlohmann::json JobJson(const report::JobStatus& status) {
    nlohmann::json json = {{"key", status.key},
                           {"state", StateName(status.state)},
                           {"stage", status.stage},
                           {"percent", status.percent},
                           {"format", status.format}};
    if (status.state == report::JobState::kDone) {
        json["filename"] = status.filename;
        json["size"] = status.size;
    }
    if (status.state == report::JobState::kFailed) {
        json["error"] = {{"code", ErrorCodeName(status.error.code)},
                         {"message", status.error.message},
                         {"field", status.error.field}};
    }
    return json;
}

Result<std::string> RenderKey(const RequestContext& context) {
    auto found = context.request.path_params.find("render_key");
    if (found == context.request.path_params.end() || found->second.size() > 64) {
        return Fail(ErrorCode::kNotFound, "no such render", "key");
    }
    return found->second;
}

}  // namespace

Result<Response> HandleGetReport(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser, Role::kMinistry});
    if (!caller) return tl::unexpected(caller.error());
    Status status;
    const auto language = Language(Query(context, "language", status));
    const auto ministry = Query(context, "ministry_code", status);
    const auto minimum = OptionalInt(Query(context, "minimum_group", status), "minimum_group", 3, 100);
    if (!status) return tl::unexpected(status.error());
    if (!language) return tl::unexpected(language.error());
    if (!minimum) return tl::unexpected(minimum.error());
    auto scope = ExerciseScope(*caller, ministry);
    if (!scope) return tl::unexpected(scope.error());
    report::ReportRequest request{*exercise_id, *language, *scope, *minimum, std::nullopt};
    auto document = ServiceOf(context).Build(request);
    if (!document) return tl::unexpected(document.error());
    return Response::Json(report::ToJson(*document));
}

Result<Response> HandleGetOrganisationReport(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser, Role::kMinistry, Role::kOrgLead});
    if (!caller) return tl::unexpected(caller.error());
    if (auto visible = RequireOrganisationInScope(context, *caller, *exercise_id, *organisation_id); !visible) {
        return tl::unexpected(visible.error());
    }
    Status status;
    const auto language = Language(Query(context, "language", status));
    if (!status) return tl::unexpected(status.error());
    if (!language) return tl::unexpected(language.error());
    report::ReportRequest request{
        *exercise_id, *language, {report::ScopeKind::kOrganisation, "", *organisation_id}, std::nullopt, std::nullopt};
    auto document = ServiceOf(context).Build(request);
    if (!document) return tl::unexpected(document.error());
    return Response::Json(report::ToJson(*document));
}

Result<Response> HandleStartReportRender(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser, Role::kMinistry, Role::kOrgLead});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    const auto text_member = [&](const char* name) -> Result<std::optional<std::string>> {
        auto found = body->find(name);
        if (found == body->end() || found->is_null()) return std::optional<std::string>{};
        if (!found->is_string() || found->get<std::string>().size() > kMaxQueryBytes) {
            return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": a short string is expected", name);
        }
        return std::optional<std::string>{found->get<std::string>()};
    };
    auto key = text_member("key");
    auto format_text = text_member("format");
    auto language_text = text_member("language");
    auto ministry = text_member("ministry_code");
    for (const auto* member : {&key, &format_text, &language_text, &ministry}) {
        if (!*member) return tl::unexpected(member->error());
    }
    if (!*key) return Fail(ErrorCode::kInvalidArgument, "key: required", "key");
    auto format = report::ParseReportFormat(format_text->value_or(""));
    if (!format) return tl::unexpected(format.error());
    auto language = Language(*language_text);
    if (!language) return tl::unexpected(language.error());
    report::ReportRequest request{*exercise_id, *language, {}, std::nullopt, std::nullopt};
    if (auto minimum = body->find("minimum_group"); minimum != body->end() && !minimum->is_null()) {
        if (!minimum->is_number_integer() || minimum->get<std::int64_t>() < 3 || minimum->get<std::int64_t>() > 100) {
            return Fail(ErrorCode::kInvalidArgument, "minimum_group must be a number 3..100", "minimum_group");
        }
        request.minimum_group = static_cast<int>(minimum->get<std::int64_t>());
    }
    if (auto organisation = body->find("organisation_id"); organisation != body->end() && !organisation->is_null()) {
        if (!organisation->is_number_integer()) {
            return Fail(ErrorCode::kInvalidArgument, "organisation_id: a number is expected", "organisation_id");
        }
        const auto organisation_id = organisation->get<std::int64_t>();
        if (auto visible = RequireOrganisationInScope(context, *caller, *exercise_id, organisation_id); !visible) {
            return tl::unexpected(visible.error());
        }
        request.scope = {report::ScopeKind::kOrganisation, "", organisation_id};
    } else {
        auto scope = ExerciseScope(*caller, *ministry);
        if (!scope) return tl::unexpected(scope.error());
        request.scope = *scope;
    }
    report::RenderJobs& jobs = report::RenderJobs::Shared();
    const std::string render_key = **key;
    if (auto started = jobs.Start(render_key, caller->principal->user_id, *exercise_id, format_text->value_or(""));
        !started) {
        return tl::unexpected(started.error());
    }
    auto rendered = ServiceOf(context).Render(
        request, *format, [&](std::string_view stage, int percent) { jobs.Progress(render_key, stage, percent); });
    if (!rendered) {
        jobs.MarkFailed(render_key, rendered.error());
        return tl::unexpected(rendered.error());
    }
    jobs.Finish(render_key, rendered->filename, rendered->content_type, std::move(rendered->bytes));
    auto status = jobs.StatusOf(render_key, caller->principal->user_id, *exercise_id);
    if (!status) return tl::unexpected(status.error());
    return Response::Json(JobJson(*status), 201);
}

Result<Response> HandleGetReportRender(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser, Role::kMinistry, Role::kOrgLead});
    if (!caller) return tl::unexpected(caller.error());
    auto key = RenderKey(context);
    if (!key) return tl::unexpected(key.error());
    auto status = report::RenderJobs::Shared().StatusOf(*key, caller->principal->user_id, *exercise_id);
    if (!status) return tl::unexpected(status.error());
    return Response::Json(JobJson(*status));
}

Result<Response> HandleDownloadReportRender(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser, Role::kMinistry, Role::kOrgLead});
    if (!caller) return tl::unexpected(caller.error());
    auto key = RenderKey(context);
    if (!key) return tl::unexpected(key.error());
    auto file = report::RenderJobs::Shared().File(*key, caller->principal->user_id, *exercise_id);
    if (!file) return tl::unexpected(file.error());
    return Response::ExportDownload(*file->bytes, file->content_type, file->filename);
}

Result<Response> HandleGetReportSettings(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto settings = ServiceOf(context).Settings(*exercise_id);
    if (!settings) return tl::unexpected(settings.error());
    return Response::Json(SettingsJson(*settings));
}

Result<Response> HandlePutReportSettings(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto minimum = body->find("minimum_group");
    if (minimum == body->end() || !minimum->is_number_integer()) {
        return Fail(ErrorCode::kInvalidArgument, "minimum_group: a number 3..100 is required", "minimum_group");
    }
    std::optional<std::vector<std::int64_t>> compared;
    if (auto ids = body->find("compared_exercise_ids"); ids != body->end() && !ids->is_null()) {
        if (!ids->is_array() || ids->size() > 4) {
            return Fail(ErrorCode::kInvalidArgument, "compared_exercise_ids: an array of at most 4 ids or null",
                        "compared_exercise_ids");
        }
        compared.emplace();
        for (const auto& id : *ids) {
            if (!id.is_number_integer()) {
                return Fail(ErrorCode::kInvalidArgument, "compared_exercise_ids: ids are numbers",
                            "compared_exercise_ids");
            }
            compared->push_back(id.get<std::int64_t>());
        }
    }
    const auto value = minimum->get<std::int64_t>();
    if (value < 3 || value > 100)
        return Fail(ErrorCode::kInvalidArgument, "minimum_group must be 3..100", "minimum_group");
    auto settings =
        ServiceOf(context).UpdateSettings(*exercise_id, static_cast<int>(value), compared, ActorOf(context));
    if (!settings) return tl::unexpected(settings.error());
    return Response::Json(SettingsJson(*settings));
}

Result<Response> HandleSearchReportIssues(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    Status status;
    report::IssueQuery query;
    query.text = Query(context, "q", status).value_or("");
    auto objective = OptionalInt(Query(context, "objective_id", status), "objective_id", 1, 10);
    auto page = OptionalInt(Query(context, "page", status), "page", 1, 1000000);
    auto page_size = OptionalInt(Query(context, "page_size", status), "page_size", 1, 200);
    if (!status) return tl::unexpected(status.error());
    for (const auto* value : {&objective, &page, &page_size}) {
        if (!*value) return tl::unexpected(value->error());
    }
    query.objective_id = *objective;
    query.page = page->value_or(1);
    query.page_size = page_size->value_or(50);
    auto hits = ServiceOf(context).SearchIssues(*exercise_id, query);
    if (!hits) return tl::unexpected(hits.error());
    nlohmann::json items = nlohmann::json::array();
    for (const report::IssueHit& hit : hits->items) {
        items.push_back({{"id", hit.id},
                         {"objective_id", hit.objective_id},
                         {"organisation_id", hit.organisation_id},
                         {"organisation_name", hit.organisation_name},
                         {"text", hit.text},
                         {"selected", hit.selected}});
    }
    return Response::Json(
        {{"items", items}, {"total", hits->total}, {"page", query.page}, {"page_size", query.page_size}});
}

Result<Response> HandleSuggestReportThemes(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    Status status;
    auto objective = OptionalInt(Query(context, "objective_id", status), "objective_id", 1, 10);
    if (!status) return tl::unexpected(status.error());
    if (!objective) return tl::unexpected(objective.error());
    auto themes = ServiceOf(context).SuggestThemes(*exercise_id, *objective);
    if (!themes) return tl::unexpected(themes.error());
    nlohmann::json items = nlohmann::json::array();
    for (const report::Theme& theme : *themes) items.push_back({{"term", theme.term}, {"entries", theme.entries}});
    return Response::Json({{"items", items}});
}

Result<Response> HandlePutReportIssueSelection(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireReportCaller(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto ids = body->find("issue_ids");
    if (ids == body->end() || !ids->is_array()) {
        return Fail(ErrorCode::kInvalidArgument, "issue_ids: an array of issue ids is required", "issue_ids");
    }
    std::vector<std::int64_t> issue_ids;
    for (const auto& id : *ids) {
        if (!id.is_number_integer())
            return Fail(ErrorCode::kInvalidArgument, "issue_ids: ids are numbers", "issue_ids");
        issue_ids.push_back(id.get<std::int64_t>());
    }
    auto selected = ServiceOf(context).SelectIssues(*exercise_id, issue_ids, ActorOf(context));
    if (!selected) return tl::unexpected(selected.error());
    return Response::Json({{"issue_ids", issue_ids}});
}

}  // namespace enshu::api
