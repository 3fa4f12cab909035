#pragma once

// The exercise clock (DOMAIN.md §2.4, ARCHITECTURE.md §4): pure math mapping wall time
// to scenario time through the scenes of a scenario. No I/O and no reading of the
// real time: every function takes the wall time it should compute for.
//
// A clock is a persisted snapshot: state, the current scene, and an anchor (scenario
// minutes at a wall time). While running, scenario time advances from the anchor at
// the scene's speed (scenario minutes per wall minute) up to the scene's ends_at;
// there the clock moves to the next scene's starts_at (skipping the night) and keeps
// running, or pauses there when the scene has pause_at_end; after the last scene it
// ends. Those automatic moves are found with NextTransition and persisted by the
// caller (live::Scheduler).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/scenario.hpp"

namespace enshu {

enum class ClockState { kScheduled, kRunning, kPaused, kEnded };

std::string_view ClockStateName(ClockState state);  // "scheduled", "running", "paused", "ended"
std::optional<ClockState> ParseClockState(std::string_view name);

struct ClockSnapshot {
    ClockState state = ClockState::kScheduled;
    int scene_index = 0;
    double anchor_scenario_minutes = 0;  // scenario position at anchor_wall_us
    std::int64_t anchor_wall_us = 0;     // µs since the epoch

    bool operator==(const ClockSnapshot&) const = default;
};

// The scenario position at `now_us`: the anchor unless running; while running the
// anchor advanced at the scene's speed, capped at the scene's ends_at. A snapshot
// whose scene index is out of range reads as its anchor.
double ScenarioMinutesAt(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes, std::int64_t now_us);

// The wall time (µs, rounded up) at which a running clock reaches `minutes` within its
// current scene: the anchor wall time when `minutes` is at or before the anchor.
// nullopt when the clock is not running or `minutes` lies beyond the scene's ends_at.
std::optional<std::int64_t> WallTimeOf(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                       double minutes);

// An automatic move at the end of a scene.
enum class TransitionKind { kNextScene, kPausedAtSceneEnd, kEnded };

struct ClockTransition {
    TransitionKind kind = TransitionKind::kNextScene;
    std::int64_t wall_us = 0;  // when the scene ended
    ClockSnapshot after;       // anchored at the new position and wall_us
};

// The end of the current scene when a running clock reaches it at or before `now_us`
// (apply repeatedly: a long outage may cross several scenes); nullopt otherwise.
std::optional<ClockTransition> NextTransition(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                              std::int64_t now_us);

// Manual operations. Each answers the new snapshot; an operation that is already in
// effect (start a running clock, pause a paused one, end an ended one) answers the
// snapshot unchanged. Errors (kConflict): field "scenario" when there are no scenes;
// field "state" when the operation does not apply (resume or jump before the start,
// anything after the end). JumpTo: kInvalidArgument "scene_id" for an index out of range.
Result<ClockSnapshot> StartClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                 std::int64_t now_us);
Result<ClockSnapshot> PauseClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                 std::int64_t now_us);
Result<ClockSnapshot> ResumeClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                  std::int64_t now_us);
// Moves to the start of scene `scene_index`, forwards or backwards, keeping the state
// (running or paused).
Result<ClockSnapshot> JumpClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes, int scene_index,
                                std::int64_t now_us);
Result<ClockSnapshot> EndClock(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                               std::int64_t now_us);

// The next wall time at which something happens to a running clock: it reaches
// `next_due_minutes` (the earliest unreleased inject, if any) or the end of its scene,
// whichever comes first. nullopt when not running.
std::optional<std::int64_t> NextWakeWallUs(const ClockSnapshot& clock, const std::vector<scenario::Scene>& scenes,
                                           std::optional<double> next_due_minutes);

}  // namespace enshu
