#pragma once

// SQL of the PR site's statements (tables statement, statement_revision, migration
// 0007). Every function runs inside the caller's transaction; values are bound.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "world/attachment_store.hpp"
#include "world/statement_model.hpp"

namespace enshu::world {

// Which statements a list returns.
struct StatementFilter {
    bool feed = true;                             // true: published and withdrawn only; false: every state
    std::optional<std::int64_t> organisation_id;  // only this organisation
    std::string sector;                           // only this sector ("" = all)
    int limit = 200;
};

class StatementRepository {
  public:
    explicit StatementRepository(const AttachmentStore& attachments) : attachments_(attachments) {}

    Result<std::int64_t> Insert(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id,
                                std::int64_t person_id, const StatementInput& input, std::int64_t now_us) const;
    // nullopt when the statement is not in the exercise. Revisions are not filled.
    Result<std::optional<Statement>> Find(db::Connection& connection, std::int64_t exercise_id,
                                          std::int64_t statement_id) const;
    Result<std::vector<StatementRevision>> Revisions(db::Connection& connection, std::int64_t exercise_id,
                                                     std::int64_t statement_id) const;
    // Newest publication first (drafts by their last change).
    Result<std::vector<Statement>> List(db::Connection& connection, std::int64_t exercise_id,
                                        const StatementFilter& filter) const;

    Status UpdateText(db::Connection& connection, std::int64_t statement_id, const StatementInput& input,
                      std::int64_t now_us) const;
    // Appends revision `revision` with the statement's current text and marks it published
    // (the first publication also sets published_at_us / published_scenario_minutes).
    Status AddRevision(db::Connection& connection, const Statement& statement, int revision, std::int64_t person_id,
                       std::int64_t now_us, std::optional<double> scenario_minutes) const;
    Status MarkWithdrawn(db::Connection& connection, std::int64_t statement_id, std::int64_t now_us,
                         std::optional<double> scenario_minutes) const;

  private:
    Result<Statement> FromRow(db::Connection& connection, const db::Row& row) const;
    Result<std::optional<AttachmentInfo>> AttachmentOf(db::Connection& connection, std::int64_t exercise_id,
                                                       std::optional<std::int64_t> attachment_id) const;

    const AttachmentStore& attachments_;
};

}  // namespace enshu::world
