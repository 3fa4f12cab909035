#pragma once

// Incident reports (情報共有): one form, addressed at once to several recipients, in
// stages first / follow_up / final (第一報・続報・最終報) linked by incident. Submitting
// validates the core fields and every chosen recipient's required fields
// (incident_report_config.hpp), stores the report, and delivers it as one case per
// recipient in the configured priority order (delivery_order 1, 2, ...; the
// "case.created" events are appended in that order, so their sequence numbers reflect
// it). Ministry and CEPTOAR desks are created on first use. Audited
// ("incident_report.create"); rate-limited like inquiries. Thread-safe: no state.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"
#include "world/incident_report_config.hpp"
#include "world/queue_scope.hpp"

namespace enshu::world {

struct ReportInput {
    std::string stage;                        // first, follow_up, final
    std::optional<std::int64_t> incident_id;  // required for follow_up and final
    std::vector<std::string> recipients;      // 1..5 recipient codes
    std::string urgency = "normal";
    std::map<std::string, std::string> fields;  // field code -> text (0..4000 characters)
    std::optional<std::int64_t> attachment_id;  // a file of the organisation (world/attachment_store.hpp)
};

// Shape checks only (field names "stage", "incident_id", "recipients", "fields.<code>").
Result<ReportInput> ParseReportInput(const nlohmann::json& body);

// Required-field rules against the configuration: every core field, and every field
// required by a chosen recipient, must be non-blank. kInvalidArgument naming the first
// missing "fields.<code>" (the message names the recipient that requires it).
Status CheckRequiredFields(const ReportInput& input, const ReportingConfig& config);

class IncidentReportService {
  public:
    IncidentReportService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                          const live::EventLog& events, live::ScenarioSource& scenarios);

    // `viewer` must be an organisation person. Errors: kNotFound "incident_id" (not an
    // incident of the organisation); kConflict "incident_id" after its final report;
    // kInvalidArgument for missing fields; kRateLimited "rate_limit". Answers the report
    // JSON (incident_report_repository.hpp LoadReportJson).
    Result<nlohmann::json> Submit(const QueueViewer& viewer, const ReportInput& input, const audit::Actor& actor);

    Result<ReportingConfig> Config(std::int64_t exercise_id);
    // Organiser only (checked by the handler); audited "reporting_config.update".
    Status SaveConfig(std::int64_t exercise_id, const ReportingConfig& config, const audit::Actor& actor);

    // For an organisation person: the desk names its recipients resolve to
    // {"ministry":{"ja","en"},"ceptoar":{...},"ipa":{...},...}; null for staff.
    Result<nlohmann::json> RecipientDeskNames(const QueueViewer& viewer);

    // The reports of the viewer's organisation (organisation people), newest first.
    Result<nlohmann::json> ListOwn(const QueueViewer& viewer);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
    live::ScenarioSource& scenarios_;
};

}  // namespace enshu::world
