// Breaks with a fake clock: an immediate break pauses a running clock and its end
// resumes it; the timer's ticks start and end breaks exactly once, also across a
// "restart" (a new service over the same database) that happens after the break ended;
// cancel, extend, and a clock that somebody else changed during the break.

#include "world/break_service.hpp"

#include <gtest/gtest.h>

#include "live/clock_repository.hpp"
#include "live/clock_service.hpp"
#include "live/event_log.hpp"
#include "live/live_test_support.hpp"

namespace enshu::world {
namespace {

using namespace std::chrono_literals;

class BreakServiceTest : public exercise::testing::ExerciseTest {
  protected:
    void SetUp() override {
        ExerciseTest::SetUp();
        scenarios_.Set(exercise_id_, live::testing::ThreeDayScenario());
    }

    BreakService Breaks() {
        return BreakService(*database_, clock_, audit_, events_, scenarios_, [this] { ++wakes_; });
    }
    live::ClockService Clocks() { return live::ClockService(*database_, clock_, audit_, events_, scenarios_, {}); }
    std::string ClockState() {
        auto view = Clocks().Get(exercise_id_);
        EXPECT_TRUE(view);
        return std::string(ClockStateName(view->snapshot.state));
    }
    std::int64_t NowUs() const { return live::MicrosOf(clock_.Now()); }
    int EventsOfType(const std::string& type) const {
        int count = 0;
        for (const auto& [event, frame] : sink_.Published()) count += event->type == type ? 1 : 0;
        return count;
    }

