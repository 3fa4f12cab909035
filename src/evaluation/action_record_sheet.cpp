#include "evaluation/action_record_sheet.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSelectRatingOptions =
    "SELECT code, label_ja, label_en FROM ref_answer_option WHERE scale_code = 'four_level' ORDER BY position";
constexpr std::string_view kSelectSheet =
    "SELECT status, submitted_at, reopened_at, updated_at FROM action_record_sheet WHERE exercise_id = $1 "
    "AND organisation_id = $2";
constexpr std::string_view kSelectRatings =
    "SELECT r.chosen_objective_id, r.setting, r.option_code FROM action_record_rating r JOIN chosen_objective c "
    "ON c.id = r.chosen_objective_id WHERE c.exercise_id = $1 AND c.organisation_id = $2";
constexpr std::string_view kSelectIssues =
    "SELECT i.chosen_objective_id, i.text FROM action_record_issue i JOIN chosen_objective c "
    "ON c.id = i.chosen_objective_id WHERE c.exercise_id = $1 AND c.organisation_id = $2 ORDER BY i.position";
constexpr std::string_view kDeleteRatings =
    "DELETE FROM action_record_rating WHERE chosen_objective_id IN "
    "(SELECT id FROM chosen_objective WHERE exercise_id = $1 AND organisation_id = $2)";
constexpr std::string_view kDeleteIssues =
    "DELETE FROM action_record_issue WHERE chosen_objective_id IN "
    "(SELECT id FROM chosen_objective WHERE exercise_id = $1 AND organisation_id = $2)";
constexpr std::string_view kInsertRating =
    "INSERT INTO action_record_rating (chosen_objective_id, setting, option_code, updated_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kInsertIssue =
    "INSERT INTO action_record_issue (chosen_objective_id, position, text, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $4)";
constexpr std::string_view kUpsertSheet =
    "INSERT INTO action_record_sheet (exercise_id, organisation_id, status, submitted_at, submitted_by_user_id, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (exercise_id, organisation_id) DO UPDATE SET "
    "status = excluded.status, submitted_at = excluded.submitted_at, "
    "submitted_by_user_id = excluded.submitted_by_user_id, updated_at = excluded.updated_at";
constexpr std::string_view kReopenSheet =
    "UPDATE action_record_sheet SET status = 'draft', reopened_at = $3, reopened_by_user_id = $4, updated_at = $3 "
    "WHERE exercise_id = $1 AND organisation_id = $2 AND status = 'submitted'";

constexpr std::size_t kMaxInputs = 100;

nlohmann::json OptionalJson(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

nlohmann::json SheetSummary(const ActionRecordSheet& sheet) {
    nlohmann::json objectives = nlohmann::json::object();
    for (const auto& record : sheet.objectives) {
        objectives[ObjectiveKey(record.objective)] = {{"ratings", record.ratings}, {"issues", record.issues.size()}};
    }
    return {{"status", AnswerStatusName(sheet.status)}, {"objectives", objectives}};
}

std::string CodesText(const std::vector<RatingOption>& options) {
    std::string text;
    for (const auto& option : options) text += (text.empty() ? "" : ", ") + option.code;
    return text;
}

}  // namespace

Result<std::vector<RatingOption>> LoadRatingOptions(db::Connection& connection) {
    auto rows = connection.Query(kSelectRatingOptions);
    if (!rows) return tl::unexpected(rows.error());
    std::vector<RatingOption> options;
    for (const db::Row& row : *rows) options.push_back({row.Text(0), row.Text(1), row.Text(2)});
    return options;
}

nlohmann::json ActionRecordJson(const ActionRecordSheet& sheet, TimePoint now) {
    nlohmann::json objectives = nlohmann::json::array();
    for (const auto& record : sheet.objectives) {
        nlohmann::json item = ChosenObjectiveJson(record.objective);
        nlohmann::json ratings = nlohmann::json::array();
        for (const auto& rating : record.ratings)
            ratings.push_back(rating.empty() ? nlohmann::json(nullptr) : nlohmann::json(rating));
        item["ratings"] = ratings;
        item["issues"] = record.issues;
        objectives.push_back(std::move(item));
    }
    return {{"status", AnswerStatusName(sheet.status)},
            {"submitted_at", OptionalJson(sheet.submitted_at)},
            {"reopened_at", OptionalJson(sheet.reopened_at)},
            {"updated_at", OptionalJson(sheet.updated_at)},
            {"objectives", objectives},
            {"missing", sheet.missing},
            {"window",
             {{"opens_at", OptionalJson(sheet.window.opens_at)},
              {"closes_at", OptionalJson(sheet.window.closes_at)},
              {"open", IsWindowOpen(sheet.window, now)}}}};
}

