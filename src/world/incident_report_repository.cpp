#include "world/incident_report_repository.hpp"

#include <string_view>

namespace enshu::world {
namespace {

constexpr std::string_view kInsertReport =
    "INSERT INTO incident_report (exercise_id, organisation_id, incident_id, stage, fields, created_by_person_id, "
    "created_by_user_id, created_at_us, scenario_minutes, attachment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
    "$10) RETURNING id";
constexpr std::string_view kSetOwnIncident = "UPDATE incident_report SET incident_id = id WHERE id = $1";
constexpr std::string_view kSelectIncident =
    "SELECT organisation_id, EXISTS (SELECT 1 FROM incident_report f WHERE f.exercise_id = $1 AND f.incident_id = $2 "
    "AND f.stage = 'final') FROM incident_report WHERE exercise_id = $1 AND id = $2 AND incident_id = id";
constexpr std::string_view kSelectReport =
    "SELECT id, incident_id, stage, organisation_id, fields, created_at_us, scenario_minutes, attachment_id "
    "FROM incident_report "
    "WHERE exercise_id = $1 AND id = $2";
constexpr std::string_view kSelectDeliveries =
    "SELECT c.id, c.recipient_code, c.delivery_order, d.id, d.name_ja, d.name_en, c.state, c.first_reply_at_us "
    "FROM desk_case c JOIN desk d ON d.id = c.desk_id WHERE c.report_id = $1 ORDER BY c.delivery_order";
constexpr std::string_view kSelectOrganisationReports =
    "SELECT id FROM incident_report WHERE exercise_id = $1 AND organisation_id = $2 ORDER BY id DESC LIMIT 500";

}  // namespace

Result<std::int64_t> InsertReport(db::Connection& connection, const NewReport& report, const DeskStamp& stamp) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [code, value] : report.fields) fields[code] = value;
    auto row = connection.QueryOne(
        kInsertReport, {report.exercise_id, report.organisation_id,
                        report.incident_id ? db::Value(*report.incident_id) : db::Value(std::int64_t{0}), report.stage,
                        fields.dump(), report.person_id, report.user_id, stamp.wall_us,
                        stamp.scenario_minutes ? db::Value(*stamp.scenario_minutes) : db::Value(),
                        report.attachment_id ? db::Value(*report.attachment_id) : db::Value()});
    if (!row) return tl::unexpected(row.error());
    const std::int64_t id = (*row)->Int(0);
    if (!report.incident_id) {
        if (auto updated = connection.Execute(kSetOwnIncident, {id}); !updated) return tl::unexpected(updated.error());
    }
    return id;
}

Result<std::optional<IncidentFacts>> LoadIncident(db::Connection& connection, std::int64_t exercise_id,
                                                  std::int64_t incident_id) {
    auto row = connection.QueryOne(kSelectIncident, {exercise_id, incident_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<IncidentFacts>();
    return std::optional<IncidentFacts>(IncidentFacts{(*row)->Int(0), (*row)->Int(1) != 0});
}

Result<nlohmann::json> LoadReportJson(db::Connection& connection, std::int64_t exercise_id, std::int64_t report_id) {
    auto row = connection.QueryOne(kSelectReport, {exercise_id, report_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such report", "report_id");
    const db::Row& report = **row;
    auto fields = nlohmann::json::parse(report.Text(4), nullptr, false);
    if (!fields.is_object()) fields = nlohmann::json::object();
    nlohmann::json json = {
        {"id", report.Int(0)},
        {"incident_id", report.Int(1)},
        {"stage", report.Text(2)},
        {"organisation_id", report.Int(3)},
        {"fields", std::move(fields)},
        {"attachment", report.IsNull(7) ? nlohmann::json(nullptr)
                                        : nlohmann::json({{"id", report.Int(7)},
                                                          {"url", "/api/exercises/" + std::to_string(exercise_id) +
                                                                      "/attachments/" + report.Text(7)}})}};
    AddStamp(json, "created", report.Int(5),
             report.IsNull(6) ? std::optional<double>() : std::optional<double>(report.Real(6)));
    auto deliveries = connection.Query(kSelectDeliveries, {report_id});
    if (!deliveries) return tl::unexpected(deliveries.error());
    nlohmann::json list = nlohmann::json::array();
    for (const db::Row& delivery : *deliveries) {
        list.push_back(
            {{"case_id", delivery.Int(0)},
             {"recipient_code", delivery.Text(1)},
             {"delivery_order", delivery.Int(2)},
             {"desk", {{"id", delivery.Int(3)}, {"name", {{"ja", delivery.Text(4)}, {"en", delivery.Text(5)}}}}},
             {"state", delivery.Text(6)},
             {"first_reply_at",
              delivery.IsNull(7) ? nlohmann::json(nullptr) : nlohmann::json(WallText(delivery.Int(7)))}});
    }
    json["deliveries"] = std::move(list);
    return json;
}

Result<nlohmann::json> ListOrganisationReports(db::Connection& connection, std::int64_t exercise_id,
                                               std::int64_t organisation_id) {
    auto rows = connection.Query(kSelectOrganisationReports, {exercise_id, organisation_id});
    if (!rows) return tl::unexpected(rows.error());
    nlohmann::json items = nlohmann::json::array();
    for (const db::Row& row : *rows) {
        auto report = LoadReportJson(connection, exercise_id, row.Int(0));
        if (!report) return tl::unexpected(report.error());
        items.push_back(std::move(*report));
    }
    return items;
}

}  // namespace enshu::world
