#include "world/incident_report_service.hpp"

#include <algorithm>
#include <set>

#include "exercise/field_validation.hpp"
#include "live/clock_repository.hpp"
#include "world/attachment_store.hpp"
#include "world/desk_model.hpp"
#include "world/desk_repository.hpp"
#include "world/incident_report_fields.hpp"
#include "world/incident_report_repository.hpp"
#include "world/queue_events.hpp"
#include "world/queue_rate_limit.hpp"
#include "world/queue_repository.hpp"

namespace enshu::world {
namespace {

constexpr std::size_t kSubjectCharacters = 100;

// Blank: only spaces (also the ideographic space U+3000, bytes E3 80 80), tabs, line breaks.
bool IsBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n\xE3\x80") == std::string::npos; }

std::string RecipientLabel(const std::string& code) {
    for (const auto& recipient : ReportRecipients()) {
        if (recipient.code == code) return recipient.label_en;
    }
    return code;
}

// The desk a recipient code addresses for this organisation.
std::pair<DeskKind, std::string> DeskOfRecipient(const std::string& code, const OrganisationFacts& organisation) {
    if (code == "ministry") return {DeskKind::kMinistry, organisation.ministry_code};
    if (code == "ceptoar") return {DeskKind::kCeptoar, organisation.sector_code};
    return {DeskKind::kAgency, code};
}

}  // namespace

Result<ReportInput> ParseReportInput(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    if (auto s = exercise::RejectUnknownMembers(
            body, {"stage", "incident_id", "recipients", "urgency", "fields", "attachment_id"}, {});
        !s) {
        return tl::unexpected(s.error());
    }
    ReportInput input;
    auto stage = exercise::OptionalString(body, "stage", "stage");
    if (!stage) return tl::unexpected(stage.error());
    input.stage = stage->value_or("");
    if (!IsReportStage(input.stage)) {
        return Fail(ErrorCode::kInvalidArgument, "stage must be first, follow_up or final", "stage");
    }
    auto incident = exercise::OptionalInteger(body, "incident_id", "incident_id");
    if (!incident) return tl::unexpected(incident.error());
    input.incident_id = *incident;
    if (input.stage != "first" && !input.incident_id) {
        return Fail(ErrorCode::kInvalidArgument, "incident_id is required for a follow-up or final report",
                    "incident_id");
    }
    if (input.stage == "first" && input.incident_id) {
        return Fail(ErrorCode::kInvalidArgument, "a first report starts a new incident: leave incident_id out",
                    "incident_id");
    }
    auto urgency = exercise::OptionalString(body, "urgency", "urgency");
    if (!urgency) return tl::unexpected(urgency.error());
    input.urgency = urgency->value_or("normal");
    if (input.urgency != "low" && input.urgency != "normal" && input.urgency != "high") {
        return Fail(ErrorCode::kInvalidArgument, "urgency must be low, normal or high", "urgency");
    }
    auto attachment = exercise::OptionalInteger(body, "attachment_id", "attachment_id");
    if (!attachment) return tl::unexpected(attachment.error());
    input.attachment_id = *attachment;
    auto recipients = body.find("recipients");
    if (recipients == body.end() || !recipients->is_array() || recipients->empty() ||
        recipients->size() > ReportRecipients().size()) {
        return Fail(ErrorCode::kInvalidArgument, "recipients: choose 1 to 5 recipients", "recipients");
    }
    std::set<std::string> seen;
    for (const auto& recipient : *recipients) {
        if (!recipient.is_string() || !IsReportRecipient(recipient.get<std::string>())) {
            return Fail(ErrorCode::kInvalidArgument, "recipients: each must be ministry, ceptoar, ipa, jpcert or npa",
                        "recipients");
        }
        if (!seen.insert(recipient.get<std::string>()).second) {
            return Fail(ErrorCode::kInvalidArgument, "recipients: a recipient is listed twice", "recipients");
        }
        input.recipients.push_back(recipient.get<std::string>());
    }
    auto fields = body.find("fields");
    if (fields == body.end() || !fields->is_object()) {
        return Fail(ErrorCode::kInvalidArgument, "fields: an object of field texts is required", "fields");
    }
    for (const auto& [code, value] : fields->items()) {
        const std::string name = "fields." + code;
        if (FindReportField(code) == nullptr) {
            return Fail(ErrorCode::kInvalidArgument, name + ": not a report field", name);
        }
        if (value.is_null()) continue;
        if (!value.is_string()) return Fail(ErrorCode::kInvalidArgument, name + ": expected text", name);
        const std::string text = value.get<std::string>();
        if (auto error =
                exercise::CheckText(text, name, 0, kMaxReportFieldCharacters, exercise::TextLines::kMultiple)) {
            return tl::unexpected(*error);
        }
        input.fields[code] = text;
    }
    return input;
}

Status CheckRequiredFields(const ReportInput& input, const ReportingConfig& config) {
    const auto missing = [&](const std::string& code) {
        auto found = input.fields.find(code);
        return found == input.fields.end() || IsBlank(found->second);
    };
    for (const auto& field : ReportFields()) {
        if (field.tier == FieldTier::kCore && missing(field.code)) {
            return Fail(ErrorCode::kInvalidArgument, "fields." + field.code + ": required in every report",
                        "fields." + field.code);
        }
    }
    // In priority order, so that the first message names the most important recipient.
    for (const auto& recipient : config.recipients) {
        if (std::find(input.recipients.begin(), input.recipients.end(), recipient.code) == input.recipients.end()) {
            continue;
        }
        for (const auto& code : recipient.required_fields) {
            if (missing(code)) {
                return Fail(ErrorCode::kInvalidArgument,
                            "fields." + code + ": required by " + RecipientLabel(recipient.code), "fields." + code);
            }
        }
    }
    return Ok();
}

IncidentReportService::IncidentReportService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                             const live::EventLog& events, live::ScenarioSource& scenarios)
    : database_(database), clock_(clock), audit_(audit), events_(events), scenarios_(scenarios) {}

