#pragma once

// What happened in play beside each objective of the action-record sheet: the
// organisation's action-log entries tagged with the objective (action_entry.objective)
// and the injects of its effective timeline tagged with it (Inject::objectives), with
// whether and when each was released. Read-only.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/scenario.hpp"
#include "db/database.hpp"
#include "evaluation/evaluation_access.hpp"

namespace enshu::evaluation {

struct EvidenceAction {
    std::int64_t id = 0;
    std::string text;
    std::string person_name;
    std::string decision_type;
    std::string created_at;
    std::optional<double> scenario_minutes;
};

struct EvidenceInject {
    std::string inject_id;
    scenario::LocalisedText title;
    std::string scenario_time;               // "D1 13:00" style (FormatScenarioTime)
    std::optional<std::string> released_at;  // null while not released
};

struct ObjectiveEvidence {
    std::vector<EvidenceAction> actions;  // oldest first, at most 200 per objective
    std::vector<EvidenceInject> injects;  // in timeline order
};

// Evidence per objective id (1..10). `timeline` is the organisation's effective timeline
// (empty when the exercise has no scenario).
Result<std::map<int, ObjectiveEvidence>> LoadEvidence(db::Database& database, const OrganisationFacts& organisation,
                                                      const std::vector<scenario::EffectiveInject>& timeline);

// {"<objective id>":{"actions":[{id,text,person_name,decision_type,created_at,scenario_time}],
//                    "injects":[{inject_id,title:{ja,en},scenario_time,released,released_at}]}}
nlohmann::json EvidenceJson(const std::map<int, ObjectiveEvidence>& evidence);

}  // namespace enshu::evaluation
