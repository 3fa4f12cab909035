#include "evaluation/opinion_service.hpp"

#include <algorithm>
#include <string_view>

#include "exercise/field_validation.hpp"

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSelectKinds =
    "SELECT code, label_ja, label_en, position, exercise_id = 0 FROM opinion_kind WHERE exercise_id IN (0, $1) "
    "ORDER BY exercise_id <> 0, position, code";
constexpr std::string_view kKindExists = "SELECT 1 FROM opinion_kind WHERE exercise_id IN (0, $1) AND code = $2";
constexpr std::string_view kCountCustomKinds =
    "SELECT COUNT(*), COALESCE(MAX(position), 0) FROM opinion_kind "
    "WHERE exercise_id = $1";
constexpr std::string_view kInsertKind =
    "INSERT INTO opinion_kind (exercise_id, code, label_ja, label_en, position) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kSessionInExercise = "SELECT 1 FROM forum_session WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kOrganisationInExercise = "SELECT 1 FROM organisation WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kOpinionColumns =
    "SELECT f.id, f.session_id, f.organisation_id, COALESCE(o.name, ''), f.kind_code, f.text, f.recorded_by_user_id, "
    "f.created_at FROM forum_opinion f JOIN forum_session s ON s.id = f.session_id LEFT JOIN organisation o ON o.id = "
    "f.organisation_id LEFT JOIN opinion_kind k ON k.code = f.kind_code AND k.exercise_id IN (0, s.exercise_id) ";
const std::string kSelectOpinion = std::string(kOpinionColumns) + "WHERE f.id = $1 AND s.exercise_id = $2";
const std::string kListOpinions =
    std::string(kOpinionColumns) +
    "WHERE s.exercise_id = $1 AND ($2 = 0 OR f.session_id = $2) AND ($3 = '' OR f.kind_code = $3) "
    "ORDER BY k.exercise_id <> 0, k.position, f.kind_code, f.id";
constexpr std::string_view kInsertOpinion =
    "INSERT INTO forum_opinion (session_id, organisation_id, kind_code, text, recorded_by_user_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kUpdateOpinion =
    "UPDATE forum_opinion SET organisation_id = $2, kind_code = $3, text = $4 WHERE id = $1";
constexpr std::string_view kDeleteOpinion = "DELETE FROM forum_opinion WHERE id = $1";

tl::unexpected<Error> Invalid(const std::string& field, const std::string& problem) {
    return Fail(ErrorCode::kInvalidArgument, field + ": " + problem, field);
}

