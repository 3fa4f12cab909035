#include "world/statement_repository.hpp"

#include <string_view>

namespace enshu::world {
namespace {

constexpr std::string_view kInsertStatement =
    "INSERT INTO statement (exercise_id, organisation_id, state, title, body, attachment_id, revision, created_by, "
    "created_at_us, updated_at_us) VALUES ($1, $2, 'draft', $3, $4, $5, 0, $6, $7, $7) RETURNING id";
constexpr std::string_view kSelectColumns =
    "SELECT s.id, s.exercise_id, s.organisation_id, o.name, o.sector_code, o.participation_mode, s.state, s.title, "
    "s.body, s.attachment_id, s.revision, p.display_name, s.created_at_us, s.updated_at_us, s.published_at_us, "
    "s.published_scenario_minutes, s.withdrawn_at_us, s.withdrawn_scenario_minutes FROM statement s "
    "JOIN organisation o ON o.id = s.organisation_id JOIN person p ON p.id = s.created_by ";
constexpr std::string_view kFindWhere = "WHERE s.exercise_id = $1 AND s.id = $2";
constexpr std::string_view kListWhere =
    "WHERE s.exercise_id = $1 AND ($2 = 0 OR s.state IN ('published', 'withdrawn')) "
    "AND ($3 = 0 OR s.organisation_id = $3) AND ($4 = '' OR o.sector_code = $4) "
    "ORDER BY COALESCE(s.published_at_us, s.updated_at_us) DESC, s.id DESC LIMIT $5";
constexpr std::string_view kSelectRevisions =
    "SELECT r.revision, r.title, r.body, r.attachment_id, p.display_name, r.wall_at_us, r.scenario_minutes "
    "FROM statement_revision r JOIN person p ON p.id = r.author_person_id WHERE r.statement_id = $1 "
    "ORDER BY r.revision";
constexpr std::string_view kUpdateText =
    "UPDATE statement SET title = $2, body = $3, attachment_id = $4, updated_at_us = $5 WHERE id = $1";
constexpr std::string_view kInsertRevision =
    "INSERT INTO statement_revision (statement_id, revision, title, body, attachment_id, author_person_id, "
    "wall_at_us, scenario_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kMarkPublished =
    "UPDATE statement SET state = 'published', revision = $2, updated_at_us = $3, "
    "published_at_us = COALESCE(published_at_us, $3), "
    "published_scenario_minutes = CASE WHEN published_at_us IS NULL THEN $4 ELSE published_scenario_minutes END "
    "WHERE id = $1";
constexpr std::string_view kMarkWithdrawn =
    "UPDATE statement SET state = 'withdrawn', updated_at_us = $2, withdrawn_at_us = $2, "
    "withdrawn_scenario_minutes = $3 WHERE id = $1";

db::Value OptionalValue(std::optional<std::int64_t> value) { return value ? db::Value(*value) : db::Value(); }
db::Value OptionalValue(std::optional<double> value) { return value ? db::Value(*value) : db::Value(); }

std::optional<double> OptionalReal(const db::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

StatementState StateOf(const std::string& name) {
    if (name == "published") return StatementState::kPublished;
    if (name == "withdrawn") return StatementState::kWithdrawn;
    return StatementState::kDraft;
}

}  // namespace

Result<std::int64_t> StatementRepository::Insert(db::Connection& connection, std::int64_t exercise_id,
                                                 std::int64_t organisation_id, std::int64_t person_id,
                                                 const StatementInput& input, std::int64_t now_us) const {
    auto row = connection.QueryOne(kInsertStatement, {exercise_id, organisation_id, input.title, input.body,
                                                      OptionalValue(input.attachment_id), person_id, now_us});
    if (!row) return tl::unexpected(row.error());
    return (*row)->Int(0);
}

Result<std::optional<AttachmentInfo>> StatementRepository::AttachmentOf(
    db::Connection& connection, std::int64_t exercise_id, std::optional<std::int64_t> attachment_id) const {
    if (!attachment_id) return std::optional<AttachmentInfo>();
    auto info = attachments_.Info(connection, exercise_id, *attachment_id);
    if (!info) return tl::unexpected(info.error());
    return std::optional<AttachmentInfo>(std::move(*info));
}

Result<Statement> StatementRepository::FromRow(db::Connection& connection, const db::Row& row) const {
    Statement statement;
    statement.id = row.Int(0);
    statement.exercise_id = row.Int(1);
    statement.organisation_id = row.Int(2);
    statement.organisation_name = row.Text(3);
    statement.sector_code = row.Text(4);
    statement.participation_mode = row.Text(5);
    statement.state = StateOf(row.Text(6));
    statement.title = row.Text(7);
    statement.body = row.Text(8);
    auto attachment = AttachmentOf(connection, statement.exercise_id, row.OptionalInt(9));
    if (!attachment) return tl::unexpected(attachment.error());
    statement.attachment = std::move(*attachment);
    statement.revision = static_cast<int>(row.Int(10));
    statement.author_name = row.Text(11);
    statement.created_at_us = row.Int(12);
    statement.updated_at_us = row.Int(13);
    statement.published_at_us = row.OptionalInt(14);
    statement.published_scenario_minutes = OptionalReal(row, 15);
    statement.withdrawn_at_us = row.OptionalInt(16);
    statement.withdrawn_scenario_minutes = OptionalReal(row, 17);
    return statement;
}

Result<std::optional<Statement>> StatementRepository::Find(db::Connection& connection, std::int64_t exercise_id,
                                                           std::int64_t statement_id) const {
    auto row = connection.QueryOne(std::string(kSelectColumns) + std::string(kFindWhere), {exercise_id, statement_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<Statement>();
    auto statement = FromRow(connection, **row);
    if (!statement) return tl::unexpected(statement.error());
    return std::optional<Statement>(std::move(*statement));
}

Result<std::vector<StatementRevision>> StatementRepository::Revisions(db::Connection& connection,
                                                                      std::int64_t exercise_id,
                                                                      std::int64_t statement_id) const {
    auto rows = connection.Query(kSelectRevisions, {statement_id});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<StatementRevision> revisions;
    for (const db::Row& row : *rows) {
        StatementRevision revision;
        revision.revision = static_cast<int>(row.Int(0));
        revision.title = row.Text(1);
        revision.body = row.Text(2);
        auto attachment = AttachmentOf(connection, exercise_id, row.OptionalInt(3));
        if (!attachment) return tl::unexpected(attachment.error());
        revision.attachment = std::move(*attachment);
        revision.author_name = row.Text(4);
        revision.wall_at_us = row.Int(5);
        revision.scenario_minutes = OptionalReal(row, 6);
        revisions.push_back(std::move(revision));
    }
    return revisions;
}

Result<std::vector<Statement>> StatementRepository::List(db::Connection& connection, std::int64_t exercise_id,
                                                         const StatementFilter& filter) const {
    auto rows = connection.Query(std::string(kSelectColumns) + std::string(kListWhere),
                                 {exercise_id, std::int64_t{filter.feed ? 1 : 0}, filter.organisation_id.value_or(0),
                                  filter.sector, std::int64_t{filter.limit}});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<Statement> statements;
    for (const db::Row& row : *rows) {
        auto statement = FromRow(connection, row);
        if (!statement) return tl::unexpected(statement.error());
        statements.push_back(std::move(*statement));
    }
    return statements;
}

Status StatementRepository::UpdateText(db::Connection& connection, std::int64_t statement_id,
                                       const StatementInput& input, std::int64_t now_us) const {
    auto changed = connection.Execute(
        kUpdateText, {statement_id, input.title, input.body, OptionalValue(input.attachment_id), now_us});
    if (!changed) return tl::unexpected(changed.error());
    return Ok();
}

Status StatementRepository::AddRevision(db::Connection& connection, const Statement& statement, int revision,
                                        std::int64_t person_id, std::int64_t now_us,
                                        std::optional<double> scenario_minutes) const {
    std::optional<std::int64_t> attachment_id;
    if (statement.attachment) attachment_id = statement.attachment->id;
    auto inserted = connection.Execute(
        kInsertRevision, {statement.id, std::int64_t{revision}, statement.title, statement.body,
                          OptionalValue(attachment_id), person_id, now_us, OptionalValue(scenario_minutes)});
    if (!inserted) return tl::unexpected(inserted.error());
    auto marked = connection.Execute(kMarkPublished,
                                     {statement.id, std::int64_t{revision}, now_us, OptionalValue(scenario_minutes)});
    if (!marked) return tl::unexpected(marked.error());
    return Ok();
}

Status StatementRepository::MarkWithdrawn(db::Connection& connection, std::int64_t statement_id, std::int64_t now_us,
                                          std::optional<double> scenario_minutes) const {
    auto changed = connection.Execute(kMarkWithdrawn, {statement_id, now_us, OptionalValue(scenario_minutes)});
    if (!changed) return tl::unexpected(changed.error());
    return Ok();
}

}  // namespace enshu::world
