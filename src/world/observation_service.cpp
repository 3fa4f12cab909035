#include "world/observation_service.hpp"

#include "core/exercise_marking.hpp"
#include "io/csv.hpp"
#include "io/text.hpp"
#include "io/xlsx.hpp"

namespace enshu::world {
namespace {

constexpr std::string_view kOrganisationInExercise = "SELECT 1 FROM organisation WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kSelectOwn =
    "SELECT id, rating, comment FROM observation WHERE exercise_id = $1 AND organisation_id = $2 AND inject_id = $3 "
    "AND observer_id = $4";
constexpr std::string_view kInsert =
    "INSERT INTO observation (exercise_id, organisation_id, inject_id, observer_id, observer_name, rating, comment, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE observation SET rating = $1, comment = $2, observer_name = $3, updated_at = $4 WHERE id = $5";
// $2..$4: optional filters (NULL = any).
constexpr std::string_view kSelectList =
    "SELECT ob.id, ob.exercise_id, ob.organisation_id, o.name, ob.inject_id, ob.observer_id, ob.observer_name, "
    "ob.rating, ob.comment, ob.created_at, ob.updated_at FROM observation ob "
    "JOIN organisation o ON o.id = ob.organisation_id WHERE ob.exercise_id = $1 "
    "AND ($2 IS NULL OR ob.organisation_id = $2) AND ($3 IS NULL OR ob.inject_id = $3) "
    "AND ($4 IS NULL OR ob.observer_id = $4) ORDER BY o.name, ob.inject_id, ob.observer_name, ob.id LIMIT 20000";

Observation FromRow(const db::Row& row) {
    Observation o;
    o.id = row.Int(0);
    o.exercise_id = row.Int(1);
    o.organisation_id = row.Int(2);
    o.organisation_name = row.Text(3);
    o.inject_id = row.Text(4);
    o.observer_id = row.Int(5);
    o.observer_name = row.Text(6);
    o.rating = static_cast<int>(row.Int(7));
    o.comment = row.Text(8);
    o.created_at = row.Text(9);
    o.updated_at = row.Text(10);
    return o;
}

db::Value OptionalValue(const std::optional<std::int64_t>& value) { return value ? db::Value(*value) : db::Value(); }
db::Value OptionalValue(const std::optional<std::string>& value) { return value ? db::Value(*value) : db::Value(); }

}  // namespace

const std::vector<std::string>& RatingLabelsJa() {
    static const std::vector<std::string> labels = {"不十分", "要改善", "概ね適切", "適切", "模範的"};
    return labels;
}

const std::vector<std::string>& RatingLabelsEn() {
    static const std::vector<std::string> labels = {"Insufficient", "Needs improvement", "Adequate", "Good",
                                                    "Exemplary"};
    return labels;
}

nlohmann::json ObservationJson(const Observation& o) {
    return {{"id", o.id},
            {"organisation_id", o.organisation_id},
            {"organisation_name", o.organisation_name},
            {"inject_id", o.inject_id},
            {"observer_id", o.observer_id},
            {"observer_name", o.observer_name},
            {"rating", o.rating},
            {"comment", o.comment},
            {"created_at", o.created_at},
            {"updated_at", o.updated_at}};
}

Status ValidateObservation(const ObservationInput& input) {
    if (input.organisation_id <= 0) {
        return Fail(ErrorCode::kInvalidArgument, "organisation_id: must be a positive integer", "organisation_id");
    }
    if (input.inject_id.empty() || input.inject_id.size() > kMaxObservationInjectIdBytes ||
        !io::IsValidUtf8(input.inject_id)) {
        return Fail(ErrorCode::kInvalidArgument, "inject_id: must be 1..100 bytes of UTF-8", "inject_id");
    }
    if (input.rating < kMinRating || input.rating > kMaxRating) {
        return Fail(ErrorCode::kInvalidArgument, "rating: must be an integer 1..5", "rating");
    }
    if (!io::IsValidUtf8(input.comment) || io::CharacterCount(input.comment) > kMaxObservationCommentCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "comment: at most 4000 characters of UTF-8", "comment");
    }
    return Ok();
}

ObservationService::ObservationService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database), clock_(clock), audit_(audit) {}

