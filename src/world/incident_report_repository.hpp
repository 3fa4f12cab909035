#pragma once

// Storage of incident reports (table incident_report of migration 0008); their
// deliveries are desk_case rows of kind 'report'. Functions run inside the caller's
// transaction.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "db/database.hpp"
#include "world/desk_time.hpp"

namespace enshu::world {

struct NewReport {
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
    std::optional<std::int64_t> incident_id;  // nullopt for a first report (it starts the incident)
    std::string stage;
    std::map<std::string, std::string> fields;
    std::optional<std::int64_t> attachment_id;
    std::int64_t person_id = 0;
    std::int64_t user_id = 0;
};

// Answers the report id (a first report's incident id is its own id).
Result<std::int64_t> InsertReport(db::Connection& connection, const NewReport& report, const DeskStamp& stamp);

struct IncidentFacts {
    std::int64_t organisation_id = 0;
    bool has_final = false;
};
// The incident (its first report's id) in the exercise; nullopt when there is none.
Result<std::optional<IncidentFacts>> LoadIncident(db::Connection& connection, std::int64_t exercise_id,
                                                  std::int64_t incident_id);

// {"id","incident_id","stage","organisation_id","fields":{...},"attachment":{id,url}|null,"created_at"...,
//  "deliveries":[{"case_id","recipient_code","delivery_order","desk":{id,name},"state"}]}.
// kNotFound "report_id" when absent.
Result<nlohmann::json> LoadReportJson(db::Connection& connection, std::int64_t exercise_id, std::int64_t report_id);

// The reports of one organisation, newest first (at most 500).
Result<nlohmann::json> ListOrganisationReports(db::Connection& connection, std::int64_t exercise_id,
                                               std::int64_t organisation_id);

}  // namespace enshu::world
