#include "core/exercise_clock.hpp"

#include <gtest/gtest.h>

namespace enshu {
namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000'000;  // µs
constexpr std::int64_t kMinute = 60'000'000;

std::vector<scenario::Scene> Scenes() {
    // D1 09:00-18:00 at 12x (45 wall minutes), D2 09:00-16:00 at 7x (60 wall minutes,
    // pauses at its end), D3 09:00-12:00 at 6x (30 wall minutes).
    scenario::Scene day1{"day1", {"1日目", "Day 1"}, 540, 1080, 12.0, false};
    scenario::Scene day2{"day2", {"2日目", "Day 2"}, 1980, 2400, 7.0, true};
    scenario::Scene day3{"day3", {"3日目", "Day 3"}, 3420, 3600, 6.0, false};
    return {day1, day2, day3};
}

ClockSnapshot Running(int scene, double minutes, std::int64_t wall) {
    return ClockSnapshot{ClockState::kRunning, scene, minutes, wall};
}

TEST(ExerciseClockTest, StateNamesRoundTrip) {
    for (auto state : {ClockState::kScheduled, ClockState::kRunning, ClockState::kPaused, ClockState::kEnded}) {
        EXPECT_EQ(ParseClockState(ClockStateName(state)), state);
    }
    EXPECT_FALSE(ParseClockState("stopped").has_value());
}

TEST(ExerciseClockTest, StartAnchorsTheFirstSceneAtNow) {
    auto started = StartClock(ClockSnapshot{}, Scenes(), kT0);
    ASSERT_TRUE(started.has_value());
    EXPECT_EQ(*started, Running(0, 540, kT0));
    // Starting again changes nothing.
    EXPECT_EQ(*StartClock(*started, Scenes(), kT0 + kMinute), *started);
}

TEST(ExerciseClockTest, StartWithoutScenesNamesTheScenario) {
    auto started = StartClock(ClockSnapshot{}, {}, kT0);
    ASSERT_FALSE(started.has_value());
    EXPECT_EQ(started.error().code, ErrorCode::kConflict);
    EXPECT_EQ(started.error().field, "scenario");
}

TEST(ExerciseClockTest, RunningClockAdvancesAtTheSceneSpeedUpToItsEnd) {
    const auto clock = Running(0, 540, kT0);
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(clock, Scenes(), kT0), 540);
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(clock, Scenes(), kT0 + 10 * kMinute), 660);  // 10 min x 12
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(clock, Scenes(), kT0 + 500'000), 540.1);     // 0.5 s x 12 = 6 s
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(clock, Scenes(), kT0 + 45 * kMinute), 1080);
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(clock, Scenes(), kT0 + 90 * kMinute), 1080);  // capped at ends_at
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(clock, Scenes(), kT0 - kMinute), 540);        // never before the anchor
}

TEST(ExerciseClockTest, PausedAndEndedClocksStandStill) {
    ClockSnapshot paused{ClockState::kPaused, 0, 700, kT0};
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(paused, Scenes(), kT0 + 600 * kMinute), 700);
    ClockSnapshot ended{ClockState::kEnded, 2, 3600, kT0};
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(ended, Scenes(), kT0 + 600 * kMinute), 3600);
}

TEST(ExerciseClockTest, WallTimeOfAScenarioMinute) {
    const auto clock = Running(0, 540, kT0);
    EXPECT_EQ(WallTimeOf(clock, Scenes(), 630), kT0 + 7 * kMinute + 30'000'000);  // 90 / 12 = 7.5 min
    EXPECT_EQ(WallTimeOf(clock, Scenes(), 500), kT0);                             // before the anchor: now
    EXPECT_EQ(WallTimeOf(clock, Scenes(), 1080), kT0 + 45 * kMinute);
    EXPECT_FALSE(WallTimeOf(clock, Scenes(), 1081).has_value());  // beyond the scene
    EXPECT_FALSE(WallTimeOf(ClockSnapshot{ClockState::kPaused, 0, 540, kT0}, Scenes(), 600).has_value());
}

TEST(ExerciseClockTest, SceneEndMovesToTheNextSceneStartSkippingTheNight) {
    const auto clock = Running(0, 540, kT0);
    EXPECT_FALSE(NextTransition(clock, Scenes(), kT0 + 45 * kMinute - 1).has_value());
    auto transition = NextTransition(clock, Scenes(), kT0 + 50 * kMinute);
    ASSERT_TRUE(transition.has_value());
    EXPECT_EQ(transition->kind, TransitionKind::kNextScene);
    EXPECT_EQ(transition->wall_us, kT0 + 45 * kMinute);
    EXPECT_EQ(transition->after, Running(1, 1980, kT0 + 45 * kMinute));
    // Five minutes into day 2 at 7x: D2 09:35.
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(transition->after, Scenes(), kT0 + 50 * kMinute), 2015);
}

