#pragma once

// "Time to acknowledge" and "time to first action" per organisation and inject, from
// the stored rows (inject_release, acknowledgement, action_entry), for the results
// report. Both are measured from the inject's release (released_at_us): the first
// acknowledgement by anyone of the organisation, and the first action entry of the
// organisation that names the inject.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::live {

struct InjectResponseTime {
    std::int64_t organisation_id = 0;
    std::string inject_id;
    std::int64_t released_at_us = 0;
    std::optional<std::int64_t> time_to_acknowledge_us;
    std::optional<std::int64_t> time_to_first_action_us;
};

// Every (organisation, inject) pair with an acknowledgement or an action entry, ordered
// by organisation id then release order.
Result<std::vector<InjectResponseTime>> ResponseTimes(db::Database& database, std::int64_t exercise_id);

}  // namespace enshu::live
