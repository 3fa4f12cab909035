#include "live/scenario_source.hpp"

namespace enshu::live {

std::vector<scenario::EffectiveInject> ResolveFromSnapshot(const scenario::ExerciseScenario& snapshot,
                                                           const scenario::OrganisationProfile& organisation) {
    auto sector = snapshot.sector_overlays.find(organisation.sector_code);
    auto own = snapshot.organisation_overlays.find(organisation.id);
    return scenario::ResolveEffectiveTimeline(
        snapshot.master, sector == snapshot.sector_overlays.end() ? nullptr : &sector->second,
        own == snapshot.organisation_overlays.end() ? nullptr : &own->second, organisation);
}

}  // namespace enshu::live
