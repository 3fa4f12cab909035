#pragma once

// What the teams do during play and what the controller console shows of it:
// acknowledgements of injects, the action log (行動記録), each team's inbox and the
// per-organisation progress. Every change is one write transaction with its audit
// entry and its live events ("inject.acknowledged" to the organisation, "action.logged"
// to the organisation and staff, "progress.updated" to staff).
//
// Scoping is the caller's job (api/live_handlers.cpp): these functions trust the
// organisation and person ids they get. Thread-safe: no state besides references.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"

namespace enshu::live {

struct AckOutcome {
    std::string inject_id;
    std::int64_t acked_at_us = 0;
    bool created = false;  // false: this person had acknowledged it before (the first time stays)
};

// Decision types of the action log.
const std::vector<std::string>& DecisionTypes();  // decision, report, communication, technical, other

struct ActionInput {
    std::string text;                      // 1..4000 characters
    std::optional<int> objective;          // 1..10
    std::string decision_type;             // one of DecisionTypes()
    std::optional<std::string> inject_id;  // must have been released to the organisation
};

struct ActionEntry {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::int64_t person_id = 0;
    std::string person_name;
    std::int64_t wall_at_us = 0;
    std::optional<double> scenario_minutes;  // null before the clock starts
    std::string text;
    std::optional<int> objective;
    std::string decision_type;
    std::optional<std::string> inject_id;
    std::string created_at;
};

nlohmann::json ActionJson(const ActionEntry& entry);

// Validation with the JSON member names as fields.
Status ValidateAction(const ActionInput& input);

struct ActionPage {
    std::vector<ActionEntry> items;  // newest first
    std::int64_t total = 0;
};

struct ProgressRow {
    std::int64_t organisation_id = 0;
    std::string name;
    std::string sector_code;
    std::string participation_mode;
    int online_participants = 0;
    int released_injects = 0;
    int acknowledged_injects = 0;  // injects acknowledged by at least one person
    int action_entries = 0;
    std::optional<std::int64_t> last_activity_us;
};

nlohmann::json ProgressJson(const ProgressRow& row);

struct InboxItem {
    LiveEvent event;  // inject.released or broadcast
    std::optional<std::int64_t> my_ack_us;
    std::optional<std::int64_t> organisation_ack_us;  // the first acknowledgement in the organisation
};

struct Inbox {
    std::int64_t organisation_id = 0;
    std::int64_t last_seq = 0;
    std::int64_t actions_count = 0;
    std::vector<InboxItem> items;  // oldest first
};

// A participant's subscription facts: organisation, sector, mode, team roles.
Result<StreamSubscriber> ParticipantSubscriber(db::Database& database, std::int64_t exercise_id,
                                               std::int64_t organisation_id, std::int64_t person_id);

class PlayService {
  public:
    PlayService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const EventLog& events,
                ScenarioSource& scenarios);

    // Errors: kNotFound "inject_id" when the inject was not released to the organisation.
    Result<AckOutcome> Acknowledge(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t person_id,
                                   const std::string& inject_id, const audit::Actor& actor);

    Result<ActionEntry> LogAction(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t person_id,
                                  const ActionInput& input, const audit::Actor& actor);
    // page is 1-based; page_size 1..200.
    Result<ActionPage> ListActions(std::int64_t exercise_id, std::int64_t organisation_id, int page, int page_size);

    // One row per organisation (filtered by sector and mode when not empty), ordered by name.
    Result<std::vector<ProgressRow>> Progress(std::int64_t exercise_id, const std::string& sector,
                                              const std::string& mode,
                                              const std::unordered_map<std::int64_t, int>& online);

    Result<Inbox> InboxOf(const StreamSubscriber& subscriber);

    // A message to everyone of the exercise ("broadcast" event {message{ja,en}, from}),
    // audited as "broadcast.create"; answers the event's seq. message.ja 1..2000
    // characters, message.en up to 2000 (fields "message.ja", "message.en").
    Result<std::int64_t> Broadcast(std::int64_t exercise_id, const scenario::LocalisedText& message,
                                   const std::string& from, const audit::Actor& actor);

    // True when inject `inject_id` was released to `organisation_id` (used by ack and actions).
    Result<bool> ReleasedTo(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id,
                            const std::string& inject_id);

  private:
    Status AppendProgress(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id,
                          std::int64_t now_us);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const EventLog& events_;
    ScenarioSource& scenarios_;
};

}  // namespace enshu::live