Result<ActionRecordSheet> LoadActionRecordSheet(db::Connection& connection, const OrganisationFacts& organisation) {
    ActionRecordSheet sheet;
    auto stored = connection.QueryOne(kSelectSheet, {organisation.exercise_id, organisation.id});
    if (!stored) return tl::unexpected(stored.error());
    if (*stored) {
        sheet.status = ParseStoredStatus((*stored)->Text(0));
        sheet.submitted_at = (*stored)->OptionalText(1);
        sheet.reopened_at = (*stored)->OptionalText(2);
        sheet.updated_at = (*stored)->Text(3);
    }
    auto chosen = LoadChosenObjectives(connection, organisation.exercise_id, organisation.id);
    if (!chosen) return tl::unexpected(chosen.error());
    std::map<std::int64_t, std::size_t> index;
    for (const auto& objective : *chosen) {
        index[objective.id] = sheet.objectives.size();
        sheet.objectives.push_back(ObjectiveRecord{objective, {}, {}});
    }
    auto ratings = connection.Query(kSelectRatings, {organisation.exercise_id, organisation.id});
    if (!ratings) return tl::unexpected(ratings.error());
    for (const db::Row& row : *ratings) {
        const auto setting = row.Int(1);
        if (setting < 1 || setting > static_cast<std::int64_t>(kSettingCount)) continue;
        sheet.objectives[index.at(row.Int(0))].ratings[static_cast<std::size_t>(setting - 1)] = row.Text(2);
    }
    auto issues = connection.Query(kSelectIssues, {organisation.exercise_id, organisation.id});
    if (!issues) return tl::unexpected(issues.error());
    for (const db::Row& row : *issues) sheet.objectives[index.at(row.Int(0))].issues.push_back(row.Text(1));
    for (const auto& record : sheet.objectives) {
        for (std::size_t setting = 0; setting < kSettingCount; ++setting) {
            if (record.ratings[setting].empty()) {
                sheet.missing.push_back("objectives." + ObjectiveKey(record.objective) + ".settings." +
                                        std::to_string(setting + 1));
            }
        }
    }
    auto window = LoadWindow(connection, organisation.exercise_id, Instrument::kActionRecord);
    if (!window) return tl::unexpected(window.error());
    sheet.window = *window;
    return sheet;
}

ActionRecordService::ActionRecordService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database), clock_(clock), audit_(audit) {}

Result<ActionRecordSheet> ActionRecordService::Get(const OrganisationFacts& organisation) {
    ActionRecordSheet sheet;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadActionRecordSheet(connection, organisation);
        if (!loaded) return tl::unexpected(loaded.error());
        sheet = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return sheet;
}

