#include "exercise/visibility.hpp"

#include <algorithm>

namespace enshu::exercise {

Visibility VisibilityOf(const Principal& principal, std::int64_t exercise_id) {
    Visibility visibility;
    if (principal.IsOrganiser(exercise_id) || principal.HasRole(exercise_id, Role::kObserver) ||
        principal.HasRole(exercise_id, Role::kController)) {
        visibility.all = true;
        return visibility;
    }
    for (const auto& membership : principal.memberships) {
        if (membership.exercise_id != exercise_id) continue;
        if (membership.role == Role::kMinistry && membership.ministry_code) {
            visibility.ministry_codes.push_back(*membership.ministry_code);
        }
        if ((membership.role == Role::kOrgLead || membership.role == Role::kParticipant) &&
            membership.organisation_id) {
            visibility.organisation_ids.push_back(*membership.organisation_id);
        }
    }
    return visibility;
}

std::vector<std::string> RoleNamesOf(const Principal& principal, std::int64_t exercise_id) {
    std::vector<std::string> names;
    for (Role role :
         {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead, Role::kParticipant}) {
        const bool has = principal.HasRole(exercise_id, role) || (role == Role::kOrganiser && principal.is_admin);
        if (has) names.emplace_back(RoleName(role));
    }
    return names;
}

Status RequireOrganiser(const Principal& principal, std::int64_t exercise_id) {
    if (!principal.IsMember(exercise_id)) {
        return Fail(ErrorCode::kNotFound, "exercise " + std::to_string(exercise_id) + " not found", "exercise_id");
    }
    if (!principal.IsOrganiser(exercise_id)) return Fail(ErrorCode::kForbidden, "only organisers may do this");
    return Ok();
}

}  // namespace enshu::exercise