TEST(ExerciseClockTest, PauseAtEndPausesAtTheNextSceneStart) {
    const auto clock = Running(1, 1980, kT0);
    auto transition = NextTransition(clock, Scenes(), kT0 + 120 * kMinute);
    ASSERT_TRUE(transition.has_value());
    EXPECT_EQ(transition->kind, TransitionKind::kPausedAtSceneEnd);
    EXPECT_EQ(transition->wall_us, kT0 + 60 * kMinute);
    EXPECT_EQ(transition->after, (ClockSnapshot{ClockState::kPaused, 2, 3420, kT0 + 60 * kMinute}));
    EXPECT_FALSE(NextTransition(transition->after, Scenes(), kT0 + 600 * kMinute).has_value());
}

TEST(ExerciseClockTest, LastSceneEndEndsTheClock) {
    const auto clock = Running(2, 3420, kT0);
    auto transition = NextTransition(clock, Scenes(), kT0 + 30 * kMinute);
    ASSERT_TRUE(transition.has_value());
    EXPECT_EQ(transition->kind, TransitionKind::kEnded);
    EXPECT_EQ(transition->after, (ClockSnapshot{ClockState::kEnded, 2, 3600, kT0 + 30 * kMinute}));
}

TEST(ExerciseClockTest, PauseResumeKeepsThePosition) {
    auto paused = PauseClock(Running(0, 540, kT0), Scenes(), kT0 + 10 * kMinute);
    ASSERT_TRUE(paused.has_value());
    EXPECT_EQ(*paused, (ClockSnapshot{ClockState::kPaused, 0, 660, kT0 + 10 * kMinute}));
    EXPECT_EQ(*PauseClock(*paused, Scenes(), kT0 + 20 * kMinute), *paused);  // idempotent
    // A two-hour pause: the clock resumes where it stopped.
    auto resumed = ResumeClock(*paused, Scenes(), kT0 + 130 * kMinute);
    ASSERT_TRUE(resumed.has_value());
    EXPECT_EQ(*resumed, Running(0, 660, kT0 + 130 * kMinute));
    EXPECT_DOUBLE_EQ(ScenarioMinutesAt(*resumed, Scenes(), kT0 + 131 * kMinute), 672);
    EXPECT_EQ(*ResumeClock(*resumed, Scenes(), kT0 + 140 * kMinute), *resumed);
}

TEST(ExerciseClockTest, JumpForwardsAndBackwardsKeepsTheState) {
    auto forwards = JumpClock(Running(0, 600, kT0), Scenes(), 2, kT0 + kMinute);
    ASSERT_TRUE(forwards.has_value());
    EXPECT_EQ(*forwards, Running(2, 3420, kT0 + kMinute));
    auto backwards = JumpClock(ClockSnapshot{ClockState::kPaused, 2, 3500, kT0}, Scenes(), 0, kT0 + kMinute);
    ASSERT_TRUE(backwards.has_value());
    EXPECT_EQ(*backwards, (ClockSnapshot{ClockState::kPaused, 0, 540, kT0 + kMinute}));
    auto bad = JumpClock(Running(0, 600, kT0), Scenes(), 3, kT0);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().field, "scene_id");
}

TEST(ExerciseClockTest, OperationsThatDoNotApplyNameTheState) {
    const ClockSnapshot scheduled;
    EXPECT_EQ(ResumeClock(scheduled, Scenes(), kT0).error().field, "state");
    EXPECT_EQ(PauseClock(scheduled, Scenes(), kT0).error().field, "state");
    EXPECT_EQ(JumpClock(scheduled, Scenes(), 1, kT0).error().field, "state");
    EXPECT_EQ(EndClock(scheduled, Scenes(), kT0).error().field, "state");
    auto ended = EndClock(Running(0, 540, kT0), Scenes(), kT0 + 5 * kMinute);
    ASSERT_TRUE(ended.has_value());
    EXPECT_EQ(*ended, (ClockSnapshot{ClockState::kEnded, 0, 600, kT0 + 5 * kMinute}));
    EXPECT_EQ(*EndClock(*ended, Scenes(), kT0 + 9 * kMinute), *ended);
    EXPECT_EQ(StartClock(*ended, Scenes(), kT0).error().field, "state");
    EXPECT_EQ(ResumeClock(*ended, Scenes(), kT0).error().field, "state");
}

TEST(ExerciseClockTest, NextWakeIsTheNextDueInjectOrTheSceneEnd) {
    const auto clock = Running(0, 540, kT0);
    EXPECT_EQ(NextWakeWallUs(clock, Scenes(), 546.0), kT0 + 30'000'000);  // 6 min / 12 = 30 s
    EXPECT_EQ(NextWakeWallUs(clock, Scenes(), std::nullopt), kT0 + 45 * kMinute);
    EXPECT_EQ(NextWakeWallUs(clock, Scenes(), 2000.0), kT0 + 45 * kMinute);  // next scene: wake at the boundary
    EXPECT_EQ(NextWakeWallUs(clock, Scenes(), 500.0), kT0);                  // overdue: now
    EXPECT_FALSE(NextWakeWallUs(ClockSnapshot{ClockState::kPaused, 0, 540, kT0}, Scenes(), 546.0).has_value());
}

}  // namespace
}  // namespace enshu
