#pragma once

// The reporting configuration of an exercise (table report_recipient): the recipients in
// priority order (1 = delivered first) and each recipient's extra required fields (codes
// of the extras in world/incident_report_fields.hpp). An exercise without rows uses
// DefaultReportingConfig().

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::world {

struct RecipientConfig {
    std::string code;
    int priority = 0;                          // 1..5
    std::vector<std::string> required_fields;  // extra field codes
};

struct ReportingConfig {
    std::vector<RecipientConfig> recipients;  // all five, by priority
};

// Priority ministry, ceptoar, ipa, jpcert, npa; required extras: ministry detected_at and
// countermeasures, ipa affected_systems, jpcert attack_indicators, npa police_consultation.
ReportingConfig DefaultReportingConfig();

// Body {"recipients":[{"code","required_fields":[...]}, ...]}: every recipient exactly
// once, in priority order. Errors name "recipients", "recipients[i].code",
// "recipients[i].required_fields".
Result<ReportingConfig> ParseReportingConfig(const nlohmann::json& body);

// The config with the field catalogue and recipient labels:
// {"recipients":[{"code","priority","label":{ja,en},"required_fields":[...]}],
//  "fields":[{"code","core","label":{ja,en}}]}.
nlohmann::json ReportingConfigJson(const ReportingConfig& config);

// The recipient's entry, or nullptr.
const RecipientConfig* FindRecipient(const ReportingConfig& config, const std::string& code);

Result<ReportingConfig> LoadReportingConfig(db::Connection& connection, std::int64_t exercise_id);
Status SaveReportingConfig(db::Connection& connection, std::int64_t exercise_id, const ReportingConfig& config);

}  // namespace enshu::world
