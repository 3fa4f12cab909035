#pragma once

// Test fixture for src/live tests: the exercise fixture (migrated in-memory database,
// fake clock, audit log, exercise with an organiser) plus a recording EventSink and an
// in-memory ScenarioSource. Included by *_test.cpp only.

#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "exercise/exercise_test_support.hpp"
#include "live/live_event.hpp"

namespace enshu::live::testing {

// Records every published event; thread-safe.
class RecordingSink final : public EventSink {
  public:
    void Publish(std::shared_ptr<const LiveEvent> event, std::shared_ptr<const std::string> frame) override {
        std::lock_guard lock(mutex_);
        published_.emplace_back(std::move(event), std::move(frame));
    }
    std::vector<std::pair<std::shared_ptr<const LiveEvent>, std::shared_ptr<const std::string>>> Published() const {
        std::lock_guard lock(mutex_);
        return published_;
    }
    std::size_t Count() const {
        std::lock_guard lock(mutex_);
        return published_.size();
    }

  private:
    mutable std::mutex mutex_;
    std::vector<std::pair<std::shared_ptr<const LiveEvent>, std::shared_ptr<const std::string>>> published_;
};

}  // namespace enshu::live::testing

#include "live/scenario_source.hpp"

namespace enshu::live::testing {

// An in-memory scenario per exercise, resolved with the pure resolver (what
// scenario::ScenarioStore does over its stored documents). Thread-safe.
class MemoryScenarioSource final : public ScenarioSource {
  public:
    void Set(std::int64_t exercise_id, scenario::ExerciseScenario snapshot) {
        snapshot.exercise_id = exercise_id;
        std::lock_guard lock(mutex_);
        snapshots_[exercise_id] = std::make_shared<const scenario::ExerciseScenario>(std::move(snapshot));
    }
    Result<std::shared_ptr<const scenario::ExerciseScenario>> Load(std::int64_t exercise_id) override {
        std::lock_guard lock(mutex_);
        auto found = snapshots_.find(exercise_id);
        if (found != snapshots_.end()) return found->second;
        auto empty = std::make_shared<scenario::ExerciseScenario>();
        empty->exercise_id = exercise_id;
        return std::shared_ptr<const scenario::ExerciseScenario>(std::move(empty));
    }
    Result<std::vector<scenario::EffectiveInject>> EffectiveTimeline(
        std::int64_t exercise_id, const scenario::OrganisationProfile& organisation) override {
        auto snapshot = Load(exercise_id);
        if (!snapshot) return tl::unexpected(snapshot.error());
        return ResolveFromSnapshot(**snapshot, organisation);
    }

  private:
    std::mutex mutex_;
    std::map<std::int64_t, std::shared_ptr<const scenario::ExerciseScenario>> snapshots_;
};

inline scenario::Inject MakeInject(const std::string& id, const std::string& scene_id, scenario::ScenarioMinutes at,
                                   int order) {
    scenario::Inject inject;
    inject.id = id;
    inject.scene_id = scene_id;
    inject.at = at;
    inject.order = order;
    inject.title = {"件名 " + id, "Title " + id};
    inject.body = {"{{org.name}} の状況 " + id, "Situation at {{org.name}} " + id};
    inject.controller_notes = "secret note " + id;
    inject.objectives = {1, 2};
    return inject;
}

// Three scenes: D1 09:00-18:00 at 12x (45 wall minutes), D2 09:00-16:00 at 7x (60 wall
// minutes, pauses at its end), D3 09:00-12:00 at 6x (30 wall minutes). Injects i1 D1 09:00,
// i2 D1 10:00 (5 wall minutes in), i3 D1 15:00 (30), i4 D2 09:00, i5 D2 11:00, i6 D3 09:00,
// i7 D3 12:00.
inline scenario::ExerciseScenario ThreeDayScenario() {
    scenario::ExerciseScenario snapshot;
    scenario::Scenario& master = snapshot.master;
    master.id = "test";
    master.title = {"テスト", "Test"};
    master.scenes = {{"day1", {"1日目", "Day 1"}, 540, 1080, 12.0, false},
                     {"day2", {"2日目", "Day 2"}, 1980, 2400, 7.0, true},
                     {"day3", {"3日目", "Day 3"}, 3420, 3600, 6.0, false}};
    master.injects = {MakeInject("i1", "day1", 540, 1),  MakeInject("i2", "day1", 600, 2),
                      MakeInject("i3", "day1", 900, 3),  MakeInject("i4", "day2", 1980, 4),
                      MakeInject("i5", "day2", 2100, 5), MakeInject("i6", "day3", 3420, 6),
                      MakeInject("i7", "day3", 3600, 7)};
    return snapshot;
}

}  // namespace enshu::live::testing
