#pragma once

// The organiser's and controllers' clock controls: start, pause, resume, jump to a
// scene, end (ARCHITECTURE.md §4 "Exercise clock"). Each change is persisted with its
// audit entry ("clock.start", "clock.pause", "clock.resume", "clock.jump", "clock.end")
// and a "clock.changed" event for everyone in one transaction, then wakes the
// scheduler. Operations already in effect are no-ops (no event, no audit), not errors.
//
// Thread-safe: no state besides references; concurrent changes are serialised by the
// clock row's version (a loser retries once on the new state).

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/exercise_clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"

namespace enshu::live {

enum class ClockOperation { kStart, kPause, kResume, kJump, kEnd };

struct ClockView {
    ClockSnapshot snapshot;
    std::int64_t version = 0;
    std::int64_t now_us = 0;
    double scenario_minutes = 0;  // position at now_us
    std::vector<scenario::Scene> scenes;
};

// The clock JSON of docs/api.md ("Live play" / Clock).
nlohmann::json ClockJson(const ClockView& view);

// Appends the "clock.changed" event (everyone) for `snapshot` inside the caller's transaction.
Status AppendClockChanged(db::Connection& connection, const EventLog& events, std::int64_t exercise_id,
                          const ClockSnapshot& snapshot, const std::vector<scenario::Scene>& scenes,
                          std::int64_t released_at_us);

class ClockService {
  public:
    // `wake` is called after every committed change (the scheduler's Wake); may be empty.
    ClockService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const EventLog& events,
                 ScenarioSource& scenarios, std::function<void()> wake);

    Result<ClockView> Get(std::int64_t exercise_id);

    // Applies `operation` (scene_id only for kJump). Errors as core/exercise_clock.hpp:
    // kConflict "scenario" / "state", kInvalidArgument "scene_id".
    Result<ClockView> Apply(std::int64_t exercise_id, ClockOperation operation, const std::string& scene_id,
                            const audit::Actor& actor);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const EventLog& events_;
    ScenarioSource& scenarios_;
    std::function<void()> wake_;
};

}  // namespace enshu::live
