#pragma once

// The one JSON form of a session (docs/api.md "Session"), answered by login, join and
// GET /api/auth/session, and of one membership inside it.

#include <nlohmann/json.hpp>

#include "core/access.hpp"

namespace enshu::api {

// {"exercise_id","role"} plus organisation_id and person_id for organisation people and
// ministry_code for ministry members (absent members are omitted, not null).
nlohmann::json MembershipJson(const Membership& membership);

// {"user":{"id","display_name","login","kind","is_admin"},"memberships":[...],"csrf_token"}.
// kind is "staff" for password accounts (a login) and "person" for organisation people.
nlohmann::json SessionJson(const Principal& principal);

}  // namespace enshu::api
