#include "evaluation/evaluation_access.hpp"

namespace enshu::evaluation {

AnswerAccess AnswerAccessOf(const Principal& principal, const OrganisationFacts& organisation) {
    const std::int64_t exercise_id = organisation.exercise_id;
    AnswerAccess access = AnswerAccess::kNone;
    if (principal.IsOrganiser(exercise_id)) access = AnswerAccess::kRead;
    for (const Membership& membership : principal.memberships) {
        if (membership.exercise_id != exercise_id) continue;
        const bool own = membership.organisation_id && *membership.organisation_id == organisation.id;
        if (membership.role == Role::kOrgLead && own) return AnswerAccess::kEdit;
        if (membership.role == Role::kParticipant && own) access = AnswerAccess::kRead;
        if (membership.role == Role::kMinistry && membership.ministry_code &&
            *membership.ministry_code == organisation.ministry_code) {
            access = AnswerAccess::kRead;
        }
    }
    return access;
}

bool CanSeeCompletion(const Principal& principal, std::int64_t exercise_id) {
    return principal.IsOrganiser(exercise_id) || principal.HasRole(exercise_id, Role::kController) ||
           principal.HasRole(exercise_id, Role::kObserver) || principal.HasRole(exercise_id, Role::kMinistry);
}

}  // namespace enshu::evaluation
