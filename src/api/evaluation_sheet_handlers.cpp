// The action-record sheet of one organisation: read (with what happened in play beside
// each objective), save, submit, reopen, and the XLSX download/upload
// (docs/api.md "Evaluation instruments"). Logic: src/evaluation.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/evaluation_handlers.hpp"
#include "api/evaluation_support.hpp"
#include "core/scenario.hpp"
#include "db/reference.hpp"
#include "evaluation/action_record_evidence.hpp"
#include "evaluation/action_record_sheet.hpp"
#include "evaluation/action_record_xlsx.hpp"
#include "scenario/scenario_store.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxKeyBytes = 16;
constexpr std::size_t kMaxCodeBytes = 64;
constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

evaluation::ActionRecordService ServiceOf(RequestContext& context) {
    return evaluation::ActionRecordService(context.services.database, context.services.clock, context.services.audit);
}

Result<std::vector<evaluation::ObjectiveRecordInput>> ParseSheet(const nlohmann::json& body) {
    std::vector<evaluation::ObjectiveRecordInput> inputs;
    auto objectives = body.find("objectives");
    if (objectives == body.end() || objectives->is_null()) return inputs;
    if (!objectives->is_array())
        return Fail(ErrorCode::kInvalidArgument, "objectives: expected an array", "objectives");
    for (std::size_t i = 0; i < objectives->size(); ++i) {
        const auto& entry = (*objectives)[i];
        const std::string prefix = "objectives[" + std::to_string(i) + "]";
        if (!entry.is_object()) return Fail(ErrorCode::kInvalidArgument, prefix + ": expected an object", prefix);
        evaluation::ObjectiveRecordInput input;
        auto key = entry.find("key");
        if (key == entry.end() || !key->is_string() || key->get<std::string>().size() > kMaxKeyBytes) {
            return Fail(ErrorCode::kInvalidArgument, prefix + ".key: the objective key (\"3\", \"10-1\") is required",
                        prefix + ".key");
        }
        input.key = key->get<std::string>();
        if (auto ratings = entry.find("ratings"); ratings != entry.end() && !ratings->is_null()) {
            if (!ratings->is_array() || ratings->size() != evaluation::kSettingCount) {
                return Fail(ErrorCode::kInvalidArgument, prefix + ".ratings: expected 3 entries (① ② ③)",
                            prefix + ".ratings");
            }
            for (std::size_t setting = 0; setting < evaluation::kSettingCount; ++setting) {
                const auto& value = (*ratings)[setting];
                if (value.is_null()) continue;
                if (!value.is_string() || value.get<std::string>().size() > kMaxCodeBytes) {
                    const std::string field = prefix + ".ratings[" + std::to_string(setting) + "]";
                    return Fail(ErrorCode::kInvalidArgument, field + ": expected an option code or null", field);
                }
                input.ratings[setting] = value.get<std::string>();
            }
        }
        if (auto issues = entry.find("issues"); issues != entry.end() && !issues->is_null()) {
            if (!issues->is_array() || issues->size() > 100) {
                return Fail(ErrorCode::kInvalidArgument, prefix + ".issues: expected an array of texts",
                            prefix + ".issues");
            }
            for (const auto& issue : *issues) {
                if (!issue.is_string()) {
                    return Fail(ErrorCode::kInvalidArgument, prefix + ".issues: expected texts", prefix + ".issues");
                }
                input.issues.push_back(issue.get<std::string>());
            }
        }
        inputs.push_back(std::move(input));
    }
    return inputs;
}

Result<Response> SaveSheet(RequestContext& context, evaluation::SaveMode mode) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kEdit);
    if (!scope) return tl::unexpected(scope.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto inputs = ParseSheet(*body);
    if (!inputs) return tl::unexpected(inputs.error());
    auto saved = ServiceOf(context).Save(scope->organisation, *inputs, {mode, "form", false}, scope->caller->user_id,
                                         ActorOf(context));
    if (!saved) return RefusalResponse(saved.error());
    return Response::Json(evaluation::ActionRecordJson(*saved, context.services.clock.Now()));
}

Result<std::vector<scenario::EffectiveInject>> TimelineOf(RequestContext& context,
                                                          const evaluation::OrganisationFacts& organisation) {
    if (context.services.scenarios == nullptr) return std::vector<scenario::EffectiveInject>{};
    const scenario::OrganisationProfile profile{organisation.id, organisation.external_ref, organisation.name,
                                                organisation.sector_code, organisation.participation_mode};
    return context.services.scenarios->EffectiveTimeline(organisation.exercise_id, profile);
}

Result<std::vector<evaluation::RatingOption>> RatingOptionsOf(RequestContext& context) {
    std::vector<evaluation::RatingOption> options;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto loaded = evaluation::LoadRatingOptions(connection);
        if (!loaded) return tl::unexpected(loaded.error());
        options = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return options;
}

Result<bool> ParseDryRun(const std::optional<std::string>& value) {
    if (!value || value->empty() || *value == "false" || *value == "0") return false;
    if (*value == "true" || *value == "1") return true;
    return Fail(ErrorCode::kInvalidArgument, "dry_run: must be true or false", "dry_run");
}