Result<nlohmann::json> IncidentReportService::Submit(const QueueViewer& viewer, const ReportInput& input,
                                                     const audit::Actor& actor) {
    if (viewer.role != ViewerRole::kOrganisation || !viewer.organisation_id || !viewer.person_id) {
        return Fail(ErrorCode::kForbidden, "only organisation people send incident reports");
    }
    auto snapshot = scenarios_.Load(viewer.exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    nlohmann::json answer;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto config = LoadReportingConfig(connection, viewer.exercise_id);
        if (!config) return tl::unexpected(config.error());
        if (auto s = CheckRequiredFields(input, *config); !s) return s;
        auto organisation = LoadOrganisationFacts(connection, viewer.exercise_id, *viewer.organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        if (input.incident_id) {
            auto incident = LoadIncident(connection, viewer.exercise_id, *input.incident_id);
            if (!incident) return tl::unexpected(incident.error());
            if (!*incident || (*incident)->organisation_id != organisation->id) {
                return Fail(ErrorCode::kNotFound, "no such incident of your organisation", "incident_id");
            }
            if ((*incident)->has_final) {
                return Fail(ErrorCode::kConflict, "the incident already has its final report", "incident_id");
            }
        }
        const std::int64_t now_us = live::MicrosOf(clock_.Now());
        if (auto s = CheckSubmissionRate(connection, viewer.user_id, now_us); !s) return s;
        auto stamp = StampAt(connection, viewer.exercise_id, (*snapshot)->master.scenes, now_us);
        if (!stamp) return tl::unexpected(stamp.error());
        if (input.attachment_id) {
            AttachmentStore attachments(clock_, audit_);
            auto attachable =
                attachments.RequireAttachable(connection, viewer.exercise_id, *input.attachment_id, organisation->id);
            if (!attachable) return tl::unexpected(attachable.error());
        }
        NewReport report{viewer.exercise_id, organisation->id,    input.incident_id, input.stage,
                         input.fields,       input.attachment_id, *viewer.person_id, viewer.user_id};
        auto report_id = InsertReport(connection, report, *stamp);
        if (!report_id) return tl::unexpected(report_id.error());

        std::vector<const RecipientConfig*> ordered;
        for (const auto& recipient : config->recipients) {
            if (std::find(input.recipients.begin(), input.recipients.end(), recipient.code) != input.recipients.end()) {
                ordered.push_back(&recipient);
            }
        }
        const std::string created_text = WallText(now_us);
        int order = 0;
        for (const RecipientConfig* recipient : ordered) {
            const auto [kind, code] = DeskOfRecipient(recipient->code, *organisation);
            auto desk = EnsureDesk(connection, viewer.exercise_id, kind, code, created_text);
            if (!desk) return tl::unexpected(desk.error());
            NewCase new_case;
            new_case.exercise_id = viewer.exercise_id;
            new_case.desk_id = desk->id;
            new_case.kind = CaseKind::kReport;
            new_case.organisation_id = organisation->id;
            new_case.report_id = *report_id;
            new_case.recipient_code = recipient->code;
            new_case.delivery_order = ++order;
            new_case.category = "report";
            new_case.urgency = input.urgency;
            new_case.subject = TruncateCharacters(input.fields.at("summary"), kSubjectCharacters);
            new_case.contact_name = viewer.label;
            if (auto contact = input.fields.find("contact"); contact != input.fields.end()) {
                new_case.contact_detail = TruncateCharacters(contact->second, 200);
            }
            new_case.person_id = *viewer.person_id;
            new_case.user_id = viewer.user_id;
            auto case_id = InsertCase(connection, new_case, *stamp);
            if (!case_id) return tl::unexpected(case_id.error());
            auto loaded = LoadCase(connection, viewer.exercise_id, *case_id);
            if (!loaded) return tl::unexpected(loaded.error());
            if (auto s = AppendCaseEvent(connection, events_, "case.created", *loaded, std::nullopt, now_us); !s) {
                return s;
            }
        }
        auto json = LoadReportJson(connection, viewer.exercise_id, *report_id);
        if (!json) return tl::unexpected(json.error());
        answer = std::move(*json);
        audit::AuditEntry entry{viewer.exercise_id,
                                "incident_report.create",
                                "incident_report",
                                std::to_string(*report_id),
                                nullptr,
                                {{"organisation_id", organisation->id},
                                 {"stage", input.stage},
                                 {"incident_id", answer["incident_id"]},
                                 {"recipients", input.recipients}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return answer;
}

Result<ReportingConfig> IncidentReportService::Config(std::int64_t exercise_id) {
    ReportingConfig config;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadReportingConfig(connection, exercise_id);
        if (!loaded) return tl::unexpected(loaded.error());
        config = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return config;
}

Status IncidentReportService::SaveConfig(std::int64_t exercise_id, const ReportingConfig& config,
                                         const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto before = LoadReportingConfig(connection, exercise_id);
        if (!before) return tl::unexpected(before.error());
        if (auto s = SaveReportingConfig(connection, exercise_id, config); !s) return s;
        audit::AuditEntry entry{exercise_id,
                                "reporting_config.update",
                                "exercise",
                                std::to_string(exercise_id),
                                ReportingConfigJson(*before)["recipients"],
                                ReportingConfigJson(config)["recipients"]};
        return audit_.Append(connection, actor, entry);
    });
}

Result<nlohmann::json> IncidentReportService::RecipientDeskNames(const QueueViewer& viewer) {
    if (viewer.role != ViewerRole::kOrganisation || !viewer.organisation_id) return nlohmann::json(nullptr);
    nlohmann::json names = nlohmann::json::object();
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto organisation = LoadOrganisationFacts(connection, viewer.exercise_id, *viewer.organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        for (const auto& recipient : ReportRecipients()) {
            const auto [kind, code] = DeskOfRecipient(recipient.code, *organisation);
            auto desk_names = ReferenceDeskNames(connection, kind, code);
            if (!desk_names) return tl::unexpected(desk_names.error());
            names[recipient.code] = {{"ja", desk_names->ja}, {"en", desk_names->en}};
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return names;
}

Result<nlohmann::json> IncidentReportService::ListOwn(const QueueViewer& viewer) {
    if (viewer.role != ViewerRole::kOrganisation || !viewer.organisation_id) {
        return Fail(ErrorCode::kForbidden, "only organisation people list their own reports");
    }
    nlohmann::json items;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto listed = ListOrganisationReports(connection, viewer.exercise_id, *viewer.organisation_id);
        if (!listed) return tl::unexpected(listed.error());
        items = std::move(*listed);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return items;
}

}  // namespace enshu::world
