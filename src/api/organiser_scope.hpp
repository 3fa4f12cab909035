#pragma once

// Access check for organiser-only routes of one exercise (memberships, audit log).

#include <cstdint>

#include "api/context.hpp"

namespace enshu::api {

// The caller when they organise `exercise_id` (or are an administrator).
// Errors: kUnauthenticated without a session; kNotFound (field exercise_id) when the
// caller has no role in the exercise, so that exercise ids cannot be probed;
// kForbidden when they have a role but are not an organiser.
Result<const Principal*> RequireOrganiserOf(const RequestContext& context, std::int64_t exercise_id);

}  // namespace enshu::api
