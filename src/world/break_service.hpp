#pragma once

// Breaks (休憩): the organiser schedules a break (now, or at a wall time) for a
// duration with a message; at its start every participant's screen shows a full-screen
// countdown, and a running exercise clock is paused; at its end the clock resumes
// (only when the break paused it and nobody changed it since: still paused).
//
// Table exercise_break (migration 0009). Status moves exactly once, by conditional
// UPDATE: scheduled -> running -> finished, or scheduled -> cancelled; so a restart
// repeats nothing, and a break whose start (or end) passed while the server was down
// is started (and ended) by the first Tick. Each move is one transaction with the clock
// change, the live events ("break.scheduled", "break.started", "break.updated",
// "break.ended", "break.cancelled" — everyone, payload = BreakJson; plus
// "clock.changed") and the audit entries ("break.schedule", "break.start", "break.extend",
// "break.end", "break.cancel", "clock.pause"/"clock.resume" with reason "break").
//
// Roles and scoping are the caller's job (api/break_handlers.cpp). Thread-safe: no
// state besides references; ticks and requests race only through the conditional
// UPDATEs.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"

namespace enshu::world {

inline constexpr int kMinBreakSeconds = 10;
inline constexpr int kMaxBreakSeconds = 4 * 60 * 60;
inline constexpr std::size_t kMaxBreakMessageCharacters = 500;

struct BreakInput {
    std::optional<std::int64_t> starts_at_us;  // nullopt = now; else within [now - 60 s, now + 7 days]
    int duration_seconds = 0;                  // 10..14400
    std::string message_ja;                    // 0..500 characters
    std::string message_en;
};

struct ExerciseBreak {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::int64_t starts_at_us = 0;
    int duration_seconds = 0;
    std::string message_ja;
    std::string message_en;
    std::string status;  // scheduled | running | finished | cancelled
    bool paused_clock = false;
    std::optional<std::int64_t> started_at_us;
    std::optional<std::int64_t> ended_at_us;

    std::int64_t EndsAtUs() const { return starts_at_us + std::int64_t{duration_seconds} * 1'000'000; }
};

// {"id","starts_at_us","ends_at_us","duration_seconds","message":{"ja","en"},"status",
//  "paused_clock","started_at_us","ended_at_us","now_us"} — now_us lets a client with a
// wrong clock count down correctly.
nlohmann::json BreakJson(const ExerciseBreak& item, std::int64_t now_us);

// Errors name the JSON member ("starts_at_us", "duration_seconds", "message.ja", "message.en").
Status ValidateBreak(const BreakInput& input, std::int64_t now_us);

struct BreakTickReport {
    int started = 0;
    int ended = 0;
    std::string last_error;  // the last failure (other breaks still ran)
};

class BreakService {
  public:
    // `clock_changed` is called after a commit that changed an exercise clock (the live
    // scheduler's Wake); may be empty.
    BreakService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const live::EventLog& events,
                 live::ScenarioSource& scenarios, std::function<void()> clock_changed);

    Result<ExerciseBreak> Schedule(std::int64_t exercise_id, const BreakInput& input,
                                   std::optional<std::int64_t> user_id, const audit::Actor& actor);
    // Adds `extra_seconds` (1..3600) to a scheduled or running break (the total stays
    // <= 4 h). kNotFound "break_id"; kConflict "status" when finished or cancelled.
    Result<ExerciseBreak> Extend(std::int64_t exercise_id, std::int64_t break_id, int extra_seconds,
                                 const audit::Actor& actor);
    // A scheduled break is cancelled; a running one ends now (the clock resumes).
    // kConflict "status" when already finished or cancelled.
    Result<ExerciseBreak> Cancel(std::int64_t exercise_id, std::int64_t break_id, const audit::Actor& actor);
    // Newest start first, at most 100.
    Result<std::vector<ExerciseBreak>> List(std::int64_t exercise_id);
    // The running break of the exercise, if any.
    Result<std::optional<ExerciseBreak>> Current(std::int64_t exercise_id);

    // Starts the scheduled breaks due at `now_us` and ends the running ones that are
    // over, in every exercise.
    BreakTickReport Tick(std::int64_t now_us);

    std::int64_t NowUs() const;

  private:
    Status Start(const ExerciseBreak& item, std::int64_t now_us, bool& clock_changed);
    Status End(const ExerciseBreak& item, std::int64_t now_us, const audit::Actor& actor, const std::string& action,
               bool& clock_changed);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
    live::ScenarioSource& scenarios_;
    std::function<void()> clock_changed_;
};

}  // namespace enshu::world
