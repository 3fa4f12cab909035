#pragma once

// Releasing injects (DOMAIN.md §2.4): a scenario inject when the clock reaches it
// (scheduled), when a controller releases it now (manual), or an ad-hoc inject written
// on the spot. Each release is one write transaction: the inject_release row (UNIQUE per
// exercise and inject, so a release happens exactly once, also across restarts and
// concurrent callers), one "inject.released" event per group of organisations that
// receive identical content (their effective version of the inject), one staff
// "release.recorded" event, and the audit entry. released_at_us is taken once, when the
// release is decided, and is the same in every event of the release. Controller notes
// never reach player events.
//
// Thread-safe: no state besides references to thread-safe services.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/scenario.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"

namespace enshu::live {

enum class ReleaseKind { kScheduled, kManual, kAdhoc };
std::string_view ReleaseKindName(ReleaseKind kind);  // "scheduled", "manual", "adhoc"

// An inject is late when released more than this after its due wall time.
inline constexpr std::int64_t kLateAfterUs = 5'000'000;

struct ReleaseRecord {
    std::string inject_id;
    ReleaseKind kind = ReleaseKind::kScheduled;
    double scenario_minutes = 0;              // clock position when released
    std::optional<std::int64_t> due_wall_us;  // scheduled releases only
    std::int64_t released_at_us = 0;
    bool late = false;
    int organisation_count = 0;
    std::int64_t first_seq = 0;
};

struct ReleaseOutcome {
    ReleaseRecord release;
    bool created = false;  // false: it had been released before; nothing was sent again
};

struct AdhocInjectInput {
    scenario::LocalisedText title;  // ja required, <= 200 characters each
    scenario::LocalisedText body;   // <= 8000 characters each
    EventAudience audience;         // everyone / organisation_ids / sectors / modes / team_roles
    std::vector<int> objectives;    // 1..10
};

// Validates an ad-hoc inject (fields named as in the JSON body: title.ja, body.en,
// audience.organisation_ids, objectives).
Status ValidateAdhocInject(const AdhocInjectInput& input);

class ReleaseService {
  public:
    ReleaseService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const EventLog& events,
                   ScenarioSource& scenarios);

    // Releases scenario inject `inject_id` (master, or added by an overlay). For kScheduled,
    // `due_wall_us` is when the clock reached it (late when released > 5 s after) and
    // `expected_clock_version` guards against a clock change since the caller read it
    // (kConflict "clock": re-read and retry). Errors: kNotFound "inject_id".
    Result<ReleaseOutcome> ReleaseScenarioInject(std::int64_t exercise_id, const std::string& inject_id,
                                                 ReleaseKind kind, std::optional<std::int64_t> due_wall_us,
                                                 std::optional<std::int64_t> expected_clock_version,
                                                 const audit::Actor& actor);

    // Stores and releases an ad-hoc inject at once; its id is "adhoc-N" (N = 1, 2, ...
    // per exercise). Errors: kInvalidArgument naming the field; kInvalidArgument
    // "audience.organisation_ids" for an organisation of another exercise.
    Result<ReleaseOutcome> ReleaseAdhoc(std::int64_t exercise_id, const AdhocInjectInput& input,
                                        const audit::Actor& actor);

    // Every release of the exercise, in release order.
    Result<std::vector<ReleaseRecord>> List(std::int64_t exercise_id);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const EventLog& events_;
    ScenarioSource& scenarios_;
};

// The profiles of every organisation of an exercise, ordered by id.
Result<std::vector<scenario::OrganisationProfile>> LoadOrganisationProfiles(db::Connection& connection,
                                                                            std::int64_t exercise_id);

}  // namespace enshu::live
