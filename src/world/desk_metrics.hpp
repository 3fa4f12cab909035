#pragma once

// Counts of the desks and of incident reporting for the results report (plain structs;
// the report module renders them):
// - inquiries per desk, per category (by category code), per sector;
// - minutes from an inquiry's arrival to its first reply (reply, ask-back or
//   acknowledgement): median and 90th percentile over the replied inquiries, with the
//   number of inquiries and of replied ones. Median: the middle value, or the mean of
//   the two middle values for an even count. P90: nearest-rank method — the value at
//   rank ceil(0.9 × n) of the ascending list (1-based), so it is always an observed value;
//   both are absent when nothing was replied;
// - report deliveries per recipient (one report to three recipients counts once for each);
// - per organisation, minutes from its triggering inject to its first incident report at
//   or after it. The triggering inject of an organisation is the earliest released inject
//   that reached it (its audience matched the organisation) and exercises verification
//   objective 4 or 5 (sharing with ministry/CEPTOAR, with IPA/JPCERT-CC); without one the
//   minutes are absent (as they are without a report at or after the trigger);
// - the share of organisations that sent at least one report: numerator and denominator
//   (every organisation of the exercise); the percentage is left to the report's rounding.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::world {

struct CountRow {
    std::string key;  // desk id, category code, sector code or recipient code
    std::string label_ja;
    std::string label_en;
    std::int64_t count = 0;
};

struct ReplyTimes {
    std::int64_t cases = 0;
    std::int64_t replied = 0;
    std::optional<double> median_minutes;
    std::optional<double> p90_minutes;
};

struct OrganisationReportTime {
    std::int64_t organisation_id = 0;
    std::string name;
    std::string sector_code;
    std::optional<std::string> trigger_inject_id;
    std::optional<std::int64_t> trigger_at_us;
    std::optional<std::int64_t> first_report_at_us;  // the first report at or after the trigger
    std::optional<double> minutes;
};

struct DeskMetrics {
    std::vector<CountRow> inquiries_per_desk;
    std::vector<CountRow> inquiries_per_category;
    std::vector<CountRow> inquiries_per_sector;
    ReplyTimes inquiry_first_reply;
    std::vector<CountRow> reports_per_recipient;
    std::vector<OrganisationReportTime> time_to_first_report;  // every organisation, by name
    std::int64_t organisations_reported = 0;
    std::int64_t organisations_total = 0;
    std::int64_t partner_notices = 0;
};

// Pure helpers (documented above); nullopt for an empty list.
std::optional<double> MedianOf(std::vector<double> values);
std::optional<double> NearestRankPercentile(std::vector<double> values, int percentile);

Result<DeskMetrics> ComputeDeskMetrics(db::Database& database, std::int64_t exercise_id);
nlohmann::json DeskMetricsJson(const DeskMetrics& metrics);

}  // namespace enshu::world
