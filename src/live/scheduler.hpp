#pragma once

// The inject scheduler (ARCHITECTURE.md §4 "Exercise clock"): releases every scenario
// inject that a running clock has reached, in (at, order) order, exactly once (the
// UNIQUE inject_release row), flagging it late when released more than 5 s after its
// due wall time; applies the automatic scene transitions (next scene, pause at a
// scene's end, end after the last scene), persisting each with a "clock.changed" event.
//
// Restart safety: all state is in the database. A new Scheduler over the same database
// reads the persisted clocks; releases already done are never repeated; overdue ones
// are released by the first Tick, in order, flagged late. "Release now" (kind manual)
// leaves a row, so the scheduled release is then skipped. A jump backwards re-releases
// nothing; injects the clock has not yet released are released when it reaches them.
//
// Threading: Tick may be called from any thread, also concurrently (ticks are
// serialised by a mutex; releases are exactly-once in the database anyway). The
// background thread (Start/Stop) sleeps until the next due wall time or a Wake(), with
// microsecond resolution; no periodic tick beyond a 10 s safety net.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/release_service.hpp"
#include "live/scenario_source.hpp"

namespace enshu::live {

struct TickReport {
    int released = 0;                          // injects released by this tick
    int transitions = 0;                       // automatic clock changes persisted
    std::optional<std::int64_t> next_wake_us;  // earliest next due time of any running clock
    std::string last_error;                    // the last per-exercise failure, if any (others still ran)
};

class Scheduler {
  public:
    Scheduler(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const EventLog& events,
              ScenarioSource& scenarios);
    ~Scheduler();  // Stop()
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    // Does everything due at `now_us` for every running exercise.
    TickReport Tick(std::int64_t now_us);
    // The same for one exercise.
    TickReport TickExercise(std::int64_t exercise_id, std::int64_t now_us);

    // Starts / stops the background thread (idempotent). Stop waits for it.
    void Start();
    void Stop();
    // Makes the background thread tick now (after a clock change or a manual release).
    void Wake();

    ScenarioSource& scenarios() { return scenarios_; }
    ReleaseService& releases() { return releases_; }

  private:
    void Run();
    void TickOne(std::int64_t exercise_id, std::int64_t now_us, TickReport& report);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const EventLog& events_;
    ScenarioSource& scenarios_;
    ReleaseService releases_;

    std::mutex tick_mutex_;    // serialises ticks
    std::mutex thread_mutex_;  // guards the fields below
    std::condition_variable wake_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace enshu::live
