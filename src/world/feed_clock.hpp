#pragma once

// Scenario time for stamping what the outside world publishes: the exercise clock's
// position now (live/clock_repository + core/exercise_clock), or nullopt before the
// clock was ever started. Also the JSON of such a stamp.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "core/scenario.hpp"
#include "db/database.hpp"

namespace enshu::world {

// Inside a transaction: the scenario minutes at `now_us` for the exercise's scenes.
Result<std::optional<double>> ScenarioMinutesNow(db::Connection& connection, std::int64_t exercise_id,
                                                 const std::vector<scenario::Scene>& scenes, std::int64_t now_us);

// Inside a transaction: how fast scenario time runs now, in scenario minutes per wall
// second (the current scene's speed / 60 while running; 0 when paused, ended or not started).
Result<double> ScenarioMinutesPerSecondNow(db::Connection& connection, std::int64_t exercise_id,
                                           const std::vector<scenario::Scene>& scenes);

// Adds "<prefix>_at" (ISO text), "<prefix>_at_us", "<prefix>_scenario_minutes" and
// "<prefix>_scenario_time" ("D1 10:05", null before the clock started) to `object`.
void AddTimeStamp(nlohmann::json& object, const std::string& prefix, std::optional<std::int64_t> wall_us,
                  std::optional<double> scenario_minutes);

}  // namespace enshu::world
