#include "world/queue_scope.hpp"

namespace enshu::world {

std::optional<QueueViewer> ViewerOf(const Principal& principal, std::int64_t exercise_id) {
    QueueViewer viewer;
    viewer.exercise_id = exercise_id;
    viewer.user_id = principal.user_id;
    viewer.label = principal.display_name;
    if (principal.IsOrganiser(exercise_id) || principal.HasRole(exercise_id, Role::kController)) {
        viewer.role = ViewerRole::kDeskStaff;
        return viewer;
    }
    std::optional<QueueViewer> observer;
    std::optional<QueueViewer> person;
    for (const Membership& membership : principal.memberships) {
        if (membership.exercise_id != exercise_id) continue;
        if (membership.role == Role::kMinistry && membership.ministry_code) {
            viewer.role = ViewerRole::kMinistry;
            viewer.ministry_code = *membership.ministry_code;
            return viewer;
        }
        if (membership.role == Role::kObserver) {
            observer = viewer;
            observer->role = ViewerRole::kObserver;
        }
        if ((membership.role == Role::kOrgLead || membership.role == Role::kParticipant) &&
            membership.organisation_id && membership.person_id) {
            person = viewer;
            person->role = ViewerRole::kOrganisation;
            person->organisation_id = membership.organisation_id;
            person->person_id = membership.person_id;
        }
    }
    if (observer) return observer;
    return person;
}

bool MaySeeCase(const QueueViewer& viewer, const CaseFacts& facts) {
    switch (viewer.role) {
        case ViewerRole::kDeskStaff:
        case ViewerRole::kObserver:
            return true;
        case ViewerRole::kMinistry:
            return facts.desk_kind == DeskKind::kMinistry && facts.desk_code == viewer.ministry_code &&
                   facts.organisation_ministry == viewer.ministry_code;
        case ViewerRole::kOrganisation:
            return viewer.organisation_id && *viewer.organisation_id == facts.organisation_id;
    }
    return false;
}

bool MayActAsStaff(const QueueViewer& viewer, const CaseFacts& facts) {
    if (viewer.role == ViewerRole::kDeskStaff) return true;
    return viewer.role == ViewerRole::kMinistry && MaySeeCase(viewer, facts);
}

bool SeesInternalMessages(const QueueViewer& viewer) { return viewer.role != ViewerRole::kOrganisation; }

}  // namespace enshu::world
