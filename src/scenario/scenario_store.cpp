#include "scenario/scenario_store.hpp"

#include <string_view>

#include "scenario/scenario_reader.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario {
namespace {

constexpr std::string_view kSelectMaster = "SELECT document, version FROM scenario WHERE exercise_id = $1";
constexpr std::string_view kSelectOverlays =
    "SELECT scope, scope_key, document, version FROM scenario_overlay WHERE exercise_id = $1 "
    "ORDER BY scope, scope_key";
constexpr std::string_view kSelectMasterVersion = "SELECT version FROM scenario WHERE exercise_id = $1";
constexpr std::string_view kSelectOverlayVersion =
    "SELECT version FROM scenario_overlay WHERE exercise_id = $1 AND scope = $2 AND scope_key = $3";
// StoredStamp of an exercise, read in the same transaction as the documents.
constexpr std::string_view kSelectStamp =
    "SELECT (SELECT COALESCE(SUM(version), 0) FROM scenario WHERE exercise_id = $1) + "
    "(SELECT COALESCE(SUM(version), 0) FROM scenario_overlay WHERE exercise_id = $1), "
    "(SELECT COUNT(*) FROM scenario_overlay WHERE exercise_id = $1), "
    "COALESCE(MAX((SELECT MAX(updated_at) FROM scenario WHERE exercise_id = $1), "
    "(SELECT MAX(updated_at) FROM scenario_overlay WHERE exercise_id = $1)), "
    "(SELECT MAX(updated_at) FROM scenario WHERE exercise_id = $1), "
    "(SELECT MAX(updated_at) FROM scenario_overlay WHERE exercise_id = $1), '')";
constexpr std::string_view kUpsertMaster =
    "INSERT INTO scenario (exercise_id, document, version, updated_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (exercise_id) DO UPDATE SET document = excluded.document, version = excluded.version, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kUpsertOverlay =
    "INSERT INTO scenario_overlay (exercise_id, scope, scope_key, document, version, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (exercise_id, scope, scope_key) DO UPDATE SET document = excluded.document, "
    "version = excluded.version, updated_at = excluded.updated_at";

// Stored documents were validated when saved; read them back without the audience
// rules (reference data may only grow). A document that no longer reads is a bug.
Result<Scenario> ParseStoredScenario(const std::string& yaml, std::int64_t exercise_id) {
    ProblemSink sink;
    auto root = internal::ParseYaml(yaml, sink);
    Scenario scenario;
    if (root) scenario = internal::ReadScenarioNode(*root, sink);
    if (!sink.empty()) {
        return Fail(ErrorCode::kInternal, "stored scenario of exercise " + std::to_string(exercise_id) +
                                              " does not read: " + sink.problems().front().message);
    }
    internal::SortInjects(scenario.injects);
    return scenario;
}

Result<Overlay> ParseStoredOverlay(const std::string& yaml, const Scenario& master, const std::string& label) {
    ProblemSink sink;
    auto root = internal::ParseYaml(yaml, sink);
    Overlay overlay;
    if (root) overlay = internal::ReadOverlayNode(*root, master, sink);
    if (!sink.empty()) {
        return Fail(ErrorCode::kInternal,
                    "stored overlay " + label + " does not read: " + sink.problems().front().message);
    }
    internal::SortInjects(overlay.added);
    return overlay;
}

Result<std::optional<db::Row>> QueryStamp(db::Connection& connection, std::int64_t exercise_id) {
    return connection.QueryOne(kSelectStamp, {exercise_id});
}

nlohmann::json OverlaySummary(const Overlay& overlay) {
    return {
        {"variables", overlay.variables.size()}, {"changes", overlay.changes.size()}, {"added", overlay.added.size()}};
}

}  // namespace

ScenarioStore::ScenarioStore(db::Database& database, const audit::AuditLog& audit, const Clock& clock,
                             std::chrono::milliseconds revalidate_after)
    : database_(database), audit_(audit), clock_(clock), revalidate_after_(revalidate_after) {}

