#pragma once

// Verification objectives (検証課題) an organisation chose during preparation: standard
// objectives 1..9 and its own (objective 10, free text, several, numbered 1, 2, …). The
// choice drives the action-record sheet: one row of settings ①②③ per chosen objective.
// Re-saving keeps the ids of objectives that stay (so their sheet answers stay); an
// objective dropped from the choice loses its sheet answers (ON DELETE CASCADE).
// Thread-safe: no state besides references.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "evaluation/evaluation_support.hpp"
#include "evaluation/instrument_window.hpp"

namespace enshu::evaluation {

inline constexpr int kOwnObjectiveId = 10;
inline constexpr std::size_t kMaxOwnObjectives = 20;
inline constexpr std::size_t kMaxOwnObjectiveCharacters = 1000;

struct ChosenObjective {
    std::int64_t id = 0;      // chosen_objective.id (the sheet's key)
    int objective_id = 0;     // 1..10
    int custom_index = 0;     // 0 for 1..9; 1, 2, ... for own objectives
    std::string custom_text;  // own objectives only
};

// "3" for standard objectives, "10-2" for the second own objective: stable within an
// organisation, used as the key of the XLSX sheet.
std::string ObjectiveKey(const ChosenObjective& objective);

struct OwnObjectiveInput {
    std::optional<int> index;  // an existing own objective's number to keep (its answers stay), or new
    std::string text;          // 1..1000 characters after trimming
};

struct ObjectivesInput {
    std::vector<int> standard;           // 1..9, each once
    std::vector<OwnObjectiveInput> own;  // up to 20
};

// Chosen objectives of an organisation, ordered by objective then number.
Result<std::vector<ChosenObjective>> LoadChosenObjectives(db::Connection& connection, std::int64_t exercise_id,
                                                          std::int64_t organisation_id);

// {"objective_id","custom_index","custom_text","key","id"}
nlohmann::json ChosenObjectiveJson(const ChosenObjective& objective);

class ObjectivesService {
  public:
    ObjectivesService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

    Result<std::vector<ChosenObjective>> Get(const OrganisationFacts& organisation);

    // Replaces the choice. Refusals (nothing stored): kConflict "opens_at"/"closes_at"
    // outside the objectives window; kConflict "status" when the action-record sheet is
    // submitted (changing the choice would change it); kUnprocessable with problems
    // "standard[i]" (not 1..9, twice), "own[i].text" (empty, too long), "own[i].index"
    // (no such own objective, twice), "own" (more than 20). Audited "objectives.update".
    Checked<std::vector<ChosenObjective>> Save(const OrganisationFacts& organisation, const ObjectivesInput& input,
                                               const audit::Actor& actor);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::evaluation
