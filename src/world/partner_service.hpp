#pragma once

// Supply-chain partners and notices (サプライチェーン). An organisation declares the other
// organisations of the exercise it depends on or serves (relation customer or supplier,
// and the service concerned). Declarations need no consent: the declared organisation
// sees who declared it ("declared_by"). A notice goes to all or selected declared
// partners and arrives live in their consoles ("partner.notice" to the sender, the
// recipients and the watching staff). Every change is one transaction with its audit
// entry ("partner.create", "partner.delete", "partner_notice.create"); notices pass the
// submission rate limit. Scoping (whose organisation) is the handler's job.
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
#include "world/queue_scope.hpp"

namespace enshu::world {

struct PartnerInput {
    std::int64_t partner_organisation_id = 0;
    std::string relation;  // customer (they use our service) or supplier (we use theirs)
    std::string service;   // 0..200 characters
};
Result<PartnerInput> ParsePartnerInput(const nlohmann::json& body);

struct NoticeInput {
    std::vector<std::int64_t> partner_organisation_ids;  // empty = every declared partner
    std::string subject;                                 // 1..200 characters
    std::string body;                                    // 1..8000 characters
};
Result<NoticeInput> ParseNoticeInput(const nlohmann::json& body);

class PartnerService {
  public:
    PartnerService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                   const live::EventLog& events, live::ScenarioSource& scenarios);

    // {"declared":[{"id","organisation":{id,name,sector_code},"relation","service"}],
    //  "declared_by":[{"id","organisation":{...},"relation","service"}]}.
    Result<nlohmann::json> List(std::int64_t exercise_id, std::int64_t organisation_id);
    // The other organisations of the exercise: [{"id","name","sector_code"}], by name.
    Result<nlohmann::json> Candidates(std::int64_t exercise_id, std::int64_t organisation_id);

    // kNotFound "partner_organisation_id" (not in the exercise); kInvalidArgument for
    // itself; kConflict when already declared with that relation. At most 200 partners.
    Result<nlohmann::json> Declare(std::int64_t exercise_id, std::int64_t organisation_id, const PartnerInput& input,
                                   const audit::Actor& actor);
    // kNotFound "partner_id".
    Status Remove(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t partner_id,
                  const audit::Actor& actor);

    // `viewer` is an organisation person of the sending organisation. kInvalidArgument
    // "partner_organisation_ids" when one is not a declared partner or none is declared.
    Result<nlohmann::json> SendNotice(const QueueViewer& viewer, const NoticeInput& input, const audit::Actor& actor);
    // {"sent":[...], "received":[...]} newest first, at most 200 each:
    // {"id","from":{id,name},"to":[{id,name}],"subject","body","created_at",...}.
    Result<nlohmann::json> Notices(std::int64_t exercise_id, std::int64_t organisation_id);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
    live::ScenarioSource& scenarios_;
};

}  // namespace enshu::world
