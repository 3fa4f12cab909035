#pragma once

// The scenario of each exercise with its overlays, as stored (tables of migration
// 0004) and cached in memory. Readers get an immutable snapshot; a write replaces the
// snapshot (copy-on-write), so the scheduler and handlers never see half an update.
// Thread-safe: the cache map is guarded by a mutex; snapshots are shared_ptr<const>.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/result.hpp"
#include "core/scenario.hpp"
#include "db/database.hpp"

namespace enshu::scenario {

struct ExerciseScenario {
    std::int64_t exercise_id = 0;
    std::int64_t version = 0;                                // increases with every stored change
    Scenario master;                                         // empty (no scenes) when none is loaded
    std::map<std::string, Overlay> sector_overlays;          // by sector code
    std::map<std::int64_t, Overlay> organisation_overlays;   // by organisation id
};

class ScenarioStore {
public:
    ScenarioStore(db::Database& database, const audit::AuditLog& audit, const Clock& clock);

    // The current snapshot (kNotFound never: an exercise without a scenario gets an
    // empty master).
    Result<std::shared_ptr<const ExerciseScenario>> Load(std::int64_t exercise_id);

    // Replaces the master scenario (validated by the caller), audited.
    Status SaveMaster(std::int64_t exercise_id, const Scenario& scenario, const audit::Actor& actor);
    Status SaveSectorOverlay(std::int64_t exercise_id, const std::string& sector_code, const Overlay& overlay,
                             const audit::Actor& actor);
    Status SaveOrganisationOverlay(std::int64_t exercise_id, std::int64_t organisation_id, const Overlay& overlay,
                                   const audit::Actor& actor);

    // The effective timeline of one organisation (core/scenario.hpp ResolveEffectiveTimeline).
    Result<std::vector<EffectiveInject>> EffectiveTimeline(std::int64_t exercise_id,
                                                           const OrganisationProfile& organisation);

private:
    db::Database& database_;
    const audit::AuditLog& audit_;
    const Clock& clock_;
    std::mutex mutex_;
    std::map<std::int64_t, std::shared_ptr<const ExerciseScenario>> cache_;
};

}  // namespace enshu::scenario
