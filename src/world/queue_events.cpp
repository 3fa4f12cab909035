#include "world/queue_events.hpp"

namespace enshu::world {

live::EventAudience CaseAudience(const DeskCase& desk_case, EventReach reach) {
    live::EventAudience audience;
    audience.staff = true;
    if (reach == EventReach::kOrganisationAndStaff) audience.organisation_ids = {desk_case.organisation_id};
    if (desk_case.desk_kind == DeskKind::kMinistry) audience.staff_sectors = {desk_case.sector_code};
    return audience;
}

Status AppendCaseEvent(db::Connection& connection, const live::EventLog& events, const std::string& type,
                       const DeskCase& desk_case, const std::optional<CaseMessage>& message, std::int64_t now_us) {
    const EventReach reach =
        message && IsInternalMessage(message->kind) ? EventReach::kStaffOnly : EventReach::kOrganisationAndStaff;
    live::LiveEvent event;
    event.exercise_id = desk_case.exercise_id;
    event.type = type;
    event.audience = CaseAudience(desk_case, reach);
    event.released_at_us = now_us;
    nlohmann::json payload = {
        {"case", CaseJson(desk_case)},
        {"message", message ? MessageJson(*message, desk_case.exercise_id) : nlohmann::json(nullptr)}};
    event.payload_json = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return events.Append(connection, event);
}

}  // namespace enshu::world
