#pragma once

// The double time stamp of everything the desks record: wall time (µs since the epoch)
// and scenario time (the exercise clock's position, nullopt before the clock was ever
// started), and its JSON form.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/scenario.hpp"
#include "db/database.hpp"

namespace enshu::world {

struct DeskStamp {
    std::int64_t wall_us = 0;
    std::optional<double> scenario_minutes;
};

// Inside a transaction: the stamp of `now_us` for the exercise with these scenes.
Result<DeskStamp> StampAt(db::Connection& connection, std::int64_t exercise_id,
                          const std::vector<scenario::Scene>& scenes, std::int64_t now_us);

// ISO 8601 text of µs since the epoch.
std::string WallText(std::int64_t wall_us);

// Adds "<prefix>_at", "<prefix>_at_us", "<prefix>_scenario_minutes" and
// "<prefix>_scenario_time" ("D1 10:05"; null before the clock started) to `object`.
void AddStamp(nlohmann::json& object, const std::string& prefix, std::int64_t wall_us,
              std::optional<double> scenario_minutes);

}  // namespace enshu::world
