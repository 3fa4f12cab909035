#include "world/incident_report_fields.hpp"

#include <algorithm>

namespace enshu::world {

const std::vector<ReportField>& ReportFields() {
    static const std::vector<ReportField> fields = {
        {"occurred_at", FieldTier::kCore, "発生日時", "When it occurred"},
        {"summary", FieldTier::kCore, "事象の概要", "Summary of the incident"},
        {"service_impact", FieldTier::kCore, "重要インフラサービスへの影響", "Impact on the critical service"},
        {"status", FieldTier::kCore, "対応状況", "Response status"},
        {"detected_at", FieldTier::kExtra, "検知日時", "When it was detected"},
        {"affected_systems", FieldTier::kExtra, "影響を受けたシステム", "Affected systems"},
        {"cause", FieldTier::kExtra, "原因（推定を含む）", "Cause (incl. presumed)"},
        {"personal_data", FieldTier::kExtra, "個人情報漏えいの有無", "Personal data leaked?"},
        {"countermeasures", FieldTier::kExtra, "実施済みの対策", "Countermeasures taken"},
        {"recovery_outlook", FieldTier::kExtra, "復旧の見込み", "Recovery outlook"},
        {"public_announcement", FieldTier::kExtra, "公表の有無・予定", "Public announcement (done / planned)"},
        {"attack_indicators", FieldTier::kExtra, "攻撃の痕跡（IoC 等）", "Attack indicators (IoCs)"},
        {"police_consultation", FieldTier::kExtra, "被害届・相談の意向", "Intention to file a report with the police"},
        {"contact", FieldTier::kExtra, "担当者連絡先", "Contact person"},
        {"other", FieldTier::kExtra, "その他", "Other"},
    };
    return fields;
}

const ReportField* FindReportField(std::string_view code) {
    const auto& fields = ReportFields();
    auto found =
        std::find_if(fields.begin(), fields.end(), [&](const ReportField& field) { return field.code == code; });
    return found == fields.end() ? nullptr : &*found;
}

const std::vector<ReportRecipient>& ReportRecipients() {
    static const std::vector<ReportRecipient> recipients = {
        {"ministry", "所管省庁", "Ministry"}, {"ceptoar", "セプター", "CEPTOAR"}, {"ipa", "IPA", "IPA"},
        {"jpcert", "JPCERT/CC", "JPCERT/CC"}, {"npa", "警察", "Police"},
    };
    return recipients;
}

bool IsReportRecipient(std::string_view code) {
    const auto& recipients = ReportRecipients();
    return std::any_of(recipients.begin(), recipients.end(),
                       [&](const ReportRecipient& recipient) { return recipient.code == code; });
}

bool IsReportStage(std::string_view stage) { return stage == "first" || stage == "follow_up" || stage == "final"; }

}  // namespace enshu::world
