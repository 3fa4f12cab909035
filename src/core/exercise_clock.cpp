#include "core/exercise_clock.hpp"

#include <algorithm>
#include <cmath>

namespace enshu {
namespace {

constexpr double kMicrosPerMinute = 60e6;
constexpr double kMinimumSpeed = 0.1;  // the scenario format's lower bound

bool HasScene(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes) {
    return clock.scene_index >= 0 && clock.scene_index < static_cast<int>(scenes.size());
}

double SpeedOf(const scenario::Scene& scene) { return std::max(scene.speed, kMinimumSpeed); }

Status RequireScenes(const std::vector<scenario::Scene>& scenes) {
    if (scenes.empty()) return Fail(ErrorCode::kConflict, "the exercise has no scenario with scenes", "scenario");
    return Ok();
}

}  // namespace

std::string_view ClockStateName(ClockState state) {
    switch (state) {
        case ClockState::kScheduled:
            return "scheduled";
        case ClockState::kRunning:
            return "running";
        case ClockState::kPaused:
            return "paused";
        case ClockState::kEnded:
            return "ended";
    }
    return "scheduled";
}

std::optional<ClockState> ParseClockState(std::string_view name) {
    for (ClockState state : {ClockState::kScheduled, ClockState::kRunning, ClockState::kPaused, ClockState::kEnded}) {
        if (ClockStateName(state) == name) return state;
    }
    return std::nullopt;
}

double ScenarioMinutesAt(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes, std::int64_t now_us) {
    if (clock.state != ClockState::kRunning || !HasScene(clock, scenes)) return clock.anchor_scenario_minutes;
    const scenario::Scene& scene = scenes[clock.scene_index];
    const double elapsed_minutes =
        static_cast<double>(std::max<std::int64_t>(0, now_us - clock.anchor_wall_us)) / kMicrosPerMinute;
    const double position = clock.anchor_scenario_minutes + elapsed_minutes * SpeedOf(scene);
    return std::min(position, std::max(clock.anchor_scenario_minutes, static_cast<double>(scene.ends_at)));
}

std::optional<std::int64_t> WallTimeOf(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                       double minutes) {
    if (clock.state != ClockState::kRunning || !HasScene(clock, scenes)) return std::nullopt;
    const scenario::Scene& scene = scenes[clock.scene_index];
    if (minutes <= clock.anchor_scenario_minutes) return clock.anchor_wall_us;
    if (minutes > static_cast<double>(scene.ends_at)) return std::nullopt;
    const double wall_minutes = (minutes - clock.anchor_scenario_minutes) / SpeedOf(scene);
    return clock.anchor_wall_us + static_cast<std::int64_t>(std::ceil(wall_minutes * kMicrosPerMinute - 1e-6));
}

std::optional<ClockTransition> NextTransition(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                              std::int64_t now_us) {
    if (clock.state != ClockState::kRunning || !HasScene(clock, scenes)) return std::nullopt;
    const scenario::Scene& scene = scenes[clock.scene_index];
    const double end = std::max(clock.anchor_scenario_minutes, static_cast<double>(scene.ends_at));
    auto end_wall = WallTimeOf(clock, scenes, end);
    if (!end_wall || *end_wall > now_us) return std::nullopt;
    ClockTransition transition;
    transition.wall_us = *end_wall;
    const int next = clock.scene_index + 1;
    if (next >= static_cast<int>(scenes.size())) {
        transition.kind = TransitionKind::kEnded;
        transition.after = ClockSnapshot{ClockState::kEnded, clock.scene_index, end, *end_wall};
        return transition;
    }
    transition.kind = scene.pause_at_end ? TransitionKind::kPausedAtSceneEnd : TransitionKind::kNextScene;
    transition.after = ClockSnapshot{scene.pause_at_end ? ClockState::kPaused : ClockState::kRunning, next,
                                     static_cast<double>(scenes[next].starts_at), *end_wall};
    return transition;
}

Result<ClockSnapshot> StartClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                 std::int64_t now_us) {
    if (auto has = RequireScenes(scenes); !has) return tl::unexpected(has.error());
    if (clock.state == ClockState::kEnded) return Fail(ErrorCode::kConflict, "the exercise has ended", "state");
    if (clock.state != ClockState::kScheduled) return clock;
    return ClockSnapshot{ClockState::kRunning, 0, static_cast<double>(scenes.front().starts_at), now_us};
}

Result<ClockSnapshot> PauseClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                 std::int64_t now_us) {
    if (auto has = RequireScenes(scenes); !has) return tl::unexpected(has.error());
    if (clock.state == ClockState::kScheduled) {
        return Fail(ErrorCode::kConflict, "the clock has not been started", "state");
    }
    if (clock.state == ClockState::kEnded) return Fail(ErrorCode::kConflict, "the exercise has ended", "state");
    if (clock.state == ClockState::kPaused) return clock;
    return ClockSnapshot{ClockState::kPaused, clock.scene_index, ScenarioMinutesAt(clock, scenes, now_us), now_us};
}

Result<ClockSnapshot> ResumeClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                  std::int64_t now_us) {
    if (auto has = RequireScenes(scenes); !has) return tl::unexpected(has.error());
    if (clock.state == ClockState::kScheduled) {
        return Fail(ErrorCode::kConflict, "the clock has not been started", "state");
    }
    if (clock.state == ClockState::kEnded) return Fail(ErrorCode::kConflict, "the exercise has ended", "state");
    if (clock.state == ClockState::kRunning) return clock;
    return ClockSnapshot{ClockState::kRunning, clock.scene_index, clock.anchor_scenario_minutes, now_us};
}

Result<ClockSnapshot> JumpClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes, int scene_index,
                                std::int64_t now_us) {
    if (auto has = RequireScenes(scenes); !has) return tl::unexpected(has.error());
    if (scene_index < 0 || scene_index >= static_cast<int>(scenes.size())) {
        return Fail(ErrorCode::kInvalidArgument, "no such scene", "scene_id");
    }
    if (clock.state == ClockState::kScheduled) {
        return Fail(ErrorCode::kConflict, "the clock has not been started", "state");
    }
    if (clock.state == ClockState::kEnded) return Fail(ErrorCode::kConflict, "the exercise has ended", "state");
    return ClockSnapshot{clock.state, scene_index, static_cast<double>(scenes[scene_index].starts_at), now_us};
}

Result<ClockSnapshot> EndClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                               std::int64_t now_us) {
    if (clock.state == ClockState::kEnded) return clock;
    if (clock.state == ClockState::kScheduled) {
        return Fail(ErrorCode::kConflict, "the clock has not been started", "state");
    }
    return ClockSnapshot{ClockState::kEnded, clock.scene_index, ScenarioMinutesAt(clock, scenes, now_us), now_us};
}

std::optional<std::int64_t> NextWakeWallUs(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                           std::optional<double> next_due_minutes) {
    if (clock.state != ClockState::kRunning || !HasScene(clock, scenes)) return std::nullopt;
    const scenario::Scene& scene = scenes[clock.scene_index];
    const double end = std::max(clock.anchor_scenario_minutes, static_cast<double>(scene.ends_at));
    const double target = next_due_minutes ? std::min(*next_due_minutes, end) : end;
    return WallTimeOf(clock, scenes, target);
}

}  // namespace enshu
