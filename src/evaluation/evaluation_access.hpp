#pragma once

// Who may see and change an organisation's evaluation instruments (readiness survey,
// verification objectives, action-record sheet, notices). Pure: the caller loads the
// Principal and the organisation's facts, then asks. The rules (docs/api.md
// "Evaluation instruments"):
// - organiser (and administrator): reads every organisation's answers, reopens, reminds;
// - ministry: reads the answers of organisations of its ministry's sectors (read-only);
// - org lead: reads and edits its own organisation's answers;
// - participant: reads its own organisation's answers (does not edit);
// - controller, observer: completion figures only, never answers.

#include <cstdint>
#include <string>

#include "core/access.hpp"

namespace enshu::evaluation {

// What an organisation is, for scoping and for the documents built about it.
struct OrganisationFacts {
    std::int64_t exercise_id = 0;
    std::int64_t id = 0;
    std::string name;
    std::string sector_code;
    std::string ministry_code;
    std::string participation_mode;
    std::string external_ref;
};

enum class AnswerAccess { kNone, kRead, kEdit };

// The caller's access to one organisation's answers. kNone must be answered 404.
AnswerAccess AnswerAccessOf(const Principal& principal, const OrganisationFacts& organisation);

// Completion figures (who has submitted): organiser, controller, observer, ministry.
bool CanSeeCompletion(const Principal& principal, std::int64_t exercise_id);

}  // namespace enshu::evaluation
