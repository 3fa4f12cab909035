#include "world/break_service.hpp"

#include <chrono>

#include "core/exercise_clock.hpp"
#include "io/text.hpp"
#include "live/clock_repository.hpp"
#include "live/clock_service.hpp"

namespace enshu::world {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kPastToleranceUs = 60 * kMicrosPerSecond;
constexpr std::int64_t kFutureLimitUs = 7LL * 24 * 60 * 60 * kMicrosPerSecond;
constexpr int kMaxExtendSeconds = 3600;

#define ENSHU_BREAK_COLUMNS                                                                                          \
    "id, exercise_id, starts_at_us, duration_seconds, message_ja, message_en, status, paused_clock, started_at_us, " \
    "ended_at_us"

constexpr std::string_view kInsert =
    "INSERT INTO exercise_break (exercise_id, starts_at_us, duration_seconds, message_ja, message_en, status, "
    "created_by, created_at_us) VALUES ($1, $2, $3, $4, $5, 'scheduled', $6, $7) RETURNING id";
constexpr std::string_view kSelectOne =
    "SELECT " ENSHU_BREAK_COLUMNS " FROM exercise_break WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kSelectOfExercise =
    "SELECT " ENSHU_BREAK_COLUMNS
    " FROM exercise_break WHERE exercise_id = $1 ORDER BY starts_at_us DESC, id DESC "
    "LIMIT 100";
constexpr std::string_view kSelectRunning = "SELECT " ENSHU_BREAK_COLUMNS
                                            " FROM exercise_break WHERE exercise_id = $1 AND status = 'running' "
                                            "ORDER BY starts_at_us LIMIT 1";
constexpr std::string_view kSelectDueToStart = "SELECT " ENSHU_BREAK_COLUMNS
                                               " FROM exercise_break WHERE status = 'scheduled' AND starts_at_us <= $1 "
                                               "ORDER BY starts_at_us, id";
constexpr std::string_view kSelectDueToEnd =
    "SELECT " ENSHU_BREAK_COLUMNS
    " FROM exercise_break WHERE status = 'running' "
    "AND starts_at_us + duration_seconds * 1000000 <= $1 ORDER BY starts_at_us, id";
constexpr std::string_view kMarkRunning =
    "UPDATE exercise_break SET status = 'running', started_at_us = $1, paused_clock = $2 "
    "WHERE id = $3 AND status = 'scheduled'";
constexpr std::string_view kMarkFinished =
    "UPDATE exercise_break SET status = 'finished', ended_at_us = $1 WHERE id = $2 AND status = 'running'";
constexpr std::string_view kMarkCancelled =
    "UPDATE exercise_break SET status = 'cancelled', ended_at_us = $1 WHERE id = $2 AND status = 'scheduled'";
constexpr std::string_view kSetDuration =
    "UPDATE exercise_break SET duration_seconds = $1 WHERE id = $2 AND status IN ('scheduled', 'running')";

#undef ENSHU_BREAK_COLUMNS

ExerciseBreak FromRow(const db::Row& row) {
    ExerciseBreak item;
    item.id = row.Int(0);
    item.exercise_id = row.Int(1);
    item.starts_at_us = row.Int(2);
    item.duration_seconds = static_cast<int>(row.Int(3));
    item.message_ja = row.Text(4);
    item.message_en = row.Text(5);
    item.status = row.Text(6);
    item.paused_clock = row.Int(7) != 0;
    if (!row.IsNull(8)) item.started_at_us = row.Int(8);
    if (!row.IsNull(9)) item.ended_at_us = row.Int(9);
    return item;
}

nlohmann::json OptionalInt(const std::optional<std::int64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string Dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const audit::Actor& TimerActor() {
    static const audit::Actor actor{std::nullopt, "break timer", "", ""};
    return actor;
}

Status AppendBreakEvent(db::Connection& connection, const live::EventLog& events, const std::string& type,
                        const ExerciseBreak& item, std::int64_t now_us) {
    live::LiveEvent event;
    event.exercise_id = item.exercise_id;
    event.type = type;
    event.audience.everyone = true;
    event.released_at_us = now_us;
    event.payload_json = Dump(BreakJson(item, now_us));
    return events.Append(connection, event);
}

// Pauses (pause = true) or resumes the exercise clock inside the caller's transaction
// when it is running (paused); answers whether it changed.
Result<bool> MoveClock(db::Connection& connection, const live::EventLog& events, const audit::AuditLog& audit,
                       const audit::Actor& actor, const std::vector<scenario::Scene>& scenes, std::int64_t exercise_id,
                       std::int64_t break_id, bool pause, std::int64_t now_us, TimePoint now) {
    if (scenes.empty()) return false;
    auto stored = live::LoadClock(connection, exercise_id);
    if (!stored) return tl::unexpected(stored.error());
    const ClockState wanted_from = pause ? ClockState::kRunning : ClockState::kPaused;
    if (stored->version == 0 || stored->snapshot.state != wanted_from) return false;
    auto next = pause ? PauseClock(stored->snapshot, scenes, now_us) : ResumeClock(stored->snapshot, scenes, now_us);
    if (!next) return tl::unexpected(next.error());
    auto saved = live::SaveClock(connection, exercise_id, *next, stored->version, now);
    if (!saved) return tl::unexpected(saved.error());
    if (auto appended = live::AppendClockChanged(connection, events, exercise_id, *next, scenes, now_us); !appended) {
        return tl::unexpected(appended.error());
    }
    auto audited = audit.Append(
        connection, actor,
        audit::AuditEntry{exercise_id,
                          pause ? "clock.pause" : "clock.resume",
                          "exercise_clock",
                          std::to_string(exercise_id),
                          {{"state", ClockStateName(stored->snapshot.state)}},
                          {{"state", ClockStateName(next->state)}, {"reason", "break"}, {"break_id", break_id}}});
    if (!audited) return tl::unexpected(audited.error());
    return true;
}

}  // namespace

nlohmann::json BreakJson(const ExerciseBreak& item, std::int64_t now_us) {
    return {{"id", item.id},
            {"starts_at_us", item.starts_at_us},
            {"ends_at_us", item.EndsAtUs()},
            {"duration_seconds", item.duration_seconds},
            {"message", {{"ja", item.message_ja}, {"en", item.message_en}}},
            {"status", item.status},
            {"paused_clock", item.paused_clock},
            {"started_at_us", OptionalInt(item.started_at_us)},
            {"ended_at_us", OptionalInt(item.ended_at_us)},
            {"now_us", now_us}};
}

Status ValidateBreak(const BreakInput& input, std::int64_t now_us) {
    if (input.starts_at_us &&
        (*input.starts_at_us < now_us - kPastToleranceUs || *input.starts_at_us > now_us + kFutureLimitUs)) {
        return Fail(ErrorCode::kInvalidArgument,
                    "starts_at_us: must be between one minute ago and seven days ahead (or null: now)", "starts_at_us");
    }
    if (input.duration_seconds < kMinBreakSeconds || input.duration_seconds > kMaxBreakSeconds) {
        return Fail(ErrorCode::kInvalidArgument, "duration_seconds: must be 10..14400", "duration_seconds");
    }
    if (!io::IsValidUtf8(input.message_ja) || io::CharacterCount(input.message_ja) > kMaxBreakMessageCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "message.ja: at most 500 characters of UTF-8", "message.ja");
    }
    if (!io::IsValidUtf8(input.message_en) || io::CharacterCount(input.message_en) > kMaxBreakMessageCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "message.en: at most 500 characters of UTF-8", "message.en");
    }
    return Ok();
}

