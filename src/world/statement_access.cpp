#include "world/statement_access.hpp"

namespace enshu::world {

std::optional<std::int64_t> OwnOrganisation(const Principal& principal, std::int64_t exercise_id) {
    for (const Membership& membership : principal.memberships) {
        if (membership.exercise_id != exercise_id) continue;
        if (membership.role != Role::kOrgLead && membership.role != Role::kParticipant) continue;
        if (membership.organisation_id) return membership.organisation_id;
    }
    return std::nullopt;
}

StatementAccess AccessToStatement(const Principal& principal, std::int64_t exercise_id,
                                  std::int64_t statement_organisation_id, StatementState state) {
    if (!principal.IsMember(exercise_id) && !principal.is_admin) return StatementAccess::kNone;
    if (principal.IsOrganiser(exercise_id) || OwnOrganisation(principal, exercise_id) == statement_organisation_id) {
        return StatementAccess::kFull;
    }
    if (state == StatementState::kDraft) return StatementAccess::kNone;
    if (state == StatementState::kPublished) return StatementAccess::kFull;
    const bool watching =
        principal.HasRole(exercise_id, Role::kController) || principal.HasRole(exercise_id, Role::kObserver);
    return watching ? StatementAccess::kFull : StatementAccess::kTombstone;
}

}  // namespace enshu::world
