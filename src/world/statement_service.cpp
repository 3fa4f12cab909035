#include "world/statement_service.hpp"

#include <chrono>
#include <string_view>

#include "world/feed_clock.hpp"
#include "world/feed_post_limit.hpp"

namespace enshu::world {
namespace {

// Another published statement still shows this attachment (then it stays public).
constexpr std::string_view kAttachmentStillPublished =
    "SELECT 1 FROM statement s LEFT JOIN statement_revision r ON r.statement_id = s.id WHERE s.state = 'published' "
    "AND s.id <> $2 AND (s.attachment_id = $1 OR r.attachment_id = $1) LIMIT 1";
constexpr std::string_view kRevisionAttachments =
    "SELECT DISTINCT attachment_id FROM statement_revision WHERE statement_id = $1 AND attachment_id IS NOT NULL";

std::int64_t MicrosNow(const Clock& clock) {
    return std::chrono::duration_cast<std::chrono::microseconds>(clock.Now().time_since_epoch()).count();
}

Status NotFound() { return Fail(ErrorCode::kNotFound, "no such statement", "statement_id"); }

}  // namespace

StatementService::StatementService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                   const live::EventLog& events, live::ScenarioSource& scenarios)
    : database_(database),
      clock_(clock),
      audit_(audit),
      events_(events),
      scenarios_(scenarios),
      attachments_(clock, audit),
      repository_(attachments_) {}

Status StatementService::Widen(db::Connection& connection, const Statement& statement) const {
    if (!statement.attachment) return Ok();
    return attachments_.SetVisibility(connection, statement.exercise_id, statement.attachment->id,
                                      AttachmentVisibility::kExercise);
}

Status StatementService::Narrow(db::Connection& connection, const Statement& statement) const {
    auto rows = connection.Query(kRevisionAttachments, {statement.id});
    if (!rows) return tl::unexpected(rows.error());
    for (const db::Row& row : *rows) {
        const std::int64_t attachment_id = row.Int(0);
        auto shared = connection.QueryOne(kAttachmentStillPublished, {attachment_id, statement.id});
        if (!shared) return tl::unexpected(shared.error());
        if (*shared) continue;
        if (auto narrowed = attachments_.SetVisibility(connection, statement.exercise_id, attachment_id,
                                                       AttachmentVisibility::kOwner);
            !narrowed) {
            return narrowed;
        }
    }
    return Ok();
}

Status StatementService::Announce(db::Connection& connection, const std::string& type, const Statement& statement,
                                  std::int64_t now_us) const {
    Statement summary = statement;
    summary.revisions.clear();
    live::LiveEvent event;
    event.exercise_id = statement.exercise_id;
    event.type = type;
    event.audience.everyone = true;
    event.released_at_us = now_us;
    event.payload_json = nlohmann::json{{"statement", StatementJson(summary, StatementView::kTombstone)}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return events_.Append(connection, event);
}

Status StatementService::Audit(db::Connection& connection, const audit::Actor& actor, const std::string& action,
                               const Statement& statement) const {
    nlohmann::json after = {
        {"organisation_id", statement.organisation_id},
        {"state", StatementStateName(statement.state)},
        {"revision", statement.revision},
        {"title", statement.title},
        {"attachment_id", statement.attachment ? nlohmann::json(statement.attachment->id) : nlohmann::json(nullptr)}};
    return audit_.Append(connection, actor,
                         {statement.exercise_id, action, "statement", std::to_string(statement.id), nullptr, after});
}

Result<Statement> StatementService::Create(std::int64_t exercise_id, std::int64_t organisation_id,
                                           std::int64_t person_id, const StatementInput& input, Publication publication,
                                           const audit::Actor& actor) {
    if (auto valid = ValidateStatement(input); !valid) return tl::unexpected(valid.error());
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    Statement result;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        const std::int64_t now_us = MicrosNow(clock_);
        if (auto limited = RecordPost(connection, actor.user_id, now_us); !limited) return limited;
        if (input.attachment_id) {
            auto attachable =
                attachments_.RequireAttachable(connection, exercise_id, *input.attachment_id, organisation_id);
            if (!attachable) return tl::unexpected(attachable.error());
        }
        auto id = repository_.Insert(connection, exercise_id, organisation_id, person_id, input, now_us);
        if (!id) return tl::unexpected(id.error());
        auto found = repository_.Find(connection, exercise_id, *id);
        if (!found) return tl::unexpected(found.error());
        if (!*found) return NotFound();
        if (auto audited = Audit(connection, actor, "statement.create", **found); !audited) return audited;
        if (publication == Publication::kPublishNow) {
            auto minutes = ScenarioMinutesNow(connection, exercise_id, (*snapshot)->master.scenes, now_us);
            if (!minutes) return tl::unexpected(minutes.error());
            if (auto added = repository_.AddRevision(connection, **found, 1, person_id, now_us, *minutes); !added) {
                return added;
            }
            found = repository_.Find(connection, exercise_id, *id);
            if (!found) return tl::unexpected(found.error());
            if (auto widened = Widen(connection, **found); !widened) return widened;
            if (auto audited = Audit(connection, actor, "statement.publish", **found); !audited) return audited;
            if (auto announced = Announce(connection, "statement.published", **found, now_us); !announced) {
                return announced;
            }
        }
        result = std::move(**found);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return Get(exercise_id, result.id);
}

Result<Statement> StatementService::Change(
    std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t statement_id, const audit::Actor& actor,
    const std::function<Status(db::Connection&, Statement&, std::int64_t, std::optional<double>)>& change) {
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto found = repository_.Find(connection, exercise_id, statement_id);
        if (!found) return tl::unexpected(found.error());
        if (!*found || (*found)->organisation_id != organisation_id) return NotFound();
        const std::int64_t now_us = MicrosNow(clock_);
        if (auto limited = RecordPost(connection, actor.user_id, now_us); !limited) return limited;
        auto minutes = ScenarioMinutesNow(connection, exercise_id, (*snapshot)->master.scenes, now_us);
        if (!minutes) return tl::unexpected(minutes.error());
        return change(connection, **found, now_us, *minutes);
    });
    if (!written) return tl::unexpected(written.error());
    return Get(exercise_id, statement_id);
}