BreakService::BreakService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                           const live::EventLog& events, live::ScenarioSource& scenarios,
                           std::function<void()> clock_changed)
    : database_(database),
      clock_(clock),
      audit_(audit),
      events_(events),
      scenarios_(scenarios),
      clock_changed_(std::move(clock_changed)) {}

std::int64_t BreakService::NowUs() const { return live::MicrosOf(clock_.Now()); }

Result<ExerciseBreak> BreakService::Schedule(std::int64_t exercise_id, const BreakInput& input,
                                             std::optional<std::int64_t> user_id, const audit::Actor& actor) {
    const std::int64_t now_us = NowUs();
    if (auto valid = ValidateBreak(input, now_us); !valid) return tl::unexpected(valid.error());
    ExerciseBreak item;
    item.exercise_id = exercise_id;
    item.starts_at_us = input.starts_at_us.value_or(now_us);
    item.duration_seconds = input.duration_seconds;
    item.message_ja = input.message_ja;
    item.message_en = input.message_en;
    item.status = "scheduled";
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        db::Value creator = user_id ? db::Value(*user_id) : db::Value();
        auto inserted =
            connection.QueryOne(kInsert, {exercise_id, item.starts_at_us, std::int64_t{item.duration_seconds},
                                          item.message_ja, item.message_en, creator, now_us});
        if (!inserted) return tl::unexpected(inserted.error());
        if (!*inserted) return Fail(ErrorCode::kInternal, "exercise_break insert returned no id");
        item.id = (*inserted)->Int(0);
        if (auto appended = AppendBreakEvent(connection, events_, "break.scheduled", item, now_us); !appended) {
            return appended;
        }
        return audit_.Append(connection, actor,
                             audit::AuditEntry{exercise_id, "break.schedule", "exercise_break", std::to_string(item.id),
                                               nullptr, BreakJson(item, now_us)});
    });
    if (!written) return tl::unexpected(written.error());
    // A break that starts now starts before the answer (the timer would be up to a second late).
    if (item.starts_at_us <= now_us) {
        bool clock_changed = false;
        if (auto started = Start(item, now_us, clock_changed); !started) return tl::unexpected(started.error());
        if (clock_changed && clock_changed_) clock_changed_();
        auto reread = database_.Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(kSelectOne, {item.id, exercise_id});
            if (!row) return tl::unexpected(row.error());
            if (*row) item = FromRow(**row);
            return Ok();
        });
        if (!reread) return tl::unexpected(reread.error());
    }
    return item;
}

