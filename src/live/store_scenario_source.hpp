#pragma once

// The server's ScenarioSource: the scenario::ScenarioStore. Header-only so that the live
// module itself does not link the scenario module; included by src/app only.

#include "live/scenario_source.hpp"
#include "scenario/scenario_store.hpp"

namespace enshu::live {

class StoreScenarioSource final : public ScenarioSource {
  public:
    explicit StoreScenarioSource(scenario::ScenarioStore& store) : store_(store) {}
    Result<std::shared_ptr<const scenario::ExerciseScenario>> Load(std::int64_t exercise_id) override {
        return store_.Load(exercise_id);
    }
    Result<std::vector<scenario::EffectiveInject>> EffectiveTimeline(
        std::int64_t exercise_id, const scenario::OrganisationProfile& organisation) override {
        return store_.EffectiveTimeline(exercise_id, organisation);
    }

  private:
    scenario::ScenarioStore& store_;  // thread-safe (its own mutex)
};

}  // namespace enshu::live
