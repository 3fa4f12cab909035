#pragma once

// The persisted exercise clock (table exercise_clock, migration 0005). Functions run
// inside the caller's transaction. An exercise without a row is "scheduled".

#include <cstdint>
#include <optional>

#include "core/clock.hpp"
#include "core/exercise_clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::live {

struct StoredClock {
    ClockSnapshot snapshot;
    std::int64_t version = 0;  // 0 when no row exists yet
};

// The stored clock, or a scheduled clock with version 0.
Result<StoredClock> LoadClock(db::Connection& connection, std::int64_t exercise_id);

// Stores `snapshot` when the stored version is still `expected_version` (0 = no row);
// answers the new version. kConflict (field "clock") when someone changed it meanwhile.
Result<std::int64_t> SaveClock(db::Connection& connection, std::int64_t exercise_id, const ClockSnapshot& snapshot,
                               std::int64_t expected_version, TimePoint now);

// Exercise ids whose clock is running (for the scheduler).
Result<std::vector<std::int64_t>> RunningExercises(db::Connection& connection);

inline std::int64_t MicrosOf(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

}  // namespace enshu::live
