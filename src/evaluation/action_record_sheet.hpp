#pragma once

// The action-record sheet (行動記録シート, DOMAIN.md §3.2): one per organisation. For each
// chosen verification objective three settings — ① procedures exist (手順書等の有無),
// ② referred to (参照), ③ acted (行動) — each on the four_level scale (よく対応できた /
// 対応できた / あまり対応できなかった / ほとんど対応できなかった / 無回答), and free-text
// issues found (洗い出された課題), several per objective. The org lead saves drafts and
// submits inside the action_record window; the organiser reopens a submitted sheet.
// Every change is one write transaction with its audit entry. Scoping is the caller's
// job. Thread-safe: no state besides references.

#include <array>
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
#include "evaluation/verification_objectives.hpp"

namespace enshu::evaluation {

inline constexpr std::size_t kSettingCount = 3;
inline constexpr std::size_t kMaxIssuesPerObjective = 20;
inline constexpr std::size_t kMaxIssueCharacters = 4000;

// An option of the four_level scale (ref_answer_option), in display order.
struct RatingOption {
    std::string code;  // "very_well"
    std::string label_ja;
    std::string label_en;
};
Result<std::vector<RatingOption>> LoadRatingOptions(db::Connection& connection);

struct ObjectiveRecord {
    ChosenObjective objective;
    std::array<std::string, kSettingCount> ratings;  // option codes; "" = unanswered
    std::vector<std::string> issues;                 // in order
};

struct ActionRecordSheet {
    AnswerStatus status = AnswerStatus::kNotStarted;
    std::optional<std::string> submitted_at;
    std::optional<std::string> reopened_at;
    std::optional<std::string> updated_at;
    std::vector<ObjectiveRecord> objectives;  // every chosen objective, in order
    std::vector<std::string> missing;         // "objectives.<key>.settings.<n>" unanswered
    InstrumentWindow window;
};

// {"status","submitted_at","reopened_at","updated_at","objectives":[{…chosen objective,
//  "ratings":[c1,c2,c3] (null = unanswered),"issues":[…]}],"missing":[…],"window":{…,"open"}}
nlohmann::json ActionRecordJson(const ActionRecordSheet& sheet, TimePoint now);

// What the org lead writes for one chosen objective, named by its key ("3", "10-2").
struct ObjectiveRecordInput {
    std::string key;
    std::array<std::string, kSettingCount> ratings;  // "" = unanswered
    std::vector<std::string> issues;                 // blank entries are dropped
};

struct SheetSave {
    SaveMode mode = SaveMode::kDraft;
    std::string source = "form";  // "form" | "xlsx", recorded in the audit entry
    bool dry_run = false;         // check everything, store nothing
};

class ActionRecordService {
  public:
    ActionRecordService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

    Result<ActionRecordSheet> Get(const OrganisationFacts& organisation);

    // Replaces the ratings and issues of every chosen objective by `inputs` (objectives
    // left out are cleared) and, with kSubmit, submits. Refusals (nothing stored):
    // kConflict "status" when submitted, "opens_at"/"closes_at" outside the window;
    // kUnprocessable with problems per field: "objectives.<key>" (not chosen, twice),
    // "objectives.<key>.settings.<n>" (not a four_level code; on submit: unanswered),
    // "objectives.<key>.issues[i]" (over 4000 characters), "objectives.<key>.issues"
    // (over 20), "objectives" (submit with no objective chosen). Audited
    // "action_record.save" / "action_record.submit" with the source.
    Checked<ActionRecordSheet> Save(const OrganisationFacts& organisation,
                                    const std::vector<ObjectiveRecordInput>& inputs, const SheetSave& save,
                                    std::optional<std::int64_t> user_id, const audit::Actor& actor);

    // Organiser: a submitted sheet back to draft (answers kept; reopened_* set), audited
    // "action_record.reopen". kConflict "status" when it is not submitted.
    Result<ActionRecordSheet> Reopen(const OrganisationFacts& organisation, std::optional<std::int64_t> user_id,
                                     const audit::Actor& actor);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

// The sheet as stored (used by the service and by the XLSX export).
Result<ActionRecordSheet> LoadActionRecordSheet(db::Connection& connection, const OrganisationFacts& organisation);

}  // namespace enshu::evaluation
