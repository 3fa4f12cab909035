#pragma once

// Which organisations of one exercise a caller may see (DOMAIN.md, core/access.hpp),
// in the form the repositories turn into SQL conditions. Pure.

#include <cstdint>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/result.hpp"

namespace enshu::exercise {

struct Visibility {
    bool all = false;                            // organiser, admin, observer, controller
    std::vector<std::string> ministry_codes;     // ministry members: organisations of these ministries
    std::vector<std::int64_t> organisation_ids;  // org leads and participants: their own

    bool None() const { return !all && ministry_codes.empty() && organisation_ids.empty(); }
};

Visibility VisibilityOf(const Principal& principal, std::int64_t exercise_id);

// The caller's role names in the exercise, without duplicates, in Role order; an
// administrator without an organiser membership is reported as "organiser" too
// (administrators act as organisers everywhere).
std::vector<std::string> RoleNamesOf(const Principal& principal, std::int64_t exercise_id);

// kNotFound ("exercise_id") when the caller is not a member of the exercise,
// kForbidden when a member but not an organiser.
Status RequireOrganiser(const Principal& principal, std::int64_t exercise_id);

}  // namespace enshu::exercise
