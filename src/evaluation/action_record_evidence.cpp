#include "evaluation/action_record_evidence.hpp"

#include <cmath>

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSelectActions =
    "SELECT a.id, a.objective, a.text, p.display_name, a.decision_type, a.created_at, a.scenario_minutes "
    "FROM action_entry a JOIN person p ON p.id = a.person_id WHERE a.exercise_id = $1 AND a.organisation_id = $2 "
    "AND a.objective IS NOT NULL ORDER BY a.id";
constexpr std::string_view kSelectReleases = "SELECT inject_id, created_at FROM inject_release WHERE exercise_id = $1";
constexpr std::size_t kMaxActionsPerObjective = 200;

}  // namespace

Result<std::map<int, ObjectiveEvidence>> LoadEvidence(db::Database& database, const OrganisationFacts& organisation,
                                                      const std::vector<scenario::EffectiveInject>& timeline) {
    std::map<int, ObjectiveEvidence> evidence;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto actions = connection.Query(kSelectActions, {organisation.exercise_id, organisation.id});
        if (!actions) return tl::unexpected(actions.error());
        for (const db::Row& row : *actions) {
            auto& list = evidence[static_cast<int>(row.Int(1))].actions;
            if (list.size() >= kMaxActionsPerObjective) continue;
            EvidenceAction action{row.Int(0), row.Text(2), row.Text(3), row.Text(4), row.Text(5), std::nullopt};
            if (!row.IsNull(6)) action.scenario_minutes = row.Real(6);
            list.push_back(std::move(action));
        }
        auto releases = connection.Query(kSelectReleases, {organisation.exercise_id});
        if (!releases) return tl::unexpected(releases.error());
        std::map<std::string, std::string> released;
        for (const db::Row& row : *releases) released[row.Text(0)] = row.Text(1);
        for (const auto& effective : timeline) {
            for (int objective : effective.inject.objectives) {
                EvidenceInject inject{effective.inject.id, effective.inject.title,
                                      scenario::FormatScenarioTime(effective.inject.at), std::nullopt};
                if (auto found = released.find(effective.inject.id); found != released.end()) {
                    inject.released_at = found->second;
                }
                evidence[objective].injects.push_back(std::move(inject));
            }
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return evidence;
}

nlohmann::json EvidenceJson(const std::map<int, ObjectiveEvidence>& evidence) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [objective, items] : evidence) {
        nlohmann::json actions = nlohmann::json::array();
        for (const auto& action : items.actions) {
            nlohmann::json time = nullptr;
            if (action.scenario_minutes) {
                time = scenario::FormatScenarioTime(
                    static_cast<scenario::ScenarioMinutes>(std::floor(*action.scenario_minutes)));
            }
            actions.push_back({{"id", action.id},
                               {"text", action.text},
                               {"person_name", action.person_name},
                               {"decision_type", action.decision_type},
                               {"created_at", action.created_at},
                               {"scenario_time", time}});
        }
        nlohmann::json injects = nlohmann::json::array();
        for (const auto& inject : items.injects) {
            injects.push_back(
                {{"inject_id", inject.inject_id},
                 {"title", {{"ja", inject.title.ja}, {"en", inject.title.en}}},
                 {"scenario_time", inject.scenario_time},
                 {"released", inject.released_at.has_value()},
                 {"released_at", inject.released_at ? nlohmann::json(*inject.released_at) : nlohmann::json(nullptr)}});
        }
        json[std::to_string(objective)] = {{"actions", actions}, {"injects", injects}};
    }
    return json;
}

}  // namespace enshu::evaluation