Result<std::pair<Observation, bool>> ObservationService::Save(std::int64_t exercise_id, std::int64_t observer_id,
                                                              const std::string& observer_name,
                                                              const ObservationInput& input,
                                                              const ReleasedCheck& released,
                                                              const audit::Actor& actor) {
    if (auto valid = ValidateObservation(input); !valid) return tl::unexpected(valid.error());
    std::int64_t id = 0;
    bool created = false;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto organisation = connection.QueryOne(kOrganisationInExercise, {input.organisation_id, exercise_id});
        if (!organisation) return tl::unexpected(organisation.error());
        if (!*organisation) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
        auto was_released = released(connection, exercise_id, input.organisation_id, input.inject_id);
        if (!was_released) return tl::unexpected(was_released.error());
        if (!*was_released) {
            return Fail(ErrorCode::kNotFound, "inject_id: not released to this organisation", "inject_id");
        }
        const std::string now = FormatTimestamp(clock_.Now());
        auto existing =
            connection.QueryOne(kSelectOwn, {exercise_id, input.organisation_id, input.inject_id, observer_id});
        if (!existing) return tl::unexpected(existing.error());
        const nlohmann::json after = {{"organisation_id", input.organisation_id},
                                      {"inject_id", input.inject_id},
                                      {"rating", input.rating},
                                      {"comment", input.comment}};
        if (!*existing) {
            auto inserted =
                connection.QueryOne(kInsert, {exercise_id, input.organisation_id, input.inject_id, observer_id,
                                              observer_name, std::int64_t{input.rating}, input.comment, now});
            if (!inserted) return tl::unexpected(inserted.error());
            if (!*inserted) return Fail(ErrorCode::kInternal, "observation insert returned no id");
            id = (*inserted)->Int(0);
            created = true;
            return audit_.Append(connection, actor,
                                 audit::AuditEntry{exercise_id, "observation.create", "observation", std::to_string(id),
                                                   nullptr, after});
        }
        id = (*existing)->Int(0);
        const nlohmann::json before = {{"rating", (*existing)->Int(1)}, {"comment", (*existing)->Text(2)}};
        auto updated = connection.Execute(kUpdate, {std::int64_t{input.rating}, input.comment, observer_name, now, id});
        if (!updated) return tl::unexpected(updated.error());
        return audit_.Append(connection, actor,
                             audit::AuditEntry{exercise_id,
                                               "observation.update",
                                               "observation",
                                               std::to_string(id),
                                               before,
                                               {{"rating", input.rating}, {"comment", input.comment}}});
    });
    if (!written) return tl::unexpected(written.error());
    ObservationFilter filter;
    filter.organisation_id = input.organisation_id;
    filter.inject_id = input.inject_id;
    filter.observer_id = observer_id;
    auto saved = List(exercise_id, filter);
    if (!saved) return tl::unexpected(saved.error());
    if (saved->empty())
        return Fail(ErrorCode::kInternal, "observation " + std::to_string(id) + " not found after save");
    return std::make_pair(saved->front(), created);
}

Result<std::vector<Observation>> ObservationService::List(std::int64_t exercise_id, const ObservationFilter& filter) {
    std::vector<Observation> items;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kSelectList, {exercise_id, OptionalValue(filter.organisation_id),
                                                   OptionalValue(filter.inject_id), OptionalValue(filter.observer_id)});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) items.push_back(FromRow(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return items;
}

Result<ObservationExport> ObservationService::Export(std::int64_t exercise_id, bool xlsx, bool japanese) {
    auto items = List(exercise_id, {});
    if (!items) return tl::unexpected(items.error());
    const std::vector<std::string> header =
        japanese ? std::vector<std::string>{"組織ID", "組織名",     "インジェクトID", "評価者",
                                            "評価",   "評価ラベル", "コメント",       "更新日時"}
                 : std::vector<std::string>{"organisation_id", "organisation", "inject_id", "observer",
                                            "rating",          "rating_label", "comment",   "updated_at"};
    const auto& labels = japanese ? RatingLabelsJa() : RatingLabelsEn();
    ObservationExport file;
    file.filename = std::string(japanese ? "評価記録" : "observations") + (xlsx ? ".xlsx" : ".csv");
    if (!xlsx) {
        io::Table table{header};
        for (const Observation& o : *items) {
            table.push_back({std::to_string(o.organisation_id), o.organisation_name, o.inject_id, o.observer_name,
                             std::to_string(o.rating), labels.at(static_cast<std::size_t>(o.rating - 1)), o.comment,
                             o.updated_at});
        }
        file.body = io::WriteCsv(table);
        file.content_type = "text/csv; charset=utf-8";
        return file;
    }
    io::SheetToWrite sheet;
    sheet.name = japanese ? "評価" : "Observations";
    sheet.rows.push_back({});
    for (const auto& name : header) sheet.rows.back().emplace_back(name);
    for (const Observation& o : *items) {
        sheet.rows.push_back({static_cast<double>(o.organisation_id), o.organisation_name, o.inject_id, o.observer_name,
                              static_cast<double>(o.rating), labels.at(static_cast<std::size_t>(o.rating - 1)),
                              o.comment, o.updated_at});
    }
    sheet.column_widths = {10, 30, 16, 20, 8, 16, 60, 24};
    io::SheetToWrite info;
    info.name = japanese ? "演習" : "Exercise";
    info.rows = {{std::string(japanese ? "表示" : "marking"), std::string(kExerciseMarking)},
                 {std::string(japanese ? "内容" : "content"),
                  std::string(japanese ? "演習の評価者記録（実際のインシデントではありません）"
                                       : "Exercise observer ratings (not a real incident)")}};
    info.column_widths = {12, 60};
    auto bytes = io::WriteXlsx({sheet, info});
    if (!bytes) return tl::unexpected(bytes.error());
    file.body = std::move(*bytes);
    file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return file;
}

}  // namespace enshu::world
