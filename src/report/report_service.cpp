#include "report/report_service.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/text.hpp"
#include "report/html_renderer.hpp"
#include "report/pdf_renderer.hpp"
#include "report/report_repository.hpp"
#include "report/table_renderers.hpp"
#include "report/world_activity.hpp"

namespace enshu::report {
namespace {

constexpr std::size_t kMaxCompared = 4;
constexpr std::size_t kMaxSelectedIssues = 200;
constexpr int kMaxIssuePageSize = 200;

constexpr std::string_view kSelectSettings =
    "SELECT minimum_group, compared_exercise_ids FROM report_setting WHERE exercise_id = $1";
constexpr std::string_view kUpsertSettings =
    "INSERT INTO report_setting (exercise_id, minimum_group, compared_exercise_ids, updated_by_user_id, updated_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (exercise_id) DO UPDATE SET minimum_group = $2, "
    "compared_exercise_ids = $3, updated_by_user_id = $4, updated_at = $5";
constexpr std::string_view kExerciseExists = "SELECT fiscal_year FROM exercise WHERE id = $1";
constexpr std::string_view kOrganisationExists = "SELECT 1 FROM organisation WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kAllIssues =
    "SELECT i.id, c.objective_id, c.organisation_id, o.name, i.text, "
    "EXISTS (SELECT 1 FROM report_selected_issue s WHERE s.exercise_id = c.exercise_id AND s.issue_id = i.id) "
    "FROM action_record_issue i JOIN chosen_objective c ON c.id = i.chosen_objective_id "
    "JOIN organisation o ON o.id = c.organisation_id "
    "WHERE c.exercise_id = $1 AND ($2 = 0 OR c.objective_id = $2) ORDER BY c.objective_id, i.id";
constexpr std::string_view kIssueInExercise =
    "SELECT 1 FROM action_record_issue i JOIN chosen_objective c ON c.id = i.chosen_objective_id "
    "WHERE i.id = $1 AND c.exercise_id = $2";
constexpr std::string_view kClearSelection = "DELETE FROM report_selected_issue WHERE exercise_id = $1";
constexpr std::string_view kInsertSelection =
    "INSERT INTO report_selected_issue (exercise_id, issue_id, position, selected_by_user_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5)";

std::string Extension(ReportFormat format) {
    switch (format) {
        case ReportFormat::kHtml:
            return "html";
        case ReportFormat::kPdf:
            return "pdf";
        case ReportFormat::kXlsx:
            return "xlsx";
        case ReportFormat::kCsv:
            return "zip";
    }
    return "bin";
}

std::string ContentType(ReportFormat format) {
    switch (format) {
        case ReportFormat::kHtml:
            return "text/html; charset=utf-8";
        case ReportFormat::kPdf:
            return "application/pdf";
        case ReportFormat::kXlsx:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        case ReportFormat::kCsv:
            return "application/zip";
    }
    return "application/octet-stream";
}

db::Value OptionalUser(const audit::Actor& actor) {
    return actor.user_id ? db::Value(*actor.user_id) : db::Value(std::monostate{});
}

}  // namespace

Result<ReportFormat> ParseReportFormat(std::string_view text) {
    if (text == "html") return ReportFormat::kHtml;
    if (text == "pdf") return ReportFormat::kPdf;
    if (text == "xlsx") return ReportFormat::kXlsx;
    if (text == "csv") return ReportFormat::kCsv;
    return Fail(ErrorCode::kInvalidArgument, "format must be html, pdf, xlsx or csv", "format");
}

Result<ReportSettings> ReportService::Settings(std::int64_t exercise_id) const {
    ReportSettings settings;
    bool exists = false;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto exercise = connection.QueryOne(kExerciseExists, {exercise_id});
        if (!exercise) return tl::unexpected(exercise.error());
        exists = exercise->has_value();
        auto row = connection.QueryOne(kSelectSettings, {exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (*row) {
            settings.minimum_group = static_cast<int>((*row)->Int(0));
            if (!(*row)->IsNull(1)) {
                auto ids = nlohmann::json::parse((*row)->Text(1), nullptr, false);
                std::vector<std::int64_t> compared;
                if (ids.is_array()) {
                    for (const auto& element : ids) {
                        if (element.is_number_integer()) compared.push_back(element.get<std::int64_t>());
                    }
                }
                settings.compared_exercise_ids = compared;
            }
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (!exists) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
    auto effective = ResolveCompared(exercise_id, settings.compared_exercise_ids);
    if (!effective) {
        // A compared exercise deleted since: fall back to the default rather than failing.
        effective = ResolveCompared(exercise_id, std::nullopt);
        if (!effective) return tl::unexpected(effective.error());
    }
    settings.effective_compared = *effective;
    return settings;
}

Result<std::vector<std::int64_t>> ReportService::ResolveCompared(
    std::int64_t exercise_id, const std::optional<std::vector<std::int64_t>>& requested) const {
    auto years = ListExerciseYears(database_);
    if (!years) return tl::unexpected(years.error());
    int current_year = 0;
    bool found = false;
    for (const ExerciseYear& year : *years) {
        if (year.id == exercise_id) {
            current_year = year.fiscal_year;
            found = true;
        }
    }
    if (!found) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
    std::vector<std::int64_t> chosen;
    if (!requested) {
        for (const ExerciseYear& year : *years) {
            if (year.fiscal_year < current_year) chosen.push_back(year.id);
        }
        if (chosen.size() > kMaxCompared) chosen.erase(chosen.begin(), chosen.end() - kMaxCompared);
        return chosen;
    }
    if (requested->size() > kMaxCompared) {
        return Fail(ErrorCode::kInvalidArgument, "compared_exercise_ids: at most 4 exercises", "compared_exercise_ids");
    }
    std::set<std::int64_t> wanted(requested->begin(), requested->end());
    for (std::int64_t id : wanted) {
        auto year = std::find_if(years->begin(), years->end(), [&](const ExerciseYear& one) { return one.id == id; });
        if (year == years->end()) {
            return Fail(ErrorCode::kInvalidArgument, "compared_exercise_ids: no exercise " + std::to_string(id),
                        "compared_exercise_ids");
        }
        if (year->fiscal_year >= current_year) {
            return Fail(ErrorCode::kInvalidArgument,
                        "compared_exercise_ids: exercise " + std::to_string(id) + " is not of an earlier fiscal year",
                        "compared_exercise_ids");
        }
    }
    for (const ExerciseYear& year : *years) {  // fiscal-year order
        if (wanted.count(year.id)) chosen.push_back(year.id);
    }
    return chosen;
}

Result<Document> ReportService::Build(const ReportRequest& request, const ProgressCallback& progress) const {
    const auto report = [&](std::string_view stage, int percent) {
        if (progress) progress(stage, percent);
    };
    if (request.language != "ja" && request.language != "en") {
        return Fail(ErrorCode::kInvalidArgument, "language must be ja or en", "language");
    }
    if (request.minimum_group &&
        (*request.minimum_group < kSmallestMinimumGroup || *request.minimum_group > kLargestMinimumGroup)) {
        return Fail(ErrorCode::kInvalidArgument, "minimum_group must be 3..100", "minimum_group");
    }
    report("loading", 5);
    auto settings = Settings(request.exercise_id);
    if (!settings) return tl::unexpected(settings.error());
    std::vector<std::int64_t> compared = settings->effective_compared;
    if (request.compared) {
        auto resolved = ResolveCompared(request.exercise_id, request.compared);
        if (!resolved) return tl::unexpected(resolved.error());
        compared = *resolved;
    }
    auto reference = LoadReferenceSet(database_);
    if (!reference) return tl::unexpected(reference.error());
    const bool organisation_scope = request.scope.kind == ScopeKind::kOrganisation;
    auto current =
        LoadExerciseData(database_, request.exercise_id,
                         organisation_scope ? IssueLoading::kWithOrganisationIssues : IssueLoading::kSelectedOnly,
                         request.scope.organisation_id);
    if (!current) return tl::unexpected(current.error());
    if (organisation_scope && current->Organisation(request.scope.organisation_id) == nullptr) {
        return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    }
    auto world = LoadWorldActivity(database_, audit_, clock_, request.exercise_id);
    if (!world) return tl::unexpected(world.error());
    current->world = std::move(*world);
    std::vector<ExerciseData> past_data;
    for (std::size_t index = 0; index < compared.size(); ++index) {
        report("loading", 5 + static_cast<int>(25 * (index + 1) / (compared.size() + 1)));
        auto past = LoadExerciseData(database_, compared[index]);
        if (!past) return tl::unexpected(past.error());
        past_data.push_back(std::move(*past));
    }
    report("building", 40);
    std::vector<const ExerciseData*> past;
    for (const ExerciseData& data : past_data) past.push_back(&data);
    ReportOptions options;
    options.language = request.language;
    options.minimum_group = request.minimum_group.value_or(settings->minimum_group);
    options.scope = request.scope;
    options.generated_at = FormatTimestamp(clock_.Now());
    ReportInput input{*reference, *current, past};
    Document document =
        organisation_scope ? BuildOrganisationReport(input, options) : BuildExerciseReport(input, options);
    report("building", 60);
    return document;
}

Result<RenderedReport> ReportService::Render(const ReportRequest& request, ReportFormat format,
                                             const ProgressCallback& progress) const {
    auto document = Build(request, progress);
    if (!document) return tl::unexpected(document.error());
    if (progress) progress("rendering", 65);
    RenderedReport rendered;
    rendered.content_type = ContentType(format);
    std::string scope = "national";
    if (request.scope.kind == ScopeKind::kMinistry) scope = request.scope.ministry_code;
    if (request.scope.kind == ScopeKind::kOrganisation)
        scope = "organisation-" + std::to_string(request.scope.organisation_id);
    rendered.filename = "enshu-report-" + std::to_string(request.exercise_id) + "-" + scope + "-" + request.language +
                        "." + Extension(format);
    switch (format) {
        case ReportFormat::kHtml:
            rendered.bytes = RenderHtml(*document);
            break;
        case ReportFormat::kPdf: {
            auto pdf = RenderPdf(RenderHtml(*document));
            if (!pdf) return tl::unexpected(pdf.error());
            rendered.bytes = std::move(*pdf);
            break;
        }
        case ReportFormat::kXlsx: {
            auto xlsx = RenderXlsx(*document);
            if (!xlsx) return tl::unexpected(xlsx.error());
            rendered.bytes = std::move(*xlsx);
            break;
        }
        case ReportFormat::kCsv: {
            auto zip = RenderCsvZip(*document);
            if (!zip) return tl::unexpected(zip.error());
            rendered.bytes = std::move(*zip);
            break;
        }
    }
    if (progress) progress("done", 100);
    return rendered;
}

Result<ReportSettings> ReportService::UpdateSettings(std::int64_t exercise_id, int minimum_group,
                                                     const std::optional<std::vector<std::int64_t>>& compared,
                                                     const audit::Actor& actor) const {
    if (minimum_group < kSmallestMinimumGroup || minimum_group > kLargestMinimumGroup) {
        return Fail(ErrorCode::kInvalidArgument, "minimum_group must be 3..100", "minimum_group");
    }
    auto before = Settings(exercise_id);
    if (!before) return tl::unexpected(before.error());
    std::optional<std::vector<std::int64_t>> stored;
    if (compared) {
        auto resolved = ResolveCompared(exercise_id, compared);
        if (!resolved) return tl::unexpected(resolved.error());
        stored = *resolved;
    }
    const db::Value compared_json = stored ? db::Value(nlohmann::json(*stored).dump()) : db::Value(std::monostate{});
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto upserted = connection.Execute(kUpsertSettings, {exercise_id, std::int64_t{minimum_group}, compared_json,
                                                             OptionalUser(actor), FormatTimestamp(clock_.Now())});
        if (!upserted) return tl::unexpected(upserted.error());
        const auto json_of = [](int minimum, const std::optional<std::vector<std::int64_t>>& ids) {
            return nlohmann::json{{"minimum_group", minimum},
                                  {"compared_exercise_ids", ids ? nlohmann::json(*ids) : nlohmann::json(nullptr)}};
        };
        auto [changed_before, changed_after] = audit::ChangedFields(
            json_of(before->minimum_group, before->compared_exercise_ids), json_of(minimum_group, stored));
        return audit_.Append(connection, actor,
                             {exercise_id, "report.settings.update", "exercise", std::to_string(exercise_id),
                              changed_before, changed_after});
    });
    if (!written) return tl::unexpected(written.error());
    return Settings(exercise_id);
}

Result<IssuePage> ReportService::SearchIssues(std::int64_t exercise_id, const IssueQuery& query) const {
    if (query.page < 1) return Fail(ErrorCode::kInvalidArgument, "page must be 1 or more", "page");
    if (query.page_size < 1 || query.page_size > kMaxIssuePageSize) {
        return Fail(ErrorCode::kInvalidArgument, "page_size must be 1..200", "page_size");
    }
    if (query.objective_id && (*query.objective_id < 1 || *query.objective_id > 10)) {
        return Fail(ErrorCode::kInvalidArgument, "objective_id must be 1..10", "objective_id");
    }
    const std::string needle = io::NormaliseForSearch(io::TrimSpaces(query.text));
    IssuePage page;
    bool exists = false;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto exercise = connection.QueryOne(kExerciseExists, {exercise_id});
        if (!exercise) return tl::unexpected(exercise.error());
        exists = exercise->has_value();
        auto rows = connection.Query(kAllIssues, {exercise_id, std::int64_t{query.objective_id.value_or(0)}});
        if (!rows) return tl::unexpected(rows.error());
        const std::int64_t first = static_cast<std::int64_t>(query.page - 1) * query.page_size;
        for (const db::Row& row : *rows) {
            const std::string text = row.Text(4);
            if (!needle.empty() && io::NormaliseForSearch(text).find(needle) == std::string::npos) continue;
            if (page.total >= first && page.total < first + query.page_size) {
                page.items.push_back(
                    IssueHit{row.Int(0), static_cast<int>(row.Int(1)), row.Int(2), row.Text(3), text, row.Int(5) != 0});
            }
            ++page.total;
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (!exists) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
    return page;
}

Result<std::vector<Theme>> ReportService::SuggestThemes(std::int64_t exercise_id, std::optional<int> objective_id,
                                                        std::size_t limit) const {
    IssueQuery query;
    query.objective_id = objective_id;
    std::vector<std::string> texts;
    for (int page = 1;; ++page) {
        query.page = page;
        query.page_size = kMaxIssuePageSize;
        auto hits = SearchIssues(exercise_id, query);
        if (!hits) return tl::unexpected(hits.error());
        for (const IssueHit& hit : hits->items) texts.push_back(hit.text);
        if (static_cast<std::int64_t>(page) * kMaxIssuePageSize >= hits->total) break;
    }
    return FrequentTerms(texts, limit);
}

Status ReportService::SelectIssues(std::int64_t exercise_id, const std::vector<std::int64_t>& issue_ids,
                                   const audit::Actor& actor) const {
    if (issue_ids.size() > kMaxSelectedIssues) {
        return Fail(ErrorCode::kPayloadTooLarge, "issue_ids: at most 200 representative issues", "issue_ids");
    }
    std::set<std::int64_t> unique(issue_ids.begin(), issue_ids.end());
    if (unique.size() != issue_ids.size()) {
        return Fail(ErrorCode::kInvalidArgument, "issue_ids: an issue is listed twice", "issue_ids");
    }
    return database_.Write([&](db::Connection& connection) -> Status {
        auto exercise = connection.QueryOne(kExerciseExists, {exercise_id});
        if (!exercise) return tl::unexpected(exercise.error());
        if (!*exercise) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
        for (std::size_t index = 0; index < issue_ids.size(); ++index) {
            auto found = connection.QueryOne(kIssueInExercise, {issue_ids[index], exercise_id});
            if (!found) return tl::unexpected(found.error());
            if (!*found) {
                return Fail(ErrorCode::kInvalidArgument,
                            "issue_ids[" + std::to_string(index) + "]: no issue " + std::to_string(issue_ids[index]) +
                                " in this exercise",
                            "issue_ids");
            }
        }
        auto cleared = connection.Execute(kClearSelection, {exercise_id});
        if (!cleared) return tl::unexpected(cleared.error());
        const std::string now = FormatTimestamp(clock_.Now());
        for (std::size_t index = 0; index < issue_ids.size(); ++index) {
            auto inserted = connection.Execute(
                kInsertSelection,
                {exercise_id, issue_ids[index], static_cast<std::int64_t>(index + 1), OptionalUser(actor), now});
            if (!inserted) return tl::unexpected(inserted.error());
        }
        return audit_.Append(connection, actor,
                             {exercise_id, "report.issues.select", "exercise", std::to_string(exercise_id), nullptr,
                              nlohmann::json{{"issue_ids", issue_ids}}});
    });
}

}  // namespace enshu::report