bool IsCode(const std::string& code) {
    if (code.empty() || code.size() > 40 || code[0] < 'a' || code[0] > 'z') return false;
    return std::all_of(code.begin(), code.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

Opinion OpinionFromRow(const db::Row& row) {
    return {row.Int(0),  row.Int(1),  row.OptionalInt(2), row.Text(3),
            row.Text(4), row.Text(5), row.OptionalInt(6), row.Text(7)};
}

nlohmann::json AuditSummary(const OpinionInput& input) {
    return {
        {"kind", input.kind_code},
        {"text", input.text},
        {"organisation_id", input.organisation_id ? nlohmann::json(*input.organisation_id) : nlohmann::json(nullptr)}};
}

Status AuditOpinion(db::Connection& connection, const audit::AuditLog& audit, const audit::Actor& actor,
                    std::int64_t exercise_id, const std::string& action, std::int64_t opinion_id, nlohmann::json before,
                    nlohmann::json after) {
    audit::AuditEntry entry{exercise_id,       action,          "forum_opinion", std::to_string(opinion_id),
                            std::move(before), std::move(after)};
    return audit.Append(connection, actor, entry);
}

}  // namespace

nlohmann::json OpinionKindJson(const OpinionKind& kind) {
    return {{"code", kind.code},
            {"label", {{"ja", kind.label_ja}, {"en", kind.label_en}}},
            {"position", kind.position},
            {"built_in", kind.built_in}};
}

Result<OpinionKind> ParseOpinionKind(const nlohmann::json& json) {
    if (!json.is_object()) return Invalid("body", "expected a JSON object");
    if (auto s = exercise::RejectUnknownMembers(json, {"code", "label"}, {"position", "built_in"}); !s) {
        return tl::unexpected(s.error());
    }
    OpinionKind kind;
    auto code = exercise::OptionalString(json, "code", "code");
    if (!code) return tl::unexpected(code.error());
    kind.code = code->value_or("");
    if (!IsCode(kind.code)) return Invalid("code", "must be 1..40 characters a-z, 0-9 or _ starting with a letter");
    auto label = json.find("label");
    if (label == json.end() || !label->is_object()) return Invalid("label", "expected {\"ja\",\"en\"}");
    for (auto [member, target] : {std::pair{"ja", &kind.label_ja}, std::pair{"en", &kind.label_en}}) {
        auto value = exercise::OptionalString(*label, member, std::string("label.") + member);
        if (!value) return tl::unexpected(value.error());
        *target = value->value_or("");
    }
    if (auto error = exercise::CheckText(kind.label_ja, "label.ja", 1, 100)) return tl::unexpected(*error);
    if (auto error = exercise::CheckText(kind.label_en, "label.en", 0, 100)) return tl::unexpected(*error);
    return kind;
}

Result<OpinionInput> ParseOpinion(const nlohmann::json& json) {
    if (!json.is_object()) return Invalid("body", "expected a JSON object");
    if (auto s = exercise::RejectUnknownMembers(
            json, {"kind", "text", "organisation_id"},
            {"id", "session_id", "organisation_name", "recorded_by_user_id", "created_at"});
        !s) {
        return tl::unexpected(s.error());
    }
    OpinionInput input;
    auto kind = exercise::OptionalString(json, "kind", "kind");
    if (!kind) return tl::unexpected(kind.error());
    input.kind_code = kind->value_or("");
    if (input.kind_code.empty() || input.kind_code.size() > 40) return Invalid("kind", "an opinion kind is required");
    auto text = exercise::OptionalString(json, "text", "text");
    if (!text) return tl::unexpected(text.error());
    input.text = text->value_or("");
    if (auto error =
            exercise::CheckText(input.text, "text", 1, kMaxOpinionCharacters, exercise::TextLines::kMultiple)) {
        return tl::unexpected(*error);
    }
    auto organisation = exercise::OptionalInteger(json, "organisation_id", "organisation_id");
    if (!organisation) return tl::unexpected(organisation.error());
    input.organisation_id = *organisation;
    return input;
}

nlohmann::json OpinionJson(const Opinion& opinion) {
    return {{"id", opinion.id},
            {"session_id", opinion.session_id},
            {"organisation_id",
             opinion.organisation_id ? nlohmann::json(*opinion.organisation_id) : nlohmann::json(nullptr)},
            {"organisation_name", opinion.organisation_name},
            {"kind", opinion.kind_code},
            {"text", opinion.text},
            {"created_at", opinion.created_at}};
}

OpinionService::OpinionService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database), clock_(clock), audit_(audit) {}

Result<std::vector<OpinionKind>> OpinionService::Kinds(std::int64_t exercise_id) {
    std::vector<OpinionKind> kinds;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kSelectKinds, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            kinds.push_back({row.Text(0), row.Text(1), row.Text(2), row.Int(3), row.Int(4) != 0});
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return kinds;
}

