#pragma once

// The scenario of each exercise with its overlays, as stored (tables of migration
// 0004) and cached in memory. Readers get an immutable snapshot; a write replaces the
// snapshot (copy-on-write), so the scheduler and handlers never see half an update.
// Thread-safe: the cache map is guarded by a mutex; snapshots are shared_ptr<const>.
// Stored documents are canonical YAML written by WriteScenarioYaml/WriteOverlayYaml
// after validation, so loading reads them back without the audience checks.

#include <chrono>
#include <cstdint>
#include <functional>
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
    std::int64_t version = 0;                               // increases with every stored change
    Scenario master;                                        // empty (no scenes) when none is loaded
    std::map<std::string, Overlay> sector_overlays;         // by sector code
    std::map<std::int64_t, Overlay> organisation_overlays;  // by organisation id
    // The version of each stored document (0 = none stored), for If-Match / ETag.
    std::int64_t master_version = 0;
    std::map<std::string, std::int64_t> sector_overlay_versions;
    std::map<std::int64_t, std::int64_t> organisation_overlay_versions;
};

class ScenarioStore {
  public:
    // `revalidate_after`: how long a cached snapshot is served before the store checks
    // that the stored documents have not changed behind its back (another process, such
    // as `enshu scenario import`, writing the same database). Saves through this store
    // update the cache at once.
    ScenarioStore(db::Database& database, const audit::AuditLog& audit, const Clock& clock,
                  std::chrono::milliseconds revalidate_after = std::chrono::seconds(1));

    // The current snapshot (kNotFound never: an exercise without a scenario gets an
    // empty master). Changes written by another process are seen within
    // `revalidate_after`.
    Result<std::shared_ptr<const ExerciseScenario>> Load(std::int64_t exercise_id);

    // Replaces the master scenario (validated by the caller), audited. With
    // `expected_version` (If-Match), kConflict ("version") unless the stored document
    // still has that version (0 = none stored yet). The new versions are in the next
    // Load(); a save invalidates the cached snapshot once it has committed.
    Status SaveMaster(std::int64_t exercise_id, const Scenario& scenario, const audit::Actor& actor,
                      std::optional<std::int64_t> expected_version = std::nullopt);
    Status SaveSectorOverlay(std::int64_t exercise_id, const std::string& sector_code, const Overlay& overlay,
                             const audit::Actor& actor, std::optional<std::int64_t> expected_version = std::nullopt);
    Status SaveOrganisationOverlay(std::int64_t exercise_id, std::int64_t organisation_id, const Overlay& overlay,
                                   const audit::Actor& actor,
                                   std::optional<std::int64_t> expected_version = std::nullopt);

    // The effective timeline of one organisation (core/scenario.hpp ResolveEffectiveTimeline).
    Result<std::vector<EffectiveInject>> EffectiveTimeline(std::int64_t exercise_id,
                                                           const OrganisationProfile& organisation);

  private:
    struct Document {
        std::string scope;      // "master", "sector", "organisation"
        std::string scope_key;  // sector code or organisation id; "" for the master
        std::string yaml;
    };
    Status Save(std::int64_t exercise_id, const Document& document, const audit::Actor& actor,
                std::optional<std::int64_t> expected_version, const std::string& action, nlohmann::json summary,
                std::function<void(ExerciseScenario&, std::int64_t version)> apply);
    // Changes whenever a stored document of the exercise is saved, added or removed.
    struct StoredStamp {
        std::int64_t version_sum = 0;
        std::int64_t overlay_count = 0;
        std::string last_updated_at;
        bool operator==(const StoredStamp&) const = default;
    };
    struct CacheEntry {
        std::shared_ptr<const ExerciseScenario> snapshot;
        StoredStamp stamp;
        std::chrono::steady_clock::time_point checked_at;
    };
    struct Snapshot {
        std::shared_ptr<const ExerciseScenario> scenario;
        StoredStamp stamp;
    };
    Result<Snapshot> Read(std::int64_t exercise_id);
    Result<StoredStamp> ReadStamp(std::int64_t exercise_id);

    db::Database& database_;
    const audit::AuditLog& audit_;
    const Clock& clock_;
    const std::chrono::milliseconds revalidate_after_;
    std::mutex mutex_;
    std::map<std::int64_t, CacheEntry> cache_;
    // Bumped after each committed save, so a Load that read older rows does not cache them.
    std::map<std::int64_t, std::uint64_t> generation_;
};

}  // namespace enshu::scenario
