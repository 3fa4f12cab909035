#pragma once

// Read side of staff memberships: who has which staff role in an exercise (the
// organiser's membership screen). Organisation people are listed with their
// organisation, not here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::accounts {

struct StaffMembership {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::int64_t user_id = 0;
    std::string login;
    std::string display_name;
    Role role = Role::kObserver;
    std::optional<std::string> ministry_code;
    std::string created_at;
};

// Every staff membership of the exercise, ordered by role then login.
// Errors: kNotFound (field exercise_id) when the exercise does not exist.
Result<std::vector<StaffMembership>> ListStaffMemberships(db::Database& database, std::int64_t exercise_id);

}  // namespace enshu::accounts
