#include "evaluation/verification_objectives.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSelectChosen =
    "SELECT id, objective_id, custom_index, custom_text FROM chosen_objective WHERE exercise_id = $1 "
    "AND organisation_id = $2 ORDER BY objective_id, custom_index";
constexpr std::string_view kInsertChosen =
    "INSERT INTO chosen_objective (exercise_id, organisation_id, objective_id, custom_index, custom_text, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)";
constexpr std::string_view kUpdateOwnText =
    "UPDATE chosen_objective SET custom_text = $2, updated_at = $3 WHERE id = $1 AND custom_text <> $2";
constexpr std::string_view kDeleteChosen = "DELETE FROM chosen_objective WHERE id = $1";
constexpr std::string_view kSheetStatus =
    "SELECT status FROM action_record_sheet WHERE exercise_id = $1 AND organisation_id = $2";

nlohmann::json ChoiceSummary(const std::vector<ChosenObjective>& chosen) {
    nlohmann::json summary = nlohmann::json::array();
    for (const auto& objective : chosen) summary.push_back(ChosenObjectiveJson(objective));
    return summary;
}

}  // namespace

std::string ObjectiveKey(const ChosenObjective& objective) {
    if (objective.objective_id == kOwnObjectiveId) {
        return std::to_string(kOwnObjectiveId) + "-" + std::to_string(objective.custom_index);
    }
    return std::to_string(objective.objective_id);
}

nlohmann::json ChosenObjectiveJson(const ChosenObjective& objective) {
    return {{"id", objective.id},
            {"key", ObjectiveKey(objective)},
            {"objective_id", objective.objective_id},
            {"custom_index", objective.custom_index},
            {"custom_text", objective.custom_text}};
}

Result<std::vector<ChosenObjective>> LoadChosenObjectives(db::Connection& connection, std::int64_t exercise_id,
                                                          std::int64_t organisation_id) {
    auto rows = connection.Query(kSelectChosen, {exercise_id, organisation_id});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<ChosenObjective> chosen;
    for (const db::Row& row : *rows) {
        chosen.push_back(
            ChosenObjective{row.Int(0), static_cast<int>(row.Int(1)), static_cast<int>(row.Int(2)), row.Text(3)});
    }
    return chosen;
}

ObjectivesService::ObjectivesService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database), clock_(clock), audit_(audit) {}

Result<std::vector<ChosenObjective>> ObjectivesService::Get(const OrganisationFacts& organisation) {
    std::vector<ChosenObjective> chosen;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadChosenObjectives(connection, organisation.exercise_id, organisation.id);
        if (!loaded) return tl::unexpected(loaded.error());
        chosen = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return chosen;
}

