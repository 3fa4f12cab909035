#include "live/clock_repository.hpp"

#include <string_view>

namespace enshu::live {
namespace {

constexpr std::string_view kSelectClock =
    "SELECT state, scene_index, anchor_scenario_minutes, anchor_wall_us, version FROM exercise_clock "
    "WHERE exercise_id = $1";
constexpr std::string_view kInsertClock =
    "INSERT INTO exercise_clock (exercise_id, state, scene_index, anchor_scenario_minutes, anchor_wall_us, version, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6) ON CONFLICT (exercise_id) DO NOTHING";
constexpr std::string_view kUpdateClock =
    "UPDATE exercise_clock SET state = $2, scene_index = $3, anchor_scenario_minutes = $4, anchor_wall_us = $5, "
    "version = version + 1, updated_at = $6 WHERE exercise_id = $1 AND version = $7";
constexpr std::string_view kSelectRunning = "SELECT exercise_id FROM exercise_clock WHERE state = 'running'";

}  // namespace

Result<StoredClock> LoadClock(db::Connection& connection, std::int64_t exercise_id) {
    auto row = connection.QueryOne(kSelectClock, {exercise_id});
    if (!row) return tl::unexpected(row.error());
    StoredClock stored;
    if (!*row) return stored;
    const db::Row& r = **row;
    auto state = ParseClockState(r.Text(0));
    if (!state) return Fail(ErrorCode::kInternal, "exercise_clock: unknown state '" + r.Text(0) + "'");
    stored.snapshot = ClockSnapshot{*state, static_cast<int>(r.Int(1)), r.Real(2), r.Int(3)};
    stored.version = r.Int(4);
    return stored;
}

Result<std::int64_t> SaveClock(db::Connection& connection, std::int64_t exercise_id, const ClockSnapshot& snapshot,
                               std::int64_t expected_version, TimePoint now) {
    const db::Params params = {exercise_id,
                               std::string(ClockStateName(snapshot.state)),
                               std::int64_t{snapshot.scene_index},
                               snapshot.anchor_scenario_minutes,
                               snapshot.anchor_wall_us,
                               FormatTimestamp(now)};
    Result<std::int64_t> changed = 0;
    if (expected_version == 0) {
        changed = connection.Execute(kInsertClock, params);
    } else {
        db::Params update = params;
        update.push_back(expected_version);
        changed = connection.Execute(kUpdateClock, update);
    }
    if (!changed) return tl::unexpected(changed.error());
    if (*changed == 0) return Fail(ErrorCode::kConflict, "the clock was changed by someone else; retry", "clock");
    return expected_version + 1;
}

Result<std::vector<std::int64_t>> RunningExercises(db::Connection& connection) {
    auto rows = connection.Query(kSelectRunning);
    if (!rows) return tl::unexpected(rows.error());
    std::vector<std::int64_t> ids;
    for (const db::Row& row : *rows) ids.push_back(row.Int(0));
    return ids;
}

}  // namespace enshu::live