Result<Statement> StatementService::Update(std::int64_t exercise_id, std::int64_t organisation_id,
                                           std::int64_t statement_id, std::int64_t person_id,
                                           const StatementInput& input, const audit::Actor& actor) {
    if (auto valid = ValidateStatement(input); !valid) return tl::unexpected(valid.error());
    return Change(exercise_id, organisation_id, statement_id, actor,
                  [&](db::Connection& connection, Statement& statement, std::int64_t now_us,
                      std::optional<double> minutes) -> Status {
                      if (statement.state == StatementState::kWithdrawn) {
                          return Fail(ErrorCode::kConflict, "state: a withdrawn statement cannot be changed", "state");
                      }
                      if (input.attachment_id) {
                          auto attachable = attachments_.RequireAttachable(connection, exercise_id,
                                                                           *input.attachment_id, organisation_id);
                          if (!attachable) return tl::unexpected(attachable.error());
                      }
                      if (auto updated = repository_.UpdateText(connection, statement_id, input, now_us); !updated) {
                          return updated;
                      }
                      auto found = repository_.Find(connection, exercise_id, statement_id);
                      if (!found) return tl::unexpected(found.error());
                      if (!*found) return NotFound();
                      if (statement.state == StatementState::kDraft) {
                          return Audit(connection, actor, "statement.update", **found);
                      }
                      if (auto added = repository_.AddRevision(connection, **found, statement.revision + 1, person_id,
                                                               now_us, minutes);
                          !added) {
                          return added;
                      }
                      found = repository_.Find(connection, exercise_id, statement_id);
                      if (!found) return tl::unexpected(found.error());
                      if (auto widened = Widen(connection, **found); !widened) return widened;
                      if (auto audited = Audit(connection, actor, "statement.update", **found); !audited) {
                          return audited;
                      }
                      return Announce(connection, "statement.updated", **found, now_us);
                  });
}

Result<Statement> StatementService::Publish(std::int64_t exercise_id, std::int64_t organisation_id,
                                            std::int64_t statement_id, std::int64_t person_id,
                                            const audit::Actor& actor) {
    return Change(exercise_id, organisation_id, statement_id, actor,
                  [&](db::Connection& connection, Statement& statement, std::int64_t now_us,
                      std::optional<double> minutes) -> Status {
                      if (statement.state != StatementState::kDraft) {
                          return Fail(ErrorCode::kConflict, "state: only a draft can be published", "state");
                      }
                      if (auto added = repository_.AddRevision(connection, statement, 1, person_id, now_us, minutes);
                          !added) {
                          return added;
                      }
                      auto found = repository_.Find(connection, exercise_id, statement_id);
                      if (!found) return tl::unexpected(found.error());
                      if (!*found) return NotFound();
                      if (auto widened = Widen(connection, **found); !widened) return widened;
                      if (auto audited = Audit(connection, actor, "statement.publish", **found); !audited) {
                          return audited;
                      }
                      return Announce(connection, "statement.published", **found, now_us);
                  });
}

Result<Statement> StatementService::Withdraw(std::int64_t exercise_id, std::int64_t organisation_id,
                                             std::int64_t statement_id, std::int64_t person_id,
                                             const audit::Actor& actor) {
    return Change(exercise_id, organisation_id, statement_id, actor,
                  [&](db::Connection& connection, Statement& statement, std::int64_t now_us,
                      std::optional<double> minutes) -> Status {
                      if (statement.state != StatementState::kPublished) {
                          return Fail(ErrorCode::kConflict, "state: only a published statement can be withdrawn",
                                      "state");
                      }
                      if (auto marked = repository_.MarkWithdrawn(connection, statement_id, now_us, minutes); !marked) {
                          return marked;
                      }
                      auto found = repository_.Find(connection, exercise_id, statement_id);
                      if (!found) return tl::unexpected(found.error());
                      if (!*found) return NotFound();
                      if (auto narrowed = Narrow(connection, **found); !narrowed) return narrowed;
                      if (auto audited = Audit(connection, actor, "statement.withdraw", **found); !audited) {
                          return audited;
                      }
                      return Announce(connection, "statement.withdrawn", **found, now_us);
                  });
}

Result<Statement> StatementService::Get(std::int64_t exercise_id, std::int64_t statement_id) {
    Statement result;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto found = repository_.Find(connection, exercise_id, statement_id);
        if (!found) return tl::unexpected(found.error());
        if (!*found) return NotFound();
        auto revisions = repository_.Revisions(connection, exercise_id, statement_id);
        if (!revisions) return tl::unexpected(revisions.error());
        result = std::move(**found);
        result.revisions = std::move(*revisions);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return result;
}

Result<std::vector<Statement>> StatementService::List(std::int64_t exercise_id, const StatementFilter& filter) {
    std::vector<Statement> result;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto list = repository_.List(connection, exercise_id, filter);
        if (!list) return tl::unexpected(list.error());
        result = std::move(*list);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return result;
}

}  // namespace enshu::world
