#pragma once

// Where live play reads the scenario of an exercise: in the server the
// scenario::ScenarioStore (adapted by StoreScenarioSource in store_scenario_source.hpp),
// in tests an in-memory source. Implementations must be thread-safe.

#include <cstdint>
#include <memory>
#include <vector>

#include "core/result.hpp"
#include "core/scenario.hpp"
#include "scenario/scenario_store.hpp"

namespace enshu::live {

class ScenarioSource {
  public:
    virtual ~ScenarioSource() = default;
    // The current snapshot; an exercise without a scenario has an empty master.
    virtual Result<std::shared_ptr<const scenario::ExerciseScenario>> Load(std::int64_t exercise_id) = 0;
    // The effective timeline of one organisation (core/scenario.hpp ResolveEffectiveTimeline).
    virtual Result<std::vector<scenario::EffectiveInject>> EffectiveTimeline(
        std::int64_t exercise_id, const scenario::OrganisationProfile& organisation) = 0;
};

// Resolves effective timelines from a snapshot with the pure resolver: what the store
// does, usable by any source holding a snapshot.
std::vector<scenario::EffectiveInject> ResolveFromSnapshot(const scenario::ExerciseScenario& snapshot,
                                                           const scenario::OrganisationProfile& organisation);

}  // namespace enshu::live