Result<OpinionKind> OpinionService::AddKind(std::int64_t exercise_id, const OpinionKind& kind,
                                            const audit::Actor& actor) {
    OpinionKind added = kind;
    added.built_in = false;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto exists = connection.QueryOne(kKindExists, {exercise_id, kind.code});
        if (!exists) return tl::unexpected(exists.error());
        if (*exists) return Fail(ErrorCode::kConflict, "code: the kind '" + kind.code + "' exists already", "code");
        auto count = connection.QueryOne(kCountCustomKinds, {exercise_id});
        if (!count) return tl::unexpected(count.error());
        if ((*count)->Int(0) >= static_cast<std::int64_t>(kMaxOpinionKindsPerExercise)) {
            return Fail(ErrorCode::kConflict, "code: an exercise may add at most 50 kinds", "code");
        }
        added.position = (*count)->Int(1) + 1;
        auto inserted =
            connection.Execute(kInsertKind, {exercise_id, kind.code, kind.label_ja, kind.label_en, added.position});
        if (!inserted) return tl::unexpected(inserted.error());
        audit::AuditEntry entry{exercise_id,    "opinion_kind.create",
                                "opinion_kind", kind.code,
                                nullptr,        {{"label_ja", kind.label_ja}, {"label_en", kind.label_en}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return added;
}

Status OpinionService::CheckInput(db::Connection& connection, std::int64_t exercise_id, const OpinionInput& input) {
    auto kind = connection.QueryOne(kKindExists, {exercise_id, input.kind_code});
    if (!kind) return tl::unexpected(kind.error());
    if (!*kind) return Invalid("kind", "'" + input.kind_code + "' is not an opinion kind of this exercise");
    if (input.organisation_id) {
        auto organisation = connection.QueryOne(kOrganisationInExercise, {*input.organisation_id, exercise_id});
        if (!organisation) return tl::unexpected(organisation.error());
        if (!*organisation) return Invalid("organisation_id", "no such organisation in this exercise");
    }
    return Ok();
}

Result<Opinion> OpinionService::Load(db::Connection& connection, std::int64_t exercise_id, std::int64_t opinion_id) {
    auto row = connection.QueryOne(kSelectOpinion, {opinion_id, exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such opinion", "opinion_id");
    return OpinionFromRow(**row);
}

Result<std::vector<Opinion>> OpinionService::List(std::int64_t exercise_id, std::optional<std::int64_t> session_id,
                                                  const std::optional<std::string>& kind_code) {
    std::vector<Opinion> opinions;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kListOpinions, {exercise_id, session_id.value_or(0), kind_code.value_or("")});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) opinions.push_back(OpinionFromRow(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return opinions;
}

Result<Opinion> OpinionService::Create(std::int64_t exercise_id, std::int64_t session_id, const OpinionInput& input,
                                       const audit::Actor& actor) {
    Opinion created;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto session = connection.QueryOne(kSessionInExercise, {session_id, exercise_id});
        if (!session) return tl::unexpected(session.error());
        if (!*session) return Fail(ErrorCode::kNotFound, "no such session", "session_id");
        if (auto s = CheckInput(connection, exercise_id, input); !s) return s;
        auto id = connection.QueryOne(
            kInsertOpinion,
            {session_id, input.organisation_id ? db::Value(*input.organisation_id) : db::Value(), input.kind_code,
             input.text, actor.user_id ? db::Value(*actor.user_id) : db::Value(), FormatTimestamp(clock_.Now())});
        if (!id) return tl::unexpected(id.error());
        nlohmann::json after = AuditSummary(input);
        after["session_id"] = session_id;
        if (auto s = AuditOpinion(connection, audit_, actor, exercise_id, "forum_opinion.create", (*id)->Int(0),
                                  nullptr, after);
            !s) {
            return s;
        }
        auto loaded = Load(connection, exercise_id, (*id)->Int(0));
        if (!loaded) return tl::unexpected(loaded.error());
        created = std::move(*loaded);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return created;
}

Result<Opinion> OpinionService::Update(std::int64_t exercise_id, std::int64_t opinion_id, const OpinionInput& input,
                                       const audit::Actor& actor) {
    Opinion updated;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, exercise_id, opinion_id);
        if (!current) return tl::unexpected(current.error());
        if (auto s = CheckInput(connection, exercise_id, input); !s) return s;
        auto changed = connection.Execute(
            kUpdateOpinion, {opinion_id, input.organisation_id ? db::Value(*input.organisation_id) : db::Value(),
                             input.kind_code, input.text});
        if (!changed) return tl::unexpected(changed.error());
        const OpinionInput before{current->kind_code, current->text, current->organisation_id};
        auto [audit_before, audit_after] = audit::ChangedFields(AuditSummary(before), AuditSummary(input));
        if (auto s = AuditOpinion(connection, audit_, actor, exercise_id, "forum_opinion.update", opinion_id,
                                  audit_before, audit_after);
            !s) {
            return s;
        }
        auto loaded = Load(connection, exercise_id, opinion_id);
        if (!loaded) return tl::unexpected(loaded.error());
        updated = std::move(*loaded);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return updated;
}

Status OpinionService::Delete(std::int64_t exercise_id, std::int64_t opinion_id, const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, exercise_id, opinion_id);
        if (!current) return tl::unexpected(current.error());
        if (auto deleted = connection.Execute(kDeleteOpinion, {opinion_id}); !deleted) {
            return tl::unexpected(deleted.error());
        }
        const OpinionInput before{current->kind_code, current->text, current->organisation_id};
        nlohmann::json summary = AuditSummary(before);
        summary["session_id"] = current->session_id;
        return AuditOpinion(connection, audit_, actor, exercise_id, "forum_opinion.delete", opinion_id, summary,
                            nullptr);
    });
}

}  // namespace enshu::evaluation
