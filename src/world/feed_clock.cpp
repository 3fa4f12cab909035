#include "world/feed_clock.hpp"

#include <chrono>
#include <cmath>

#include "core/clock.hpp"
#include "core/exercise_clock.hpp"
#include "live/clock_repository.hpp"

namespace enshu::world {

Result<std::optional<double>> ScenarioMinutesNow(db::Connection& connection, std::int64_t exercise_id,
                                                 const std::vector<scenario::Scene>& scenes, std::int64_t now_us) {
    auto stored = live::LoadClock(connection, exercise_id);
    if (!stored) return tl::unexpected(stored.error());
    if (stored->version == 0 || scenes.empty()) return std::optional<double>();
    return std::optional<double>(ScenarioMinutesAt(stored->snapshot, scenes, now_us));
}

Result<double> ScenarioMinutesPerSecondNow(db::Connection& connection, std::int64_t exercise_id,
                                           const std::vector<scenario::Scene>& scenes) {
    auto stored = live::LoadClock(connection, exercise_id);
    if (!stored) return tl::unexpected(stored.error());
    const ClockSnapshot& clock = stored->snapshot;
    if (stored->version == 0 || clock.state != ClockState::kRunning || clock.scene_index < 0 ||
        static_cast<std::size_t>(clock.scene_index) >= scenes.size()) {
        return 0.0;
    }
    return scenes[static_cast<std::size_t>(clock.scene_index)].speed / 60.0;
}

void AddTimeStamp(nlohmann::json& object, const std::string& prefix, std::optional<std::int64_t> wall_us,
                  std::optional<double> scenario_minutes) {
    object[prefix + "_at"] =
        wall_us ? nlohmann::json(FormatTimestamp(TimePoint(std::chrono::microseconds(*wall_us)))) : nlohmann::json();
    object[prefix + "_at_us"] = wall_us ? nlohmann::json(*wall_us) : nlohmann::json();
    object[prefix + "_scenario_minutes"] = scenario_minutes ? nlohmann::json(*scenario_minutes) : nlohmann::json();
    object[prefix + "_scenario_time"] =
        scenario_minutes ? nlohmann::json(scenario::FormatScenarioTime(
                               static_cast<scenario::ScenarioMinutes>(std::floor(*scenario_minutes))))
                         : nlohmann::json();
}

}  // namespace enshu::world
