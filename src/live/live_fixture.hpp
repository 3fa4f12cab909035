#pragma once

// Shared fixture of the live unit tests: an exercise with three organisations
// (two electricity, one gas), the ThreeDayScenario, an event log that records what it
// publishes, the clock service and the scheduler over the fake clock.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "live/clock_repository.hpp"
#include "live/clock_service.hpp"
#include "live/event_log.hpp"
#include "live/live_test_support.hpp"
#include "live/scheduler.hpp"

namespace enshu::live::testing {

constexpr std::int64_t kMinuteUs = 60'000'000;

class LiveTest : public exercise::testing::ExerciseTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(ExerciseTest::SetUp());
        ASSERT_NO_FATAL_FAILURE(SetUpLive());
    }

    void SetUpLive() {
        org_a_ = AddOrganisation("電力A", "electricity");
        org_b_ = AddOrganisation("電力B", "electricity");
        org_c_ = AddOrganisation("ガスC", "gas");
        source_.Set(exercise_id_, ThreeDayScenario());
        t0_ = Now();
        scheduler_ = std::make_unique<Scheduler>(*database_, clock_, audit_, log_, source_);
    }

    std::int64_t Now() const { return MicrosOf(clock_.Now()); }
    void At(std::int64_t us) { clock_.Set(TimePoint(std::chrono::microseconds(us))); }

    ClockService Clocks() { return ClockService(*database_, clock_, audit_, log_, source_, {}); }
    ReleaseService Releases() { return ReleaseService(*database_, clock_, audit_, log_, source_); }

    // Runs a clock operation at wall time `us`.
    ClockView Operate(std::int64_t us, ClockOperation operation, const std::string& scene_id = {}) {
        At(us);
        auto view = Clocks().Apply(exercise_id_, operation, scene_id, actor_);
        EXPECT_TRUE(view) << (view ? "" : view.error().message);
        return view ? *view : ClockView{};
    }

    // Ticks the scheduler at wall time `us` (the fake clock is set there too).
    TickReport TickAt(std::int64_t us) {
        At(us);
        TickReport report = scheduler_->Tick(us);
        EXPECT_EQ(report.last_error, "");
        return report;
    }

    // Published events of one type, in publication order.
    std::vector<nlohmann::json> Published(const std::string& type) const {
        std::vector<nlohmann::json> out;
        for (const auto& [event, frame] : sink_.Published()) {
            if (event->type == type) out.push_back(nlohmann::json::parse(event->payload_json));
        }
        return out;
    }

    // Inject ids in release order (one "release.recorded" event per release).
    std::vector<std::string> ReleaseOrder() const {
        std::vector<std::string> ids;
        for (const auto& payload : Published("release.recorded")) ids.push_back(payload.at("inject_id"));
        return ids;
    }

    std::optional<ReleaseRecord> ReleaseOf(const std::string& inject_id) {
        auto all = Releases().List(exercise_id_);
        EXPECT_TRUE(all);
        if (!all) return std::nullopt;
        for (const auto& record : *all) {
            if (record.inject_id == inject_id) return record;
        }
        return std::nullopt;
    }

    RecordingSink sink_;
    EventLog log_{&sink_};
    MemoryScenarioSource source_;
    std::unique_ptr<Scheduler> scheduler_;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
    std::int64_t org_c_ = 0;
    std::int64_t t0_ = 0;
};

}  // namespace enshu::live::testing
