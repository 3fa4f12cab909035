#pragma once

// What a scenario file is validated against when it is imported into one exercise:
// the sector codes of the reference data and the exercise's organisations (by
// external ref and "id:N"). Shared by the HTTP handlers (api/scenario_handlers.cpp)
// and `enshu scenario import` (app/scenario_command.cpp) so that both accept and
// refuse the same files.

#include <cstdint>

#include "core/result.hpp"
#include "db/database.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::api {

// Reads the reference data and the organisations of `exercise_id` (none when the
// exercise does not exist; callers check existence).
Result<scenario::ValidationContext> ExerciseValidationContext(db::Database& database, std::int64_t exercise_id);

}  // namespace enshu::api