nlohmann::json CellProblemsJson(const std::vector<evaluation::CellProblem>& problems) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& problem : problems) {
        const std::string where = problem.cell.empty() ? problem.sheet : problem.sheet + "!" + problem.cell;
        errors.push_back({{"sheet", problem.sheet},
                          {"cell", problem.cell},
                          {"message", problem.message},
                          {"text", where + ": " + problem.message}});
    }
    return errors;
}

}  // namespace

Result<Response> HandleGetActionRecord(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kRead);
    if (!scope) return tl::unexpected(scope.error());
    auto sheet = ServiceOf(context).Get(scope->organisation);
    if (!sheet) return tl::unexpected(sheet.error());
    auto timeline = TimelineOf(context, scope->organisation);
    if (!timeline) return tl::unexpected(timeline.error());
    auto evidence = evaluation::LoadEvidence(context.services.database, scope->organisation, *timeline);
    if (!evidence) return tl::unexpected(evidence.error());
    nlohmann::json answer = evaluation::ActionRecordJson(*sheet, context.services.clock.Now());
    answer["evidence"] = evaluation::EvidenceJson(*evidence);
    answer["can_edit"] = scope->access == evaluation::AnswerAccess::kEdit;
    return Response::Json(answer);
}

Result<Response> HandleSaveActionRecord(RequestContext& context) {
    return SaveSheet(context, evaluation::SaveMode::kDraft);
}

Result<Response> HandleSubmitActionRecord(RequestContext& context) {
    return SaveSheet(context, evaluation::SaveMode::kSubmit);
}

Result<Response> HandleReopenActionRecord(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kOrganiser);
    if (!scope) return tl::unexpected(scope.error());
    auto sheet = ServiceOf(context).Reopen(scope->organisation, scope->caller->user_id, ActorOf(context));
    if (!sheet) return tl::unexpected(sheet.error());
    return Response::Json(evaluation::ActionRecordJson(*sheet, context.services.clock.Now()));
}

Result<Response> HandleDownloadActionRecordXlsx(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kRead);
    if (!scope) return tl::unexpected(scope.error());
    auto sheet = ServiceOf(context).Get(scope->organisation);
    if (!sheet) return tl::unexpected(sheet.error());
    auto reference = db::LoadReferenceData(context.services.database);
    if (!reference) return tl::unexpected(reference.error());
    auto ratings = RatingOptionsOf(context);
    if (!ratings) return tl::unexpected(ratings.error());
    auto title = evaluation::LoadExerciseTitle(context.services.database, scope->organisation.exercise_id);
    if (!title) return tl::unexpected(title.error());
    const evaluation::WorkbookContext workbook{scope->organisation, *title, reference->objectives, *ratings,
                                               FormatTimestamp(context.services.clock.Now())};
    auto bytes = evaluation::BuildActionRecordWorkbook(*sheet, workbook);
    if (!bytes) return tl::unexpected(bytes.error());
    return Response::ExportDownload(std::move(*bytes), kXlsxType,
                                    "行動記録シート_" + std::to_string(scope->organisation.id) + ".xlsx");
}

Result<Response> HandleUploadActionRecordXlsx(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kEdit);
    if (!scope) return tl::unexpected(scope.error());
    auto dry_run = ParseDryRun(context.request.QueryParam("dry_run"));
    if (!dry_run) return tl::unexpected(dry_run.error());
    auto service = ServiceOf(context);
    auto sheet = service.Get(scope->organisation);
    if (!sheet) return tl::unexpected(sheet.error());
    auto ratings = RatingOptionsOf(context);
    if (!ratings) return tl::unexpected(ratings.error());
    auto parsed = evaluation::ParseActionRecordWorkbook(context.request.body, *sheet, scope->organisation, *ratings);
    if (!parsed) return tl::unexpected(parsed.error());
    nlohmann::json report = {
        {"dry_run", *dry_run}, {"valid", parsed->problems.empty()}, {"errors", CellProblemsJson(parsed->problems)}};
    if (!parsed->problems.empty()) return Response::Json(report, *dry_run ? 200 : 422);
    std::size_t issues = 0;
    for (const auto& input : parsed->inputs) issues += input.issues.size();
    report["objectives"] = parsed->inputs.size();
    report["issues"] = issues;
    auto saved = service.Save(scope->organisation, parsed->inputs, {evaluation::SaveMode::kDraft, "xlsx", *dry_run},
                              scope->caller->user_id, ActorOf(context));
    if (!saved) {
        if (saved.error().problems.empty()) return RefusalResponse(saved.error());
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& problem : saved.error().problems) {
            errors.push_back({{"sheet", ""},
                              {"cell", ""},
                              {"message", problem.message},
                              {"text", problem.field + ": " + problem.message}});
        }
        report["valid"] = false;
        report["errors"] = errors;
        return Response::Json(report, *dry_run ? 200 : 422);
    }
    report["sheet"] = evaluation::ActionRecordJson(*saved, context.services.clock.Now());
    return Response::Json(report);
}

}  // namespace enshu::api
