#include "core/access.hpp"

#include <algorithm>

namespace enshu {

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kOrganiser: return "organiser";
        case Role::kController: return "controller";
        case Role::kMinistry: return "ministry";
        case Role::kObserver: return "observer";
        case Role::kOrgLead: return "org_lead";
        case Role::kParticipant: return "participant";
    }
    return "observer";
}

std::optional<Role> ParseRole(std::string_view name) {
    for (Role role : {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead,
                      Role::kParticipant}) {
        if (RoleName(role) == name) return role;
    }
    return std::nullopt;
}

bool Principal::HasRole(std::int64_t exercise_id, Role role) const {
    return std::any_of(memberships.begin(), memberships.end(),
                       [&](const Membership& m) { return m.exercise_id == exercise_id && m.role == role; });
}

bool Principal::IsMember(std::int64_t exercise_id) const {
    return is_admin || std::any_of(memberships.begin(), memberships.end(),
                                   [&](const Membership& m) { return m.exercise_id == exercise_id; });
}

bool Principal::IsOrganiser(std::int64_t exercise_id) const {
    return is_admin || HasRole(exercise_id, Role::kOrganiser);
}

namespace {

bool IsOwnOrganisation(const Principal& principal, const OrganisationScope& organisation, Role role) {
    return std::any_of(principal.memberships.begin(), principal.memberships.end(), [&](const Membership& m) {
        return m.exercise_id == organisation.exercise_id && m.role == role &&
               m.organisation_id == organisation.organisation_id;
    });
}

bool IsMinistryOf(const Principal& principal, const OrganisationScope& organisation) {
    return std::any_of(principal.memberships.begin(), principal.memberships.end(), [&](const Membership& m) {
        return m.exercise_id == organisation.exercise_id && m.role == Role::kMinistry &&
               m.ministry_code == organisation.ministry_code;
    });
}

}  // namespace

bool CanViewOrganisation(const Principal& principal, const OrganisationScope& organisation) {
    const auto exercise = organisation.exercise_id;
    return principal.IsOrganiser(exercise) || principal.HasRole(exercise, Role::kObserver) ||
           principal.HasRole(exercise, Role::kController) || IsMinistryOf(principal, organisation) ||
           IsOwnOrganisation(principal, organisation, Role::kOrgLead) ||
           IsOwnOrganisation(principal, organisation, Role::kParticipant);
}

bool CanEditOrganisation(const Principal& principal, const OrganisationScope& organisation) {
    return principal.IsOrganiser(organisation.exercise_id) ||
           IsOwnOrganisation(principal, organisation, Role::kOrgLead);
}

bool CanListOrganisations(const Principal& principal, std::int64_t exercise_id) {
    return principal.IsOrganiser(exercise_id) || principal.HasRole(exercise_id, Role::kObserver) ||
           principal.HasRole(exercise_id, Role::kController) || principal.HasRole(exercise_id, Role::kMinistry);
}

}  // namespace enshu
