#pragma once

// A case of a desk's queue (an inquiry, or the delivery of an incident report to one
// recipient) and its messages, with their JSON forms. Pure: no I/O.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "world/desk_model.hpp"
#include "world/queue_state.hpp"

namespace enshu::world {

enum class CaseKind { kInquiry, kReport };
std::string_view CaseKindName(CaseKind kind);  // "inquiry", "report"

struct DeskCase {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::int64_t desk_id = 0;
    DeskKind desk_kind = DeskKind::kAgency;
    std::string desk_code;
    std::string desk_name_ja;
    std::string desk_name_en;
    CaseKind kind = CaseKind::kInquiry;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string sector_code;
    std::string ministry_code;  // of the organisation
    std::optional<std::int64_t> report_id;
    std::optional<std::int64_t> incident_id;
    std::string stage;           // reports: first, follow_up, final
    std::string recipient_code;  // reports: ministry, ceptoar, ipa, jpcert, npa
    int delivery_order = 0;
    std::string category;
    std::string urgency;  // low, normal, high
    std::string subject;
    std::string contact_name;
    std::string contact_detail;
    QueueState state = QueueState::kNew;
    std::optional<std::int64_t> assignee_user_id;
    std::string assignee_name;
    std::int64_t created_at_us = 0;
    std::optional<double> scenario_minutes;
    std::optional<std::int64_t> first_reply_at_us;
    std::int64_t updated_at_us = 0;
    std::int64_t message_count = 0;  // messages the organisation sees
};

// Who wrote a message: the organisation (inbound) or a desk (everything else).
struct CaseMessage {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string kind;  // inbound, reply, ask_back, acknowledge, note, handover
    std::optional<std::int64_t> author_user_id;
    std::string author_label;
    std::string body;
    std::optional<std::int64_t> attachment_id;
    std::int64_t wall_at_us = 0;
    std::optional<double> scenario_minutes;
};

// Notes and hand-overs are internal to the desks: never shown to the organisation.
bool IsInternalMessage(const std::string& kind);

nlohmann::json CaseJson(const DeskCase& desk_case);
nlohmann::json MessageJson(const CaseMessage& message, std::int64_t exercise_id);

}  // namespace enshu::world
