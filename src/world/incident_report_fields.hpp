#pragma once

// The fixed catalogue of incident-report fields (情報共有の報告項目) and recipients.
// The core fields are required in every report; the extras are optional unless a
// recipient the report is addressed to requires them (configured per exercise:
// world/incident_report_config.hpp). Labels are data (shown by the UI in its language).
// Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace enshu::world {

enum class FieldTier { kCore, kExtra };

struct ReportField {
    std::string code;
    FieldTier tier = FieldTier::kExtra;
    std::string label_ja;
    std::string label_en;
};

// Core: occurred_at, summary, service_impact, status. Extras: detected_at,
// affected_systems, cause, personal_data, countermeasures, recovery_outlook,
// public_announcement, attack_indicators, police_consultation, contact, other.
const std::vector<ReportField>& ReportFields();
const ReportField* FindReportField(std::string_view code);

// Recipients of incident reports: the organisation's ministry, its sector's CEPTOAR,
// IPA, JPCERT/CC, the police (NPA).
struct ReportRecipient {
    std::string code;  // ministry, ceptoar, ipa, jpcert, npa
    std::string label_ja;
    std::string label_en;
};
const std::vector<ReportRecipient>& ReportRecipients();
bool IsReportRecipient(std::string_view code);

// Report stages: first (第一報), follow_up (続報), final (最終報).
bool IsReportStage(std::string_view stage);

inline constexpr std::size_t kMaxReportFieldCharacters = 4000;

}  // namespace enshu::world