Result<std::shared_ptr<const ExerciseScenario>> ScenarioStore::Load(std::int64_t exercise_id) {
    const auto now = std::chrono::steady_clock::now();
    std::uint64_t generation = 0;
    std::optional<CacheEntry> cached;
    {
        std::lock_guard lock(mutex_);
        auto found = cache_.find(exercise_id);
        if (found != cache_.end()) {
            if (now - found->second.checked_at < revalidate_after_) return found->second.snapshot;
            cached = found->second;
        }
        generation = generation_[exercise_id];
    }
    if (cached) {
        auto stamp = ReadStamp(exercise_id);
        if (!stamp) return tl::unexpected(stamp.error());
        if (*stamp == cached->stamp) {
            std::lock_guard lock(mutex_);
            auto found = cache_.find(exercise_id);
            if (found != cache_.end() && found->second.snapshot == cached->snapshot) found->second.checked_at = now;
            return cached->snapshot;
        }
    }
    auto read = Read(exercise_id);
    if (!read) return tl::unexpected(read.error());
    std::lock_guard lock(mutex_);
    if (generation_[exercise_id] != generation) return read->scenario;  // a save committed meanwhile: do not cache
    cache_[exercise_id] = CacheEntry{read->scenario, read->stamp, now};
    return read->scenario;
}

