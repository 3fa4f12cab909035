#pragma once

// Counts of the PR site for the results report (used by src/report) and the organiser:
//   - organisations that posted (published at least one statement, withdrawn ones
//     included) per participation mode, as posted / total in that mode;
//   - statements per organisation;
//   - per organisation, the time from the triggering inject to its first statement
//     published at or after it.
// The triggering inject is the first inject released in the exercise (scheduled, manual
// or ad hoc, by release time) that exercises verification objective 9 (communication to
// service users, DOMAIN.md §3.2) — in the master scenario, an overlay's added injects or
// an ad-hoc inject. Without one, the times are null.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "scenario/scenario_store.hpp"

namespace enshu::world {

inline constexpr int kStatementObjective = 9;

struct StatementTrigger {
    std::string inject_id;
    double scenario_minutes = 0;
    std::int64_t released_at_us = 0;
};

struct ModePosting {
    std::string mode;  // venue, online, simulated
    int posted = 0;
    int total = 0;
};

struct OrganisationPosting {
    std::int64_t organisation_id = 0;
    std::string name;
    std::string sector_code;
    std::string mode;
    int statements = 0;  // published at least once (withdrawn included); drafts do not count
    std::optional<std::int64_t> first_published_at_us;  // first at or after the trigger (any without one)
    std::optional<double> first_published_scenario_minutes;
    std::optional<double> scenario_minutes_from_trigger;  // scenario time, when both are stamped
    std::optional<double> wall_minutes_from_trigger;
};

struct StatementMetrics {
    std::optional<StatementTrigger> trigger;
    std::vector<ModePosting> by_mode;                // venue, online, simulated (every mode, also with 0)
    std::vector<OrganisationPosting> organisations;  // by name
    int organisations_posted = 0;
    int organisations_total = 0;
};

// Inputs of the pure aggregation (one row per published statement).
struct PublishedStatementRow {
    std::int64_t organisation_id = 0;
    std::int64_t published_at_us = 0;
    std::optional<double> scenario_minutes;
};

StatementMetrics AggregateStatementMetrics(std::vector<OrganisationPosting> organisations,
                                           const std::vector<PublishedStatementRow>& statements,
                                           const std::optional<StatementTrigger>& trigger);

// Reads organisations, statements and releases of the exercise and aggregates them.
Result<StatementMetrics> ComputeStatementMetrics(db::Database& database, std::int64_t exercise_id,
                                                 const scenario::ExerciseScenario& snapshot);

nlohmann::json StatementMetricsJson(const StatementMetrics& metrics);

}  // namespace enshu::world