    live::testing::RecordingSink sink_;
    live::EventLog events_{&sink_};
    live::testing::MemoryScenarioSource scenarios_;
    int wakes_ = 0;
};

TEST_F(BreakServiceTest, AnImmediateBreakPausesTheRunningClockAndItsEndResumesIt) {
    ASSERT_TRUE(Clocks().Apply(exercise_id_, live::ClockOperation::kStart, "", actor_));
    auto scheduled = Breaks().Schedule(exercise_id_, {std::nullopt, 600, "休憩", "Break"}, std::nullopt, actor_);
    ASSERT_TRUE(scheduled) << scheduled.error().message;
    EXPECT_EQ(scheduled->status, "running");
    EXPECT_TRUE(scheduled->paused_clock);
    EXPECT_EQ(ClockState(), "paused");
    EXPECT_EQ(wakes_, 1);
    EXPECT_EQ(EventsOfType("break.started"), 1);

    clock_.Advance(599s);
    EXPECT_EQ(Breaks().Tick(NowUs()).ended, 0);
    clock_.Advance(1s);
    auto report = Breaks().Tick(NowUs());
    EXPECT_EQ(report.ended, 1) << report.last_error;
    EXPECT_EQ(ClockState(), "running");
    EXPECT_EQ(EventsOfType("break.ended"), 1);
    EXPECT_EQ(AuditCount("clock.pause"), 1);
    EXPECT_EQ(AuditCount("clock.resume"), 1);
    // Nothing more to do: exactly once.
    report = Breaks().Tick(NowUs());
    EXPECT_EQ(report.started + report.ended, 0);
    EXPECT_EQ(EventsOfType("break.ended"), 1);
}

TEST_F(BreakServiceTest, ABreakWhoseWholeSpanPassedWhileTheServerWasDownStartsAndEndsOnceAtTheFirstTick) {
    ASSERT_TRUE(Clocks().Apply(exercise_id_, live::ClockOperation::kStart, "", actor_));
    auto scheduled = Breaks().Schedule(exercise_id_, {NowUs() + 60'000'000, 300, "", ""}, std::nullopt, actor_);
    ASSERT_TRUE(scheduled);
    EXPECT_EQ(scheduled->status, "scheduled");
    clock_.Advance(1h);  // down for an hour
    BreakService restarted = Breaks();
    auto report = restarted.Tick(NowUs());
    EXPECT_EQ(report.started, 1) << report.last_error;
    EXPECT_EQ(report.ended, 1);
    EXPECT_EQ(ClockState(), "running");  // paused and resumed at once
    report = Breaks().Tick(NowUs());
    EXPECT_EQ(report.started + report.ended, 0);
    EXPECT_EQ(EventsOfType("break.started"), 1);
    EXPECT_EQ(EventsOfType("break.ended"), 1);
}

TEST_F(BreakServiceTest, TheEndDoesNotResumeAClockTheBreakDidNotPauseOrSomebodyEnded) {
    // The clock was not running: nothing to resume.
    auto idle = Breaks().Schedule(exercise_id_, {std::nullopt, 60, "", ""}, std::nullopt, actor_);
    ASSERT_TRUE(idle);
    EXPECT_FALSE(idle->paused_clock);
    clock_.Advance(61s);
    EXPECT_EQ(Breaks().Tick(NowUs()).ended, 1);
    EXPECT_EQ(ClockState(), "scheduled");

    // The organiser ended the exercise during the break: it stays ended.
    ASSERT_TRUE(Clocks().Apply(exercise_id_, live::ClockOperation::kStart, "", actor_));
    auto paused = Breaks().Schedule(exercise_id_, {std::nullopt, 60, "", ""}, std::nullopt, actor_);
    ASSERT_TRUE(paused && paused->paused_clock);
    ASSERT_TRUE(Clocks().Apply(exercise_id_, live::ClockOperation::kEnd, "", actor_));
    clock_.Advance(61s);
    EXPECT_EQ(Breaks().Tick(NowUs()).ended, 1);
    EXPECT_EQ(ClockState(), "ended");
}

TEST_F(BreakServiceTest, CancelExtendAndValidation) {
    auto later = Breaks().Schedule(exercise_id_, {NowUs() + 600'000'000, 600, "", ""}, std::nullopt, actor_);
    ASSERT_TRUE(later);
    auto extended = Breaks().Extend(exercise_id_, later->id, 300, actor_);
    ASSERT_TRUE(extended);
    EXPECT_EQ(extended->duration_seconds, 900);
    auto cancelled = Breaks().Cancel(exercise_id_, later->id, actor_);
    ASSERT_TRUE(cancelled);
    EXPECT_EQ(cancelled->status, "cancelled");
    clock_.Advance(20min);
    EXPECT_EQ(Breaks().Tick(NowUs()).started, 0);  // a cancelled break never starts
    auto again = Breaks().Cancel(exercise_id_, later->id, actor_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(Breaks().Extend(exercise_id_, later->id, 60, actor_).error().field, "status");
    EXPECT_EQ(Breaks().Extend(exercise_id_, 987654, 60, actor_).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Breaks().Extend(exercise_id_, later->id, 0, actor_).error().field, "extra_seconds");

    const std::int64_t now = NowUs();
    EXPECT_EQ(ValidateBreak({std::nullopt, 9, "", ""}, now).error().field, "duration_seconds");
    EXPECT_EQ(ValidateBreak({std::nullopt, 14401, "", ""}, now).error().field, "duration_seconds");
    EXPECT_EQ(ValidateBreak({now - 61'000'000, 60, "", ""}, now).error().field, "starts_at_us");
    EXPECT_EQ(ValidateBreak({now + 8LL * 24 * 3600 * 1'000'000, 60, "", ""}, now).error().field, "starts_at_us");
    EXPECT_EQ(ValidateBreak({std::nullopt, 60, std::string(501, 'a'), ""}, now).error().field, "message.ja");
    EXPECT_EQ(ValidateBreak({std::nullopt, 60, "", "\xff"}, now).error().field, "message.en");
    EXPECT_TRUE(ValidateBreak({std::nullopt, 60, std::string(500, 'a'), ""}, now));
}

TEST_F(BreakServiceTest, AnotherExercisesBreakIsNotFound) {
    auto mine = Breaks().Schedule(exercise_id_, {NowUs() + 60'000'000, 60, "", ""}, std::nullopt, actor_);
    ASSERT_TRUE(mine);
    EXPECT_EQ(Breaks().Cancel(exercise_id_ + 1, mine->id, actor_).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace enshu::world
