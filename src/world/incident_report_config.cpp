#include "world/incident_report_config.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "world/incident_report_fields.hpp"

namespace enshu::world {
namespace {

constexpr std::string_view kSelectConfig =
    "SELECT code, priority, required_fields FROM report_recipient WHERE exercise_id = $1 ORDER BY priority";
constexpr std::string_view kDeleteConfig = "DELETE FROM report_recipient WHERE exercise_id = $1";
constexpr std::string_view kInsertConfig =
    "INSERT INTO report_recipient (exercise_id, code, priority, required_fields) VALUES ($1, $2, $3, $4)";

}  // namespace

ReportingConfig DefaultReportingConfig() {
    return {{{"ministry", 1, {"detected_at", "countermeasures"}},
             {"ceptoar", 2, {}},
             {"ipa", 3, {"affected_systems"}},
             {"jpcert", 4, {"attack_indicators"}},
             {"npa", 5, {"police_consultation"}}}};
}

Result<ReportingConfig> ParseReportingConfig(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    auto list = body.find("recipients");
    if (list == body.end() || !list->is_array()) {
        return Fail(ErrorCode::kInvalidArgument, "recipients: an array is required", "recipients");
    }
    if (list->size() != ReportRecipients().size()) {
        return Fail(ErrorCode::kInvalidArgument,
                    "recipients: list each of ministry, ceptoar, ipa, jpcert, npa exactly once", "recipients");
    }
    ReportingConfig config;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& item = (*list)[i];
        const std::string prefix = "recipients[" + std::to_string(i) + "]";
        if (!item.is_object()) return Fail(ErrorCode::kInvalidArgument, prefix + ": expected an object", prefix);
        auto code = item.find("code");
        if (code == item.end() || !code->is_string() || !IsReportRecipient(code->get<std::string>())) {
            return Fail(ErrorCode::kInvalidArgument, prefix + ".code: must be ministry, ceptoar, ipa, jpcert or npa",
                        prefix + ".code");
        }
        if (!seen.insert(code->get<std::string>()).second) {
            return Fail(ErrorCode::kInvalidArgument, prefix + ".code: listed twice", prefix + ".code");
        }
        RecipientConfig recipient;
        recipient.code = code->get<std::string>();
        recipient.priority = static_cast<int>(i + 1);
        auto fields = item.find("required_fields");
        if (fields != item.end() && !fields->is_null()) {
            const std::string field_name = prefix + ".required_fields";
            if (!fields->is_array()) {
                return Fail(ErrorCode::kInvalidArgument, field_name + ": expected an array", field_name);
            }
            for (const auto& field : *fields) {
                const ReportField* known = field.is_string() ? FindReportField(field.get<std::string>()) : nullptr;
                if (known == nullptr || known->tier != FieldTier::kExtra) {
                    return Fail(ErrorCode::kInvalidArgument,
                                field_name + ": " + (field.is_string() ? "'" + field.get<std::string>() + "'" : "") +
                                    " is not an optional report field code",
                                field_name);
                }
                if (std::find(recipient.required_fields.begin(), recipient.required_fields.end(), known->code) ==
                    recipient.required_fields.end()) {
                    recipient.required_fields.push_back(known->code);
                }
            }
        }
        config.recipients.push_back(std::move(recipient));
    }
    return config;
}

nlohmann::json ReportingConfigJson(const ReportingConfig& config) {
    nlohmann::json recipients = nlohmann::json::array();
    for (const auto& recipient : config.recipients) {
        nlohmann::json label = {{"ja", recipient.code}, {"en", recipient.code}};
        for (const auto& known : ReportRecipients()) {
            if (known.code == recipient.code) label = {{"ja", known.label_ja}, {"en", known.label_en}};
        }
        recipients.push_back({{"code", recipient.code},
                              {"priority", recipient.priority},
                              {"label", std::move(label)},
                              {"required_fields", recipient.required_fields}});
    }
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& field : ReportFields()) {
        fields.push_back({{"code", field.code},
                          {"core", field.tier == FieldTier::kCore},
                          {"label", {{"ja", field.label_ja}, {"en", field.label_en}}}});
    }
    return {{"recipients", std::move(recipients)}, {"fields", std::move(fields)}};
}

const RecipientConfig* FindRecipient(const ReportingConfig& config, const std::string& code) {
    for (const auto& recipient : config.recipients) {
        if (recipient.code == code) return &recipient;
    }
    return nullptr;
}

Result<ReportingConfig> LoadReportingConfig(db::Connection& connection, std::int64_t exercise_id) {
    auto rows = connection.Query(kSelectConfig, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    if (rows->size() != ReportRecipients().size()) return DefaultReportingConfig();
    ReportingConfig config;
    for (const db::Row& row : *rows) {
        RecipientConfig recipient;
        recipient.code = row.Text(0);
        recipient.priority = static_cast<int>(row.Int(1));
        auto fields = nlohmann::json::parse(row.Text(2), nullptr, false);
        if (fields.is_array()) {
            for (const auto& field : fields) {
                if (field.is_string()) recipient.required_fields.push_back(field.get<std::string>());
            }
        }
        config.recipients.push_back(std::move(recipient));
    }
    return config;
}

Status SaveReportingConfig(db::Connection& connection, std::int64_t exercise_id, const ReportingConfig& config) {
    if (auto deleted = connection.Execute(kDeleteConfig, {exercise_id}); !deleted) {
        return tl::unexpected(deleted.error());
    }
    for (const auto& recipient : config.recipients) {
        auto inserted =
            connection.Execute(kInsertConfig, {exercise_id, recipient.code, std::int64_t{recipient.priority},
                                               nlohmann::json(recipient.required_fields).dump()});
        if (!inserted) return tl::unexpected(inserted.error());
    }
    return Ok();
}

}  // namespace enshu::world
