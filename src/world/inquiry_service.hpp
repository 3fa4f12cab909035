#pragma once

// Inquiries and consultations sent by an organisation through a desk's homepage form:
// validated, rate-limited (world/queue_rate_limit.hpp), stored as a new case with the
// inquiry text as its first inbound message, audited ("inquiry.create") and announced
// live ("case.created") in one transaction. Scoping: the handler passes the caller's own
// organisation and person; the desk must serve that organisation
// (DeskServesOrganisation), else kNotFound "desk_id".

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"
#include "world/queue_model.hpp"
#include "world/queue_scope.hpp"

namespace enshu::world {

struct InquiryInput {
    std::string category;                       // one of the desk's category codes
    std::string urgency;                        // low, normal (default), high
    std::string subject;                        // 1..200 characters, one line
    std::string body;                           // 1..8000 characters
    std::string contact_name;                   // 0..100 characters
    std::string contact_detail;                 // 0..200 characters (phone, e-mail)
    std::optional<std::int64_t> attachment_id;  // uploaded by the organisation (world/attachment_store.hpp)
};

// Errors name the JSON member ("category", "urgency", "subject", "body", ...).
Result<InquiryInput> ParseInquiryInput(const nlohmann::json& body);

class InquiryService {
  public:
    InquiryService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                   const live::EventLog& events, live::ScenarioSource& scenarios);

    // `viewer` must be an organisation person (ViewerRole::kOrganisation).
    // Errors: kNotFound "desk_id"; kInvalidArgument "category" (not one of the desk's);
    // kNotFound "attachment_id" (not a file of the caller's organisation); kRateLimited "rate_limit".
    Result<DeskCase> Create(const QueueViewer& viewer, std::int64_t desk_id, const InquiryInput& input,
                            const audit::Actor& actor);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
    live::ScenarioSource& scenarios_;
};

}  // namespace enshu::world
