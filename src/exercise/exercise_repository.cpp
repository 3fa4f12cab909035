#include "exercise/exercise_repository.hpp"

#include <string_view>

namespace enshu::exercise {
namespace {

constexpr std::string_view kSelectExercise =
    "SELECT id, fiscal_year, title_ja, title_en, description, time_zone, created_at, updated_at "
    "FROM exercise WHERE id = $1";
constexpr std::string_view kExerciseExists = "SELECT 1 FROM exercise WHERE id = $1";
constexpr std::string_view kSelectAllExercises =
    "SELECT id, fiscal_year, title_ja, title_en, description, time_zone, created_at, updated_at "
    "FROM exercise ORDER BY fiscal_year DESC, id DESC";
constexpr std::string_view kSelectExercisesOfUser =
    "SELECT id, fiscal_year, title_ja, title_en, description, time_zone, created_at, updated_at "
    "FROM exercise WHERE id IN (SELECT exercise_id FROM membership WHERE user_id = $1 "
    "UNION SELECT exercise_id FROM person WHERE user_id = $1) ORDER BY fiscal_year DESC, id DESC";
constexpr std::string_view kSelectExerciseIdByTitleEn = "SELECT id FROM exercise WHERE title_en = $1 ORDER BY id";
constexpr std::string_view kSelectPhases =
    "SELECT id, kind, starts_at, ends_at, note FROM exercise_phase WHERE exercise_id = $1 ORDER BY sort_order, id";
constexpr std::string_view kInsertExercise =
    "INSERT INTO exercise (fiscal_year, title_ja, title_en, description, time_zone, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
constexpr std::string_view kUpdateExercise =
    "UPDATE exercise SET fiscal_year = $2, title_ja = $3, title_en = $4, description = $5, time_zone = $6, "
    "updated_at = $7 WHERE id = $1";
constexpr std::string_view kDeletePhases = "DELETE FROM exercise_phase WHERE exercise_id = $1";
constexpr std::string_view kInsertPhase =
    "INSERT INTO exercise_phase (exercise_id, kind, starts_at, ends_at, note, sort_order) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kFindMembership =
    "SELECT id FROM membership WHERE exercise_id = $1 AND user_id = $2 AND role = $3";
constexpr std::string_view kInsertMembership =
    "INSERT INTO membership (exercise_id, user_id, role, ministry_code, created_at) VALUES ($1, $2, $3, $4, $5)";

Exercise ExerciseFromRow(const db::Row& row) {
    Exercise exercise;
    exercise.id = row.Int(0);
    exercise.fiscal_year = static_cast<int>(row.Int(1));
    exercise.title_ja = row.Text(2);
    exercise.title_en = row.Text(3);
    exercise.description = row.Text(4);
    exercise.time_zone = row.Text(5);
    exercise.created_at = row.Text(6);
    exercise.updated_at = row.Text(7);
    return exercise;
}

Status LoadPhases(db::Connection& connection, Exercise& exercise) {
    auto rows = connection.Query(kSelectPhases, {exercise.id});
    if (!rows) return tl::unexpected(rows.error());
    exercise.phases.clear();
    for (const auto& row : *rows) {
        exercise.phases.push_back(Phase{row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4)});
    }
    return Ok();
}

Result<std::vector<Exercise>> QueryExercises(db::Connection& connection, std::string_view sql,
                                             const db::Params& params) {
    auto rows = connection.Query(sql, params);
    if (!rows) return tl::unexpected(rows.error());
    std::vector<Exercise> exercises;
    for (const auto& row : *rows) {
        exercises.push_back(ExerciseFromRow(row));
        if (auto status = LoadPhases(connection, exercises.back()); !status) return tl::unexpected(status.error());
    }
    return exercises;
}

Status InsertPhases(db::Connection& connection, Exercise& exercise) {
    for (std::size_t i = 0; i < exercise.phases.size(); ++i) {
        Phase& phase = exercise.phases[i];
        auto row = connection.QueryOne(kInsertPhase, {exercise.id, phase.kind, phase.starts_at, phase.ends_at,
                                                      phase.note, static_cast<std::int64_t>(i)});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kInternal, "phase insert returned no id");
        phase.id = (*row)->Int(0);
    }
    return Ok();
}

}  // namespace

Result<std::optional<Exercise>> FindExercise(db::Connection& connection, std::int64_t exercise_id) {
    auto rows = QueryExercises(connection, kSelectExercise, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    if (rows->empty()) return std::optional<Exercise>();
    return std::optional<Exercise>(std::move(rows->front()));
}

Result<bool> ExerciseExists(db::Connection& connection, std::int64_t exercise_id) {
    auto row = connection.QueryOne(kExerciseExists, {exercise_id});
    if (!row) return tl::unexpected(row.error());
    return row->has_value();
}

Result<std::vector<Exercise>> ListAllExercises(db::Connection& connection) {
    return QueryExercises(connection, kSelectAllExercises, {});
}

Result<std::vector<Exercise>> ListExercisesOfUser(db::Connection& connection, std::int64_t user_id) {
    return QueryExercises(connection, kSelectExercisesOfUser, {user_id});
}

Result<std::optional<std::int64_t>> FindExerciseIdByTitleEn(db::Connection& connection, const std::string& title_en) {
    auto row = connection.QueryOne(kSelectExerciseIdByTitleEn, {title_en});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*row)->Int(0));
}

Status InsertExercise(db::Connection& connection, Exercise& exercise, const std::string& now) {
    auto row = connection.QueryOne(kInsertExercise, {std::int64_t{exercise.fiscal_year}, exercise.title_ja,
                                                     exercise.title_en, exercise.description, exercise.time_zone, now});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kInternal, "exercise insert returned no id");
    exercise.id = (*row)->Int(0);
    exercise.created_at = now;
    exercise.updated_at = now;
    return InsertPhases(connection, exercise);
}

Status UpdateExercise(db::Connection& connection, Exercise& exercise, const std::string& now, PhaseChange phases) {
    auto changed =
        connection.Execute(kUpdateExercise, {exercise.id, std::int64_t{exercise.fiscal_year}, exercise.title_ja,
                                             exercise.title_en, exercise.description, exercise.time_zone, now});
    if (!changed) return tl::unexpected(changed.error());
    if (*changed == 0) return Fail(ErrorCode::kNotFound, "exercise not found", "exercise_id");
    exercise.updated_at = now;
    if (phases == PhaseChange::kKeep) return Ok();
    if (auto deleted = connection.Execute(kDeletePhases, {exercise.id}); !deleted) {
        return tl::unexpected(deleted.error());
    }
    return InsertPhases(connection, exercise);
}

Status AddStaffMembership(db::Connection& connection, std::int64_t exercise_id, std::int64_t user_id, Role role,
                          const std::optional<std::string>& ministry_code, const std::string& now) {
    const std::string role_name(RoleName(role));
    auto existing = connection.QueryOne(kFindMembership, {exercise_id, user_id, role_name});
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) return Ok();
    db::Value ministry = std::monostate{};
    if (ministry_code) ministry = *ministry_code;
    auto inserted = connection.Execute(kInsertMembership, {exercise_id, user_id, role_name, ministry, now});
    if (!inserted) return tl::unexpected(inserted.error());
    return Ok();
}

Status AddOrganiserMembership(db::Connection& connection, std::int64_t exercise_id, std::int64_t user_id,
                              const std::string& now) {
    return AddStaffMembership(connection, exercise_id, user_id, Role::kOrganiser, std::nullopt, now);
}

}  // namespace enshu::exercise
