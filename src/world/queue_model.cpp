#include "world/queue_model.hpp"

#include "world/desk_time.hpp"

namespace enshu::world {

std::string_view CaseKindName(CaseKind kind) { return kind == CaseKind::kInquiry ? "inquiry" : "report"; }

bool IsInternalMessage(const std::string& kind) { return kind == "note" || kind == "handover"; }

nlohmann::json CaseJson(const DeskCase& desk_case) {
    const auto optional_int = [](const std::optional<std::int64_t>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    nlohmann::json json = {
        {"id", desk_case.id},
        {"kind", CaseKindName(desk_case.kind)},
        {"desk",
         {{"id", desk_case.desk_id},
          {"kind", DeskKindName(desk_case.desk_kind)},
          {"code", desk_case.desk_code},
          {"name", {{"ja", desk_case.desk_name_ja}, {"en", desk_case.desk_name_en}}}}},
        {"organisation",
         {{"id", desk_case.organisation_id},
          {"name", desk_case.organisation_name},
          {"sector_code", desk_case.sector_code},
          {"ministry_code", desk_case.ministry_code}}},
        {"report_id", optional_int(desk_case.report_id)},
        {"incident_id", optional_int(desk_case.incident_id)},
        {"stage", desk_case.stage.empty() ? nlohmann::json(nullptr) : nlohmann::json(desk_case.stage)},
        {"recipient_code",
         desk_case.recipient_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(desk_case.recipient_code)},
        {"delivery_order", desk_case.delivery_order},
        {"category", desk_case.category},
        {"urgency", desk_case.urgency},
        {"subject", desk_case.subject},
        {"contact_name", desk_case.contact_name},
        {"contact_detail", desk_case.contact_detail},
        {"state", QueueStateName(desk_case.state)},
        {"assignee", desk_case.assignee_user_id
                         ? nlohmann::json({{"user_id", *desk_case.assignee_user_id}, {"name", desk_case.assignee_name}})
                         : nlohmann::json(nullptr)},
        {"first_reply_at", desk_case.first_reply_at_us ? nlohmann::json(WallText(*desk_case.first_reply_at_us))
                                                       : nlohmann::json(nullptr)},
        {"first_reply_at_us", optional_int(desk_case.first_reply_at_us)},
        {"updated_at", WallText(desk_case.updated_at_us)},
        {"message_count", desk_case.message_count},
    };
    AddStamp(json, "created", desk_case.created_at_us, desk_case.scenario_minutes);
    return json;
}

nlohmann::json MessageJson(const CaseMessage& message, std::int64_t exercise_id) {
    nlohmann::json json = {{"id", message.id},
                           {"case_id", message.case_id},
                           {"kind", message.kind},
                           {"from", message.kind == "inbound" ? "organisation" : "desk"},
                           {"author", message.author_label},
                           {"body", message.body},
                           {"attachment", nullptr}};
    if (message.attachment_id) {
        json["attachment"] = {{"id", *message.attachment_id},
                              {"url", "/api/exercises/" + std::to_string(exercise_id) + "/attachments/" +
                                          std::to_string(*message.attachment_id)}};
    }
    AddStamp(json, "wall", message.wall_at_us, message.scenario_minutes);
    return json;
}

}  // namespace enshu::world