Status BreakService::Start(const ExerciseBreak& scheduled, std::int64_t now_us, bool& clock_changed) {
    auto snapshot = scenarios_.Load(scheduled.exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const std::vector<scenario::Scene>& scenes = (*snapshot)->master.scenes;
    return database_.Write([&](db::Connection& connection) -> Status {
        clock_changed = false;
        auto paused = MoveClock(connection, events_, audit_, TimerActor(), scenes, scheduled.exercise_id, scheduled.id,
                                true, now_us, clock_.Now());
        if (!paused) return tl::unexpected(paused.error());
        auto changed = connection.Execute(kMarkRunning, {now_us, std::int64_t{*paused ? 1 : 0}, scheduled.id});
        if (!changed) return tl::unexpected(changed.error());
        if (*changed == 0) return Fail(ErrorCode::kConflict, "the break is no longer scheduled", "status");
        ExerciseBreak item = scheduled;
        item.status = "running";
        item.started_at_us = now_us;
        item.paused_clock = *paused;
        clock_changed = *paused;
        if (auto appended = AppendBreakEvent(connection, events_, "break.started", item, now_us); !appended) {
            return appended;
        }
        return audit_.Append(connection, TimerActor(),
                             audit::AuditEntry{item.exercise_id,
                                               "break.start",
                                               "exercise_break",
                                               std::to_string(item.id),
                                               {{"status", "scheduled"}},
                                               {{"status", "running"}, {"paused_clock", item.paused_clock}}});
    });
}

Status BreakService::End(const ExerciseBreak& running, std::int64_t now_us, const audit::Actor& actor,
                         const std::string& action, bool& clock_changed) {
    auto snapshot = scenarios_.Load(running.exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const std::vector<scenario::Scene>& scenes = (*snapshot)->master.scenes;
    return database_.Write([&](db::Connection& connection) -> Status {
        clock_changed = false;
        auto changed = connection.Execute(kMarkFinished, {now_us, running.id});
        if (!changed) return tl::unexpected(changed.error());
        if (*changed == 0) return Fail(ErrorCode::kConflict, "the break is not running", "status");
        if (running.paused_clock) {
            auto resumed = MoveClock(connection, events_, audit_, actor, scenes, running.exercise_id, running.id, false,
                                     now_us, clock_.Now());
            if (!resumed) return tl::unexpected(resumed.error());
            clock_changed = *resumed;
        }
        ExerciseBreak item = running;
        item.status = "finished";
        item.ended_at_us = now_us;
        if (auto appended = AppendBreakEvent(connection, events_, "break.ended", item, now_us); !appended) {
            return appended;
        }
        return audit_.Append(connection, actor,
                             audit::AuditEntry{item.exercise_id,
                                               action,
                                               "exercise_break",
                                               std::to_string(item.id),
                                               {{"status", "running"}},
                                               {{"status", "finished"}, {"clock_resumed", clock_changed}}});
    });
}

Result<ExerciseBreak> BreakService::Extend(std::int64_t exercise_id, std::int64_t break_id, int extra_seconds,
                                           const audit::Actor& actor) {
    if (extra_seconds < 1 || extra_seconds > kMaxExtendSeconds) {
        return Fail(ErrorCode::kInvalidArgument, "extra_seconds: must be 1..3600", "extra_seconds");
    }
    ExerciseBreak item;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectOne, {break_id, exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kNotFound, "no such break", "break_id");
        item = FromRow(**row);
        if (item.status != "scheduled" && item.status != "running") {
            return Fail(ErrorCode::kConflict, "the break is " + item.status + " and cannot be extended", "status");
        }
        const int before = item.duration_seconds;
        if (before + extra_seconds > kMaxBreakSeconds) {
            return Fail(ErrorCode::kInvalidArgument, "extra_seconds: a break lasts at most 4 hours", "extra_seconds");
        }
        item.duration_seconds = before + extra_seconds;
        auto changed = connection.Execute(kSetDuration, {std::int64_t{item.duration_seconds}, break_id});
        if (!changed) return tl::unexpected(changed.error());
        const std::int64_t now_us = NowUs();
        if (auto appended = AppendBreakEvent(connection, events_, "break.updated", item, now_us); !appended) {
            return appended;
        }
        return audit_.Append(connection, actor,
                             audit::AuditEntry{exercise_id,
                                               "break.extend",
                                               "exercise_break",
                                               std::to_string(break_id),
                                               {{"duration_seconds", before}},
                                               {{"duration_seconds", item.duration_seconds}}});
    });
    if (!written) return tl::unexpected(written.error());
    return item;
}

