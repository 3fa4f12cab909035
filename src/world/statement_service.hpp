#pragma once

// The mock public-relations site (広報サイト): organisations write statements at their own
// judgement — draft, publish, update (each publication is a visible revision), withdraw.
// Every change is one write transaction with its audit entry ("statement.create",
// ".update", ".publish", ".withdraw"), one row of the per-account rate limit
// (world/feed_post_limit.hpp) and, once public, one live event to everyone of the
// exercise ("statement.published", "statement.updated", "statement.withdrawn"; payload
// {"statement": StatementJson without revisions, a tombstone for withdrawn}).
// Publication stamps wall time and scenario time (null before the clock starts).
//
// Scoping is the caller's job (api/statement_handlers.cpp): writes check only that the
// statement belongs to `organisation_id`. Thread-safe: no state besides references.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"
#include "world/attachment_store.hpp"
#include "world/statement_model.hpp"
#include "world/statement_repository.hpp"

namespace enshu::world {

enum class Publication { kDraft, kPublishNow };

class StatementService {
  public:
    StatementService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                     const live::EventLog& events, live::ScenarioSource& scenarios);

    // Errors: kInvalidArgument "title"/"body"; kNotFound "attachment_id" (not the
    // organisation's file); kRateLimited "rate_limit".
    Result<Statement> Create(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t person_id,
                             const StatementInput& input, Publication publication, const audit::Actor& actor);
    // A draft is edited in place; a published statement gets a new revision. kConflict
    // "state" for a withdrawn one; kNotFound "statement_id" when not the organisation's.
    Result<Statement> Update(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t statement_id,
                             std::int64_t person_id, const StatementInput& input, const audit::Actor& actor);
    // Draft -> published (revision 1). kConflict "state" unless a draft.
    Result<Statement> Publish(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t statement_id,
                              std::int64_t person_id, const audit::Actor& actor);
    // Published -> withdrawn (tombstone). kConflict "state" unless published.
    Result<Statement> Withdraw(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t statement_id,
                               std::int64_t person_id, const audit::Actor& actor);

    // The statement with its revisions; kNotFound "statement_id". Visibility is the caller's.
    Result<Statement> Get(std::int64_t exercise_id, std::int64_t statement_id);
    Result<std::vector<Statement>> List(std::int64_t exercise_id, const StatementFilter& filter);

  private:
    // Loads the scenes, then runs `change` in one write transaction with the current time.
    Result<Statement> Change(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t statement_id,
                             const audit::Actor& actor,
                             const std::function<Status(db::Connection&, Statement&, std::int64_t now_us,
                                                        std::optional<double> minutes)>& change);
    Status Widen(db::Connection& connection, const Statement& statement) const;
    Status Narrow(db::Connection& connection, const Statement& statement) const;
    Status Announce(db::Connection& connection, const std::string& type, const Statement& statement,
                    std::int64_t now_us) const;
    Status Audit(db::Connection& connection, const audit::Actor& actor, const std::string& action,
                 const Statement& statement) const;

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
    live::ScenarioSource& scenarios_;
    AttachmentStore attachments_;
    StatementRepository repository_;
};

}  // namespace enshu::world