Checked<ActionRecordSheet> ActionRecordService::Save(const OrganisationFacts& organisation,
                                                     const std::vector<ObjectiveRecordInput>& inputs,
                                                     const SheetSave& save, std::optional<std::int64_t> user_id,
                                                     const audit::Actor& actor) {
    if (inputs.size() > kMaxInputs) {
        return Refuse(Error{ErrorCode::kPayloadTooLarge, "objectives: more than 100 entries", "objectives"});
    }
    const bool submit = save.mode == SaveMode::kSubmit;
    std::optional<Refusal> refusal;
    ActionRecordSheet result;
    bool rolled_back_dry_run = false;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto current = LoadActionRecordSheet(connection, organisation);
        if (!current) return tl::unexpected(current.error());
        const TimePoint now = clock_.Now();
        if (auto open = RequireWindowOpen(current->window, now); !open) return open;
        if (current->status == AnswerStatus::kSubmitted) {
            return Fail(ErrorCode::kConflict, "the action-record sheet is submitted; ask the organiser to reopen it",
                        "status");
        }
        auto options = LoadRatingOptions(connection);
        if (!options) return tl::unexpected(options.error());
        std::map<std::string, const ChosenObjective*> chosen;
        for (const auto& record : current->objectives) chosen[ObjectiveKey(record.objective)] = &record.objective;

        std::vector<FieldProblem> problems;
        std::map<std::string, ObjectiveRecordInput> cleaned;
        for (const auto& input : inputs) {
            const std::string prefix = "objectives." + input.key;
            if (!chosen.count(input.key)) {
                problems.push_back({prefix, "objective '" + input.key + "' is not one of your chosen objectives"});
                continue;
            }
            if (cleaned.count(input.key)) {
                problems.push_back({prefix, "objective '" + input.key + "' is listed twice"});
                continue;
            }
            ObjectiveRecordInput entry{input.key, input.ratings, {}};
            for (std::size_t setting = 0; setting < kSettingCount; ++setting) {
                const std::string& code = entry.ratings[setting];
                if (code.empty()) continue;
                const bool known = std::any_of(options->begin(), options->end(),
                                               [&](const RatingOption& option) { return option.code == code; });
                if (!known) {
                    problems.push_back({prefix + ".settings." + std::to_string(setting + 1),
                                        "'" + code + "' is not one of " + CodesText(*options)});
                }
            }
            for (std::size_t i = 0; i < input.issues.size(); ++i) {
                std::string text = Trim(input.issues[i]);
                if (text.empty()) continue;
                if (CharacterCount(text) > kMaxIssueCharacters) {
                    problems.push_back({prefix + ".issues[" + std::to_string(i) + "]", "exceeds 4000 characters"});
                    continue;
                }
                entry.issues.push_back(std::move(text));
            }
            if (entry.issues.size() > kMaxIssuesPerObjective) {
                problems.push_back({prefix + ".issues", "at most 20 issues per objective"});
            }
            cleaned[input.key] = std::move(entry);
        }
        if (submit) {
            if (current->objectives.empty()) {
                problems.push_back({"objectives", "choose your verification objectives before submitting the sheet"});
            }
            for (const auto& record : current->objectives) {
                const std::string key = ObjectiveKey(record.objective);
                auto found = cleaned.find(key);
                for (std::size_t setting = 0; setting < kSettingCount; ++setting) {
                    if (found == cleaned.end() || found->second.ratings[setting].empty()) {
                        problems.push_back(
                            {"objectives." + key + ".settings." + std::to_string(setting + 1), "unanswered"});
                    }
                }
            }
        }
        if (!problems.empty()) {
            refusal = RefuseProblems("action-record sheet", std::move(problems)).value();
            return Fail(ErrorCode::kUnprocessable, "refused");
        }
        if (save.dry_run) {
            result = *current;
            rolled_back_dry_run = true;
            return Fail(ErrorCode::kInternal, "dry run");  // rolls back; nothing was written anyway
        }
        const std::string now_text = FormatTimestamp(now);
        for (auto sql : {kDeleteRatings, kDeleteIssues}) {
            if (auto deleted = connection.Execute(sql, {organisation.exercise_id, organisation.id}); !deleted) {
                return tl::unexpected(deleted.error());
            }
        }
        for (const auto& [key, entry] : cleaned) {
            const std::int64_t chosen_id = chosen.at(key)->id;
            for (std::size_t setting = 0; setting < kSettingCount; ++setting) {
                if (entry.ratings[setting].empty()) continue;
                auto inserted = connection.Execute(kInsertRating, {chosen_id, static_cast<std::int64_t>(setting + 1),
                                                                   entry.ratings[setting], now_text});
                if (!inserted) return tl::unexpected(inserted.error());
            }
            for (std::size_t i = 0; i < entry.issues.size(); ++i) {
                auto inserted = connection.Execute(
                    kInsertIssue, {chosen_id, static_cast<std::int64_t>(i + 1), entry.issues[i], now_text});
                if (!inserted) return tl::unexpected(inserted.error());
            }
        }
        auto stored = connection.Execute(
            kUpsertSheet, {organisation.exercise_id, organisation.id, std::string(submit ? "submitted" : "draft"),
                           submit ? db::Value(now_text) : db::Value(),
                           submit && user_id ? db::Value(*user_id) : db::Value(), now_text});
        if (!stored) return tl::unexpected(stored.error());
        auto after = LoadActionRecordSheet(connection, organisation);
        if (!after) return tl::unexpected(after.error());
        result = std::move(*after);
        nlohmann::json after_summary = SheetSummary(result);
        after_summary["source"] = save.source;
        audit::AuditEntry entry{organisation.exercise_id, submit ? "action_record.submit" : "action_record.save",
                                "organisation",           std::to_string(organisation.id),
                                SheetSummary(*current),   after_summary};
        return audit_.Append(connection, actor, entry);
    });
    if (refusal) return tl::unexpected(std::move(*refusal));
    if (rolled_back_dry_run) return result;
    if (!written) return Refuse(written.error());
    return result;
}

Result<ActionRecordSheet> ActionRecordService::Reopen(const OrganisationFacts& organisation,
                                                      std::optional<std::int64_t> user_id, const audit::Actor& actor) {
    ActionRecordSheet sheet;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto changed =
            connection.Execute(kReopenSheet, {organisation.exercise_id, organisation.id, FormatTimestamp(clock_.Now()),
                                              user_id ? db::Value(*user_id) : db::Value()});
        if (!changed) return tl::unexpected(changed.error());
        if (*changed == 0) return Fail(ErrorCode::kConflict, "the action-record sheet is not submitted", "status");
        auto after = LoadActionRecordSheet(connection, organisation);
        if (!after) return tl::unexpected(after.error());
        sheet = std::move(*after);
        audit::AuditEntry entry{organisation.exercise_id,        "action_record.reopen",    "organisation",
                                std::to_string(organisation.id), {{"status", "submitted"}}, {{"status", "draft"}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return sheet;
}

}  // namespace enshu::evaluation
