#pragma once

// SQL access to exercise, exercise_phase and the organiser membership created with
// an exercise (named statements in the .cpp). Runs inside the caller's transaction;
// never checks authorisation.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "exercise/model.hpp"

namespace enshu::exercise {

// With its phases in their stored order. std::nullopt when there is no such exercise.
Result<std::optional<Exercise>> FindExercise(db::Connection& connection, std::int64_t exercise_id);
// True when the exercise exists.
Result<bool> ExerciseExists(db::Connection& connection, std::int64_t exercise_id);
// Every exercise, newest fiscal year first (administrators).
Result<std::vector<Exercise>> ListAllExercises(db::Connection& connection);
// The exercises in which the user has a staff membership or is an organisation's person.
Result<std::vector<Exercise>> ListExercisesOfUser(db::Connection& connection, std::int64_t user_id);
// Id of the exercise with this English title, if any (used by the demo seed).
Result<std::optional<std::int64_t>> FindExerciseIdByTitleEn(db::Connection& connection, const std::string& title_en);

// Inserts the exercise and its phases; sets exercise.id, phase ids and timestamps.
Status InsertExercise(db::Connection& connection, Exercise& exercise, const std::string& now);
enum class PhaseChange { kKeep, kReplace };
// Updates the exercise's fields; with kReplace also replaces its phases by
// exercise.phases (new phase ids are set).
Status UpdateExercise(db::Connection& connection, Exercise& exercise, const std::string& now, PhaseChange phases);
// Adds a staff membership (role organiser, controller, ministry with ministry_code,
// or observer) for user_id; a no-op when that (exercise, user, role) exists.
Status AddStaffMembership(db::Connection& connection, std::int64_t exercise_id, std::int64_t user_id, Role role,
                          const std::optional<std::string>& ministry_code, const std::string& now);
// Adds an organiser membership for user_id (no-op when it exists).
Status AddOrganiserMembership(db::Connection& connection, std::int64_t exercise_id, std::int64_t user_id,
                              const std::string& now);

}  // namespace enshu::exercise