Result<ExerciseBreak> BreakService::Cancel(std::int64_t exercise_id, std::int64_t break_id, const audit::Actor& actor) {
    std::optional<ExerciseBreak> found;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectOne, {break_id, exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (*row) found = FromRow(**row);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (!found) return Fail(ErrorCode::kNotFound, "no such break", "break_id");
    const std::int64_t now_us = NowUs();
    ExerciseBreak item = *found;
    if (item.status == "running") {
        bool clock_changed = false;
        if (auto ended = End(item, now_us, actor, "break.end", clock_changed); !ended)
            return tl::unexpected(ended.error());
        if (clock_changed && clock_changed_) clock_changed_();
        item.status = "finished";
        item.ended_at_us = now_us;
        return item;
    }
    if (item.status != "scheduled") {
        return Fail(ErrorCode::kConflict, "the break is already " + item.status, "status");
    }
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto changed = connection.Execute(kMarkCancelled, {now_us, break_id});
        if (!changed) return tl::unexpected(changed.error());
        if (*changed == 0)
            return Fail(ErrorCode::kConflict, "the break has just started; cancel it again to end it", "status");
        item.status = "cancelled";
        item.ended_at_us = now_us;
        if (auto appended = AppendBreakEvent(connection, events_, "break.cancelled", item, now_us); !appended) {
            return appended;
        }
        return audit_.Append(connection, actor,
                             audit::AuditEntry{exercise_id,
                                               "break.cancel",
                                               "exercise_break",
                                               std::to_string(break_id),
                                               {{"status", "scheduled"}},
                                               {{"status", "cancelled"}}});
    });
    if (!written) return tl::unexpected(written.error());
    return item;
}

Result<std::vector<ExerciseBreak>> BreakService::List(std::int64_t exercise_id) {
    std::vector<ExerciseBreak> items;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kSelectOfExercise, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) items.push_back(FromRow(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return items;
}

Result<std::optional<ExerciseBreak>> BreakService::Current(std::int64_t exercise_id) {
    std::optional<ExerciseBreak> current;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectRunning, {exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (*row) current = FromRow(**row);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return current;
}

BreakTickReport BreakService::Tick(std::int64_t now_us) {
    BreakTickReport report;
    bool any_clock_changed = false;
    for (int pass = 0; pass < 2; ++pass) {  // start what is due, then end what is over
        std::vector<ExerciseBreak> due;
        auto read = database_.Read([&](db::Connection& connection) -> Status {
            auto rows = connection.Query(pass == 0 ? kSelectDueToStart : kSelectDueToEnd, {now_us});
            if (!rows) return tl::unexpected(rows.error());
            for (const db::Row& row : *rows) due.push_back(FromRow(row));
            return Ok();
        });
        if (!read) {
            report.last_error = read.error().message;
            continue;
        }
        for (ExerciseBreak& item : due) {
            bool clock_changed = false;
            if (pass == 0) {
                auto started = Start(item, now_us, clock_changed);
                if (!started) {
                    if (started.error().code != ErrorCode::kConflict) report.last_error = started.error().message;
                    continue;
                }
                ++report.started;
            } else {
                auto ended = End(item, now_us, TimerActor(), "break.end", clock_changed);
                if (!ended) {
                    if (ended.error().code != ErrorCode::kConflict) report.last_error = ended.error().message;
                    continue;
                }
                ++report.ended;
            }
            any_clock_changed = any_clock_changed || clock_changed;
        }
    }
    if (any_clock_changed && clock_changed_) clock_changed_();
    return report;
}

}  // namespace enshu::world
