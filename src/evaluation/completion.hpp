#pragma once

// Completion of an instrument across the organisations of an exercise (who has
// submitted, per sector), and reminders to those who have not: one in-app notice per
// organisation (table notice), audited, with a live event to that organisation so an
// open home page shows it at once. Thread-safe: no state besides references.

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
#include "live/event_log.hpp"

namespace enshu::evaluation {

struct CompletionRow {
    std::int64_t organisation_id = 0;
    std::string name;
    std::string sector_code;
    AnswerStatus status = AnswerStatus::kNotStarted;  // objectives: submitted = at least one chosen
    std::optional<std::string> submitted_at;
    std::optional<std::string> updated_at;
};

struct SectorCompletion {
    std::string sector_code;
    int organisations = 0;
    int submitted = 0;
    int draft = 0;
    int not_started = 0;
};

struct Completion {
    Instrument instrument = Instrument::kReadinessBefore;
    std::vector<SectorCompletion> sectors;     // by sector code
    std::vector<CompletionRow> organisations;  // by sector, then name
};

// Which organisations: all, or those of the listed ministries; optionally one sector.
struct CompletionScope {
    bool all = true;
    std::vector<std::string> ministry_codes;
    std::string sector_code;  // "" = every sector
};

Result<Completion> LoadCompletion(db::Database& database, std::int64_t exercise_id, Instrument instrument,
                                  const CompletionScope& scope);

// {"instrument","sectors":[{sector_code,organisations,submitted,draft,not_started}],
//  "organisations":[{organisation_id,name,sector_code,status,submitted_at,updated_at}]}
nlohmann::json CompletionJson(const Completion& completion);

// The notice kind of a reminder: "readiness_reminder" (params part, closes_at),
// "objectives_reminder", "action_record_reminder" (params closes_at).
std::string ReminderKind(Instrument instrument);

struct ReminderOutcome {
    std::vector<std::int64_t> organisation_ids;  // reminded, in completion order
};

// Sends a reminder to every organisation in `scope` that has not submitted the
// instrument: one notice each, one live event "notice.created" to each organisation,
// one audit entry "evaluation.remind" listing them. Answers who was reminded (empty
// when all have submitted).
Result<ReminderOutcome> SendReminders(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                      const live::EventLog* events, std::int64_t exercise_id, Instrument instrument,
                                      const CompletionScope& scope, std::optional<std::int64_t> user_id,
                                      const audit::Actor& actor);

}  // namespace enshu::evaluation