Checked<std::vector<ChosenObjective>> ObjectivesService::Save(const OrganisationFacts& organisation,
                                                              const ObjectivesInput& input, const audit::Actor& actor) {
    std::vector<FieldProblem> problems;
    std::set<int> standard;
    for (std::size_t i = 0; i < input.standard.size(); ++i) {
        const int id = input.standard[i];
        const std::string field = "standard[" + std::to_string(i) + "]";
        if (id < 1 || id > 9) {
            problems.push_back({field, "must be an objective 1..9 (10 is the organisation's own: use own)"});
        } else if (!standard.insert(id).second) {
            problems.push_back({field, "objective " + std::to_string(id) + " is listed twice"});
        }
    }
    if (input.own.size() > kMaxOwnObjectives) problems.push_back({"own", "at most 20 own objectives"});
    std::vector<OwnObjectiveInput> own;
    std::set<int> kept_indexes;
    for (std::size_t i = 0; i < input.own.size() && i < kMaxOwnObjectives; ++i) {
        OwnObjectiveInput entry{input.own[i].index, Trim(input.own[i].text)};
        const std::string prefix = "own[" + std::to_string(i) + "].";
        if (entry.text.empty()) problems.push_back({prefix + "text", "is required"});
        if (CharacterCount(entry.text) > kMaxOwnObjectiveCharacters) {
            problems.push_back({prefix + "text", "exceeds 1000 characters"});
        }
        if (entry.index && !kept_indexes.insert(*entry.index).second) {
            problems.push_back(
                {prefix + "index", "own objective " + std::to_string(*entry.index) + " is listed twice"});
        }
        own.push_back(std::move(entry));
    }

    std::optional<Refusal> refusal;
    std::vector<ChosenObjective> result;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        const TimePoint now = clock_.Now();
        auto window = LoadWindow(connection, organisation.exercise_id, Instrument::kObjectives);
        if (!window) return tl::unexpected(window.error());
        if (auto open = RequireWindowOpen(*window, now); !open) return open;
        auto sheet = connection.QueryOne(kSheetStatus, {organisation.exercise_id, organisation.id});
        if (!sheet) return tl::unexpected(sheet.error());
        if (*sheet && (*sheet)->Text(0) == "submitted") {
            return Fail(ErrorCode::kConflict,
                        "the action-record sheet is submitted; ask the organiser to reopen it before changing the "
                        "objectives",
                        "status");
        }
        auto before = LoadChosenObjectives(connection, organisation.exercise_id, organisation.id);
        if (!before) return tl::unexpected(before.error());
        std::map<int, const ChosenObjective*> existing_own;
        int next_index = 1;
        for (const auto& objective : *before) {
            if (objective.objective_id == kOwnObjectiveId) {
                existing_own[objective.custom_index] = &objective;
                next_index = std::max(next_index, objective.custom_index + 1);
            }
        }
        for (std::size_t i = 0; i < own.size(); ++i) {
            if (own[i].index && !existing_own.count(*own[i].index)) {
                problems.push_back({"own[" + std::to_string(i) + "].index",
                                    "no own objective " + std::to_string(*own[i].index) + " to keep"});
            }
        }
        if (!problems.empty()) {
            refusal = RefuseProblems("objectives", std::move(problems)).value();
            return Fail(ErrorCode::kUnprocessable, "refused");
        }
        const std::string now_text = FormatTimestamp(now);
        // Standard objectives: delete those dropped, insert those added.
        for (const auto& objective : *before) {
            const bool keep = objective.objective_id == kOwnObjectiveId ? kept_indexes.count(objective.custom_index) > 0
                                                                        : standard.count(objective.objective_id) > 0;
            if (keep) continue;
            if (auto deleted = connection.Execute(kDeleteChosen, {objective.id}); !deleted) {
                return tl::unexpected(deleted.error());
            }
        }
        for (int id : standard) {
            const bool present = std::any_of(before->begin(), before->end(), [&](const ChosenObjective& objective) {
                return objective.objective_id == id;
            });
            if (present) continue;
            if (auto inserted =
                    connection.Execute(kInsertChosen, {organisation.exercise_id, organisation.id, std::int64_t{id},
                                                       std::int64_t{0}, std::string(), now_text});
                !inserted) {
                return tl::unexpected(inserted.error());
            }
        }
        for (const auto& entry : own) {
            if (entry.index) {
                auto updated =
                    connection.Execute(kUpdateOwnText, {existing_own[*entry.index]->id, entry.text, now_text});
                if (!updated) return tl::unexpected(updated.error());
                continue;
            }
            if (auto inserted = connection.Execute(
                    kInsertChosen, {organisation.exercise_id, organisation.id, std::int64_t{kOwnObjectiveId},
                                    std::int64_t{next_index++}, entry.text, now_text});
                !inserted) {
                return tl::unexpected(inserted.error());
            }
        }
        auto after = LoadChosenObjectives(connection, organisation.exercise_id, organisation.id);
        if (!after) return tl::unexpected(after.error());
        result = std::move(*after);
        audit::AuditEntry entry{organisation.exercise_id,        "objectives.update",    "organisation",
                                std::to_string(organisation.id), ChoiceSummary(*before), ChoiceSummary(result)};
        return audit_.Append(connection, actor, entry);
    });
    if (refusal) return tl::unexpected(std::move(*refusal));
    if (!written) return Refuse(written.error());
    return result;
}

}  // namespace enshu::evaluation
