#include "world/desk_time.hpp"

#include <chrono>
#include <cmath>

#include "core/clock.hpp"
#include "core/exercise_clock.hpp"
#include "live/clock_repository.hpp"

namespace enshu::world {

Result<DeskStamp> StampAt(db::Connection& connection, std::int64_t exercise_id,
                          const std::vector<scenario::Scene>& scenes, std::int64_t now_us) {
    auto stored = live::LoadClock(connection, exercise_id);
    if (!stored) return tl::unexpected(stored.error());
    DeskStamp stamp;
    stamp.wall_us = now_us;
    if (stored->version != 0 && !scenes.empty()) {
        stamp.scenario_minutes = ScenarioMinutesAt(stored->snapshot, scenes, now_us);
    }
    return stamp;
}

std::string WallText(std::int64_t wall_us) { return FormatTimestamp(TimePoint(std::chrono::microseconds(wall_us))); }

void AddStamp(nlohmann::json& object, const std::string& prefix, std::int64_t wall_us,
              std::optional<double> scenario_minutes) {
    object[prefix + "_at"] = WallText(wall_us);
    object[prefix + "_at_us"] = wall_us;
    if (scenario_minutes) {
        object[prefix + "_scenario_minutes"] = *scenario_minutes;
        object[prefix + "_scenario_time"] =
            scenario::FormatScenarioTime(static_cast<scenario::ScenarioMinutes>(std::floor(*scenario_minutes)));
    } else {
        object[prefix + "_scenario_minutes"] = nullptr;
        object[prefix + "_scenario_time"] = nullptr;
    }
}

}  // namespace enshu::world
