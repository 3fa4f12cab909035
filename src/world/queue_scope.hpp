#pragma once

// Who looks at the desk queues, and the pure rules of what they may see and do:
//   organiser, controller -> every desk's cases; act on all of them (any controller may
//                            answer any desk: desk staff assignment only drives the
//                            "my desks" filter, so that absences never strand a case);
//   observer              -> read every case (internal notes too), act on none;
//   ministry member       -> the cases of its ministry's desk from organisations of its
//                            ministry's sectors; act on them;
//   org lead, participant -> the cases of its own organisation, without internal notes;
//                            write inbound messages only.

#include <cstdint>
#include <optional>
#include <string>

#include "core/access.hpp"
#include "world/desk_model.hpp"

namespace enshu::world {

enum class ViewerRole { kDeskStaff, kObserver, kMinistry, kOrganisation };

struct QueueViewer {
    std::int64_t exercise_id = 0;
    ViewerRole role = ViewerRole::kOrganisation;
    std::int64_t user_id = 0;
    std::string label;                            // display name for message authors
    std::optional<std::int64_t> organisation_id;  // kOrganisation
    std::optional<std::int64_t> person_id;        // kOrganisation
    std::string ministry_code;                    // kMinistry
};

// The viewer of `principal` in the exercise, picking the widest of its roles
// (organiser/controller > ministry > observer > organisation person); nullopt for a
// non-member.
std::optional<QueueViewer> ViewerOf(const Principal& principal, std::int64_t exercise_id);

// The facts of a case that the rules need.
struct CaseFacts {
    DeskKind desk_kind = DeskKind::kAgency;
    std::string desk_code;
    std::int64_t organisation_id = 0;
    std::string organisation_ministry;
};

bool MaySeeCase(const QueueViewer& viewer, const CaseFacts& facts);
// Staff actions (claim, reply, ask back, acknowledge, note, hand over, close).
bool MayActAsStaff(const QueueViewer& viewer, const CaseFacts& facts);
// Internal notes and hand-overs are shown to staff viewers only.
bool SeesInternalMessages(const QueueViewer& viewer);

}  // namespace enshu::world
