#pragma once

// The live events of the case queue, appended inside the caller's write transaction:
//   "case.created"  a new case (inquiry, or a report delivered to one recipient);
//   "case.message"  a message was added (payload has it);
//   "case.updated"  state or assignee changed without a message (claim, close).
// Payload: {"case": CaseJson, "message": MessageJson or null}.
// Audience: the case's organisation and the watching staff (organiser, controllers,
// observers); cases of a ministry desk also reach that ministry's staff (staff_sectors).
// Internal messages (notes, hand-overs) reach the staff only.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "world/queue_model.hpp"

namespace enshu::world {

enum class EventReach { kOrganisationAndStaff, kStaffOnly };

live::EventAudience CaseAudience(const DeskCase& desk_case, EventReach reach);

Status AppendCaseEvent(db::Connection& connection, const live::EventLog& events, const std::string& type,
                       const DeskCase& desk_case, const std::optional<CaseMessage>& message, std::int64_t now_us);

}  // namespace enshu::world
