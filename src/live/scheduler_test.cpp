#include "live/scheduler.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "live/live_fixture.hpp"

namespace enshu::live {
namespace {

using testing::kMinuteUs;
using Strings = std::vector<std::string>;

class SchedulerTest : public testing::LiveTest {};

TEST_F(SchedulerTest, ReleasesInOrderWhenTheClockReachesEachInject) {
    Operate(t0_, ClockOperation::kStart);
    auto first = TickAt(t0_);
    EXPECT_EQ(first.released, 1);
    EXPECT_EQ(ReleaseOrder(), Strings{"i1"});
    ASSERT_TRUE(first.next_wake_us);
    EXPECT_EQ(*first.next_wake_us, t0_ + 5 * kMinuteUs);  // i2 at D1 10:00 = 60 / 12 minutes later
    EXPECT_EQ(TickAt(t0_ + 5 * kMinuteUs - 1).released, 0);
    EXPECT_EQ(TickAt(t0_ + 5 * kMinuteUs).released, 1);
    EXPECT_EQ(ReleaseOf("i2")->due_wall_us, t0_ + 5 * kMinuteUs);
    EXPECT_FALSE(ReleaseOf("i2")->late);
    EXPECT_EQ(ReleaseOf("i2")->kind, ReleaseKind::kScheduled);
}

TEST_F(SchedulerTest, SceneEndsMoveOnPauseAndEnd) {
    Operate(t0_, ClockOperation::kStart);
    // Day 1 ends at +45 min; day 2 runs at 7x and ends at +105 min, where the clock pauses.
    auto report = TickAt(t0_ + 45 * kMinuteUs);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i2", "i3", "i4"}));
    EXPECT_EQ(report.transitions, 1);
    EXPECT_EQ(*report.next_wake_us, t0_ + 45 * kMinuteUs + 120 * kMinuteUs / 7 + 1);  // i5 at D2 11:00, rounded up
    TickAt(t0_ + 200 * kMinuteUs);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i2", "i3", "i4", "i5"}));  // i6 waits: paused at D3 09:00
    auto clock = Clocks().Get(exercise_id_);
    ASSERT_TRUE(clock);
    EXPECT_EQ(clock->snapshot, (ClockSnapshot{ClockState::kPaused, 2, 3420, t0_ + 105 * kMinuteUs}));
    Operate(t0_ + 300 * kMinuteUs, ClockOperation::kResume);
    TickAt(t0_ + 300 * kMinuteUs);
    EXPECT_EQ(ReleaseOrder().back(), "i6");
    TickAt(t0_ + 330 * kMinuteUs);
    EXPECT_EQ(ReleaseOrder().back(), "i7");
    EXPECT_EQ(Clocks().Get(exercise_id_)->snapshot.state, ClockState::kEnded);
    const auto changes = Published("clock.changed");
    ASSERT_EQ(changes.size(), 5u);  // start, day 2, paused at day 3, resume, ended
    EXPECT_EQ(changes[1].at("scene_id"), "day2");
    EXPECT_EQ(changes[2].at("state"), "paused");
    EXPECT_EQ(changes[4].at("state"), "ended");
    EXPECT_EQ(AuditCount("clock.next_scene"), 1);
}

TEST_F(SchedulerTest, LongPauseReleasesNothingAndResumesWhereItStopped) {
    Operate(t0_, ClockOperation::kStart);
    TickAt(t0_);
    Operate(t0_ + 2 * kMinuteUs, ClockOperation::kPause);  // at D1 09:24
    EXPECT_EQ(TickAt(t0_ + 180 * kMinuteUs).released, 0);  // three hours later
    EXPECT_EQ(ReleaseOrder(), Strings{"i1"});
    Operate(t0_ + 180 * kMinuteUs, ClockOperation::kResume);
    auto report = TickAt(t0_ + 180 * kMinuteUs);
    EXPECT_EQ(report.released, 0);
    // i2 (D1 10:00) is 36 scenario minutes = 3 wall minutes after the resume.
    EXPECT_EQ(*report.next_wake_us, t0_ + 183 * kMinuteUs);
    EXPECT_EQ(TickAt(t0_ + 183 * kMinuteUs).released, 1);
    EXPECT_FALSE(ReleaseOf("i2")->late);
}

TEST_F(SchedulerTest, ReleaseNowDuringAPauseSkipsTheScheduledRelease) {
    Operate(t0_, ClockOperation::kStart);
    TickAt(t0_);
    Operate(t0_ + kMinuteUs, ClockOperation::kPause);
    At(t0_ + 2 * kMinuteUs);
    auto manual =
        Releases().ReleaseScenarioInject(exercise_id_, "i3", ReleaseKind::kManual, std::nullopt, std::nullopt, actor_);
    ASSERT_TRUE(manual) << manual.error().message;
    EXPECT_TRUE(manual->created);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i3"}));  // at once, while paused
    Operate(t0_ + 3 * kMinuteUs, ClockOperation::kResume);
    TickAt(t0_ + 60 * kMinuteUs);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i3", "i2", "i4"}));  // i3 is not released again
    EXPECT_EQ(ReleaseOf("i3")->kind, ReleaseKind::kManual);
    // Releasing it once more by hand sends nothing.
    auto again =
        Releases().ReleaseScenarioInject(exercise_id_, "i3", ReleaseKind::kManual, std::nullopt, std::nullopt, actor_);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->created);
    EXPECT_EQ(ReleaseOrder().size(), 4u);
}

TEST_F(SchedulerTest, JumpBackwardsReleasesNothingTwice) {
    Operate(t0_, ClockOperation::kStart);
    TickAt(t0_ + 5 * kMinuteUs);                                  // i1, i2
    Operate(t0_ + 6 * kMinuteUs, ClockOperation::kJump, "day1");  // back to D1 09:00
    EXPECT_EQ(TickAt(t0_ + 11 * kMinuteUs).released, 0);          // passes i1 and i2 again
    EXPECT_EQ(TickAt(t0_ + 36 * kMinuteUs - 1).released, 0);
    EXPECT_EQ(TickAt(t0_ + 36 * kMinuteUs).released, 1);  // i3 (D1 15:00) when the clock passes it
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i2", "i3"}));
    EXPECT_FALSE(ReleaseOf("i3")->late);
}

TEST_F(SchedulerTest, JumpForwardsReleasesTheSkippedInjectsAtOnceInOrder) {
    Operate(t0_, ClockOperation::kStart);
    TickAt(t0_);
    Operate(t0_ + kMinuteUs, ClockOperation::kJump, "day2");
    TickAt(t0_ + kMinuteUs);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i2", "i3", "i4"}));
    EXPECT_EQ(ReleaseOf("i3")->due_wall_us, t0_ + kMinuteUs);
    EXPECT_FALSE(ReleaseOf("i3")->late);
}

TEST_F(SchedulerTest, OverdueInjectsAreReleasedInOrderAndFlaggedLate) {
    Operate(t0_, ClockOperation::kStart);
    TickAt(t0_);
    // Nobody ticked for an hour (the server was down): i2, i3 and i4 are overdue.
    auto report = TickAt(t0_ + 60 * kMinuteUs);
    EXPECT_EQ(report.released, 3);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i2", "i3", "i4"}));
    EXPECT_TRUE(ReleaseOf("i2")->late);
    EXPECT_EQ(ReleaseOf("i2")->due_wall_us, t0_ + 5 * kMinuteUs);
    EXPECT_TRUE(ReleaseOf("i4")->late);
    EXPECT_EQ(ReleaseOf("i4")->due_wall_us, t0_ + 45 * kMinuteUs);
    EXPECT_TRUE(Published("inject.released").back().at("late").get<bool>());
}

TEST_F(SchedulerTest, ConcurrentTicksReleaseEachInjectExactlyOnce) {
    Operate(t0_, ClockOperation::kStart);
    At(t0_ + 60 * kMinuteUs);
    // Separate schedulers do not share the tick mutex: only the database keeps it exact.
    std::vector<std::unique_ptr<Scheduler>> schedulers;
    for (int i = 0; i < 4; ++i) {
        schedulers.push_back(std::make_unique<Scheduler>(*database_, clock_, audit_, log_, source_));
    }
    std::vector<std::thread> threads;
    std::atomic<int> released{0};
    for (auto& scheduler : schedulers) {
        threads.emplace_back([&, s = scheduler.get()] {
            for (int round = 0; round < 3; ++round) released += s->Tick(t0_ + 60 * kMinuteUs).released;
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(released.load(), 4);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i2", "i3", "i4"}));
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM inject_release WHERE exercise_id = $1", {exercise_id_}), 4);
    EXPECT_EQ(Published("clock.changed").size(), 2u);  // start, day 2: the transition once
}

TEST_F(SchedulerTest, BackgroundThreadReleasesWithinMillisecondsOfTheDueTime) {
    // Real time here: the scheduler sleeps until the due time and must not tick by the minute.
    SystemClock system_clock;
    auto fast = testing::ThreeDayScenario();
    fast.master.scenes[0].speed = 1440;  // one scenario minute = 41.7 ms
    fast.master.injects[1].at = 541;     // i2 one scenario minute after the start
    source_.Set(exercise_id_, fast);
    Scheduler scheduler(*database_, system_clock, audit_, log_, source_);
    scheduler.Start();
    ClockService clocks(*database_, system_clock, audit_, log_, source_, [&] { scheduler.Wake(); });
    ASSERT_TRUE(clocks.Apply(exercise_id_, ClockOperation::kStart, "", actor_));
    for (int i = 0; i < 200 && ReleaseOrder().size() < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    scheduler.Stop();
    ASSERT_EQ(ReleaseOrder(), (Strings{"i1", "i2"}));
    auto record = ReleaseOf("i2");
    ASSERT_TRUE(record && record->due_wall_us);
    const std::int64_t delay_us = record->released_at_us - *record->due_wall_us;
    RecordProperty("release_delay_us", std::to_string(delay_us));
    EXPECT_GE(delay_us, 0);
    EXPECT_LT(delay_us, 200'000) << "released " << delay_us << " µs after due";
    EXPECT_FALSE(record->late);
}

// A restart in the middle of a scene: a new Scheduler over the reopened database file.
class SchedulerRestartTest : public testing::LiveTest {
  protected:
    void SetUp() override {
        path_ = std::filesystem::temp_directory_path() / ("enshu_live_restart_" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(path_);
        ASSERT_NO_FATAL_FAILURE(OpenFile());
        admin_ = StaffPrincipal("admin", true);
        auto exercise = Exercises().Create(admin_, actor_, MinimalExercise());
        ASSERT_TRUE(exercise);
        exercise_id_ = exercise->exercise.id;
        organiser_ = admin_;
        ASSERT_NO_FATAL_FAILURE(SetUpLive());
    }
    void TearDown() override {
        scheduler_.reset();
        database_.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }
    void OpenFile() {
        auto opened = db::OpenDatabase(path_.string());
        ASSERT_TRUE(opened) << opened.error().message;
        database_ = std::move(*opened);
        auto migrated = db::Migrate(*database_);
        ASSERT_TRUE(migrated) << migrated.error().message;
        accounts_ = std::make_unique<accounts::AccountService>(*database_, clock_, audit_,
                                                               exercise::testing::FastAccountSettings());
        reference_ = *exercise::SharedReferenceLookup(*database_);
    }
    std::filesystem::path path_;
};

TEST_F(SchedulerRestartTest, RestartInTheMiddleOfASceneRepeatsNothingAndReleasesOverdueLate) {
    Operate(t0_, ClockOperation::kStart);
    TickAt(t0_ + 5 * kMinuteUs);  // i1, i2
    // The process dies: scheduler and database go; nothing is kept in memory.
    scheduler_.reset();
    database_.reset();
    ASSERT_NO_FATAL_FAILURE(OpenFile());
    scheduler_ = std::make_unique<Scheduler>(*database_, clock_, audit_, log_, source_);
    // Back at +60 min, in the middle of day 2 (D2 10:45): i3 and i4 are overdue, i5 is not.
    auto report = TickAt(t0_ + 60 * kMinuteUs);
    EXPECT_EQ(report.released, 2);
    EXPECT_EQ(ReleaseOrder(), (Strings{"i1", "i2", "i3", "i4"}));
    EXPECT_FALSE(ReleaseOf("i2")->late);
    EXPECT_TRUE(ReleaseOf("i3")->late);
    EXPECT_TRUE(ReleaseOf("i4")->late);
    EXPECT_EQ(*report.next_wake_us, t0_ + 45 * kMinuteUs + 120 * kMinuteUs / 7 + 1);
    // A second restart right away releases nothing again.
    scheduler_ = std::make_unique<Scheduler>(*database_, clock_, audit_, log_, source_);
    EXPECT_EQ(TickAt(t0_ + 60 * kMinuteUs).released, 0);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM live_event WHERE exercise_id = $1 AND type = 'release.recorded'",
                        {exercise_id_}),
              4);
}

}  // namespace
}  // namespace enshu::live