Result<ScenarioStore::StoredStamp> ScenarioStore::ReadStamp(std::int64_t exercise_id) {
    StoredStamp stamp;
    auto status = database_.Read([&](db::Connection& connection) -> Status {
        auto row = QueryStamp(connection, exercise_id);
        if (!row) return tl::unexpected(row.error());
        if (*row) stamp = {(*row)->Int(0), (*row)->Int(1), (*row)->Text(2)};
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return stamp;
}

Result<ScenarioStore::Snapshot> ScenarioStore::Read(std::int64_t exercise_id) {
    auto snapshot = std::make_shared<ExerciseScenario>();
    snapshot->exercise_id = exercise_id;
    StoredStamp stamp;
    auto status = database_.Read([&](db::Connection& connection) -> Status {
        auto stamp_row = QueryStamp(connection, exercise_id);
        if (!stamp_row) return tl::unexpected(stamp_row.error());
        if (*stamp_row) stamp = {(*stamp_row)->Int(0), (*stamp_row)->Int(1), (*stamp_row)->Text(2)};
        auto master = connection.QueryOne(kSelectMaster, {exercise_id});
        if (!master) return tl::unexpected(master.error());
        if (*master) {
            auto scenario = ParseStoredScenario((*master)->Text(0), exercise_id);
            if (!scenario) return tl::unexpected(scenario.error());
            snapshot->master = std::move(*scenario);
            snapshot->master_version = (*master)->Int(1);
        }
        auto overlays = connection.Query(kSelectOverlays, {exercise_id});
        if (!overlays) return tl::unexpected(overlays.error());
        for (const db::Row& row : *overlays) {
            const std::string scope = row.Text(0);
            const std::string key = row.Text(1);
            auto overlay = ParseStoredOverlay(row.Text(2), snapshot->master, scope + ":" + key);
            if (!overlay) return tl::unexpected(overlay.error());
            const std::int64_t version = row.Int(3);
            if (scope == "sector") {
                snapshot->sector_overlays[key] = std::move(*overlay);
                snapshot->sector_overlay_versions[key] = version;
            } else {
                const std::int64_t organisation_id = std::stoll(key);
                snapshot->organisation_overlays[organisation_id] = std::move(*overlay);
                snapshot->organisation_overlay_versions[organisation_id] = version;
            }
        }
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    std::int64_t version = snapshot->master_version;
    for (const auto& [key, overlay_version] : snapshot->sector_overlay_versions) version += overlay_version;
    for (const auto& [key, overlay_version] : snapshot->organisation_overlay_versions) version += overlay_version;
    snapshot->version = version;
    return Snapshot{std::shared_ptr<const ExerciseScenario>(std::move(snapshot)), std::move(stamp)};
}

Status ScenarioStore::Save(std::int64_t exercise_id, const Document& document, const audit::Actor& actor,
                           std::optional<std::int64_t> expected_version, const std::string& action,
                           nlohmann::json summary, std::function<void(ExerciseScenario&, std::int64_t)> apply) {
    const std::string now = FormatTimestamp(clock_.Now());
    const bool master = document.scope == "master";
    return database_.Write([&](db::Connection& connection) -> Status {
        auto current =
            master ? connection.QueryOne(kSelectMasterVersion, {exercise_id})
                   : connection.QueryOne(kSelectOverlayVersion, {exercise_id, document.scope, document.scope_key});
        if (!current) return tl::unexpected(current.error());
        const std::int64_t old_version = *current ? (*current)->Int(0) : 0;
        if (expected_version && *expected_version != old_version) {
            return Fail(ErrorCode::kConflict,
                        "version: the document was changed meanwhile (version " + std::to_string(old_version) +
                            ", expected " + std::to_string(*expected_version) + "); reload and apply again",
                        "version");
        }
        const std::int64_t new_version = old_version + 1;
        auto written = master ? connection.Execute(kUpsertMaster, {exercise_id, document.yaml, new_version, now})
                              : connection.Execute(kUpsertOverlay, {exercise_id, document.scope, document.scope_key,
                                                                    document.yaml, new_version, now});
        if (!written) return tl::unexpected(written.error());
        audit::AuditEntry entry;
        entry.exercise_id = exercise_id;
        entry.action = action;
        entry.entity_type = master ? "scenario" : "scenario_overlay";
        entry.entity_id = master ? std::to_string(exercise_id) : document.scope + ":" + document.scope_key;
        entry.before = {{"version", old_version}};
        summary["version"] = new_version;
        entry.after = std::move(summary);
        if (auto audited = audit_.Append(connection, actor, entry); !audited) return audited;
        connection.AfterCommit([this, exercise_id, new_version, apply] {
            std::lock_guard lock(mutex_);
            ++generation_[exercise_id];
            auto cached = cache_.find(exercise_id);
            if (cached == cache_.end()) return;
            // Copy-on-write: readers holding the old snapshot keep it unchanged. The
            // stored stamp now differs, so the next revalidation reads the rows once.
            auto next = std::make_shared<ExerciseScenario>(*cached->second.snapshot);
            apply(*next, new_version);
            next->version += 1;
            cached->second.snapshot = std::move(next);
        });
        return Ok();
    });
}

Status ScenarioStore::SaveMaster(std::int64_t exercise_id, const Scenario& scenario, const audit::Actor& actor,
                                 std::optional<std::int64_t> expected_version) {
    nlohmann::json summary = {
        {"id", scenario.id}, {"scenes", scenario.scenes.size()}, {"injects", scenario.injects.size()}};
    return Save(exercise_id, {"master", "", WriteScenarioYaml(scenario)}, actor, expected_version, "scenario.save",
                std::move(summary), [scenario](ExerciseScenario& snapshot, std::int64_t version) {
                    snapshot.master = scenario;
                    internal::SortInjects(snapshot.master.injects);
                    snapshot.master_version = version;
                });
}

Status ScenarioStore::SaveSectorOverlay(std::int64_t exercise_id, const std::string& sector_code,
                                        const Overlay& overlay, const audit::Actor& actor,
                                        std::optional<std::int64_t> expected_version) {
    nlohmann::json summary = OverlaySummary(overlay);
    summary["sector"] = sector_code;
    return Save(exercise_id, {"sector", sector_code, WriteOverlayYaml(overlay)}, actor, expected_version,
                "overlay.sector.save", std::move(summary),
                [sector_code, overlay](ExerciseScenario& snapshot, std::int64_t version) {
                    snapshot.sector_overlays[sector_code] = overlay;
                    internal::SortInjects(snapshot.sector_overlays[sector_code].added);
                    snapshot.sector_overlay_versions[sector_code] = version;
                });
}

Status ScenarioStore::SaveOrganisationOverlay(std::int64_t exercise_id, std::int64_t organisation_id,
                                              const Overlay& overlay, const audit::Actor& actor,
                                              std::optional<std::int64_t> expected_version) {
    nlohmann::json summary = OverlaySummary(overlay);
    summary["organisation_id"] = organisation_id;
    return Save(exercise_id, {"organisation", std::to_string(organisation_id), WriteOverlayYaml(overlay)}, actor,
                expected_version, "overlay.organisation.save", std::move(summary),
                [organisation_id, overlay](ExerciseScenario& snapshot, std::int64_t version) {
                    snapshot.organisation_overlays[organisation_id] = overlay;
                    internal::SortInjects(snapshot.organisation_overlays[organisation_id].added);
                    snapshot.organisation_overlay_versions[organisation_id] = version;
                });
}

Result<std::vector<EffectiveInject>> ScenarioStore::EffectiveTimeline(std::int64_t exercise_id,
                                                                      const OrganisationProfile& organisation) {
    auto snapshot = Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const ExerciseScenario& scenario = **snapshot;
    auto sector = scenario.sector_overlays.find(organisation.sector_code);
    auto own = scenario.organisation_overlays.find(organisation.id);
    return ResolveEffectiveTimeline(scenario.master,
                                    sector == scenario.sector_overlays.end() ? nullptr : &sector->second,
                                    own == scenario.organisation_overlays.end() ? nullptr : &own->second, organisation);
}

}  // namespace enshu::scenario
