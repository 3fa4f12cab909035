#pragma once

// The one queue behind inquiry desks and incident-report recipients: listing, reading
// and acting on cases (claim, reply, ask back, acknowledge, internal note, hand-over,
// close; the organisation's own follow-up messages), and one reply to many cases.
// Scope rules: world/queue_scope.hpp (a case out of the viewer's scope is kNotFound).
// Every change is one write transaction with its audit entry ("case.<action>") and its
// live event (world/queue_events.hpp), stamped in wall and scenario time.
// Thread-safe: no state besides references.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"
#include "world/desk_model.hpp"
#include "world/queue_repository.hpp"

namespace enshu::world {

struct CaseDetail {
    DeskCase desk_case;
    std::vector<CaseMessage> messages;     // internal ones only for staff viewers
    nlohmann::json report = nullptr;       // report cases: the incident report (incident_report_service)
    std::vector<ReplyTemplate> templates;  // staff viewers: the desk's reply templates
};
nlohmann::json CaseDetailJson(const CaseDetail& detail);

struct CaseActionInput {
    QueueAction action = QueueAction::kNote;
    std::string body;                              // see ValidateCaseAction
    std::optional<std::int64_t> assignee_user_id;  // hand-over: the new assignee
    std::optional<std::int64_t> attachment_id;     // inbound only: a file of the organisation
};

// Body rules (field "body"): reply, ask back, note and inbound need 1..8000 characters;
// acknowledge and hand-over accept 0..8000; claim and close take none. Hand-over needs
// "assignee_user_id". Only inbound messages carry an attachment ("attachment_id").
Status ValidateCaseAction(const CaseActionInput& input);

class QueueService {
  public:
    QueueService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const live::EventLog& events,
                 live::ScenarioSource& scenarios);

    // Errors: kInvalidArgument for bad filters (page_size 1..200).
    Result<CasePage> List(const QueueViewer& viewer, const CaseFilter& filter);
    // kNotFound "case_id" when absent or out of scope.
    Result<CaseDetail> Get(const QueueViewer& viewer, std::int64_t case_id);

    // Staff actions need MayActAsStaff (observers: kForbidden); kInbound needs the case's
    // own organisation (and passes the submission rate limit). kConflict for actions the
    // state does not allow (queue_state.hpp); kInvalidArgument "assignee_user_id" when the
    // hand-over target may not serve the desk.
    Result<CaseDetail> Act(const QueueViewer& viewer, std::int64_t case_id, const CaseActionInput& input,
                           const audit::Actor& actor);

    // The same reply to 1..50 cases in one transaction (all or none): each gets its own
    // message and event. Errors name "case_ids" (kNotFound when one is out of scope).
    Result<std::vector<DeskCase>> BulkReply(const QueueViewer& viewer, const std::vector<std::int64_t>& case_ids,
                                            const std::string& body, const audit::Actor& actor);

  private:
    Result<std::vector<scenario::Scene>> Scenes(std::int64_t exercise_id);
    Status ApplyInTransaction(db::Connection& connection, const QueueViewer& viewer, std::int64_t case_id,
                              const CaseActionInput& input, const std::vector<scenario::Scene>& scenes,
                              const audit::Actor& actor, DeskCase& out);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
    live::ScenarioSource& scenarios_;
};

}  // namespace enshu::world
