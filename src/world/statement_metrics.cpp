#include "world/statement_metrics.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace enshu::world {
namespace {

constexpr std::string_view kOrganisations =
    "SELECT id, name, sector_code, participation_mode FROM organisation WHERE exercise_id = $1 ORDER BY name, id";
constexpr std::string_view kPublished =
    "SELECT organisation_id, published_at_us, published_scenario_minutes FROM statement "
    "WHERE exercise_id = $1 AND state IN ('published', 'withdrawn') AND published_at_us IS NOT NULL";
constexpr std::string_view kReleases =
    "SELECT inject_id, scenario_minutes, released_at_us FROM inject_release WHERE exercise_id = $1 "
    "ORDER BY released_at_us, id";
constexpr std::string_view kAdhocObjectives = "SELECT inject_id, objectives FROM adhoc_inject WHERE exercise_id = $1";

const std::vector<std::string>& Modes() {
    static const std::vector<std::string> modes = {"venue", "online", "simulated"};
    return modes;
}

void AddTriggerInjects(const std::vector<scenario::Inject>& injects, std::set<std::string>& ids) {
    for (const scenario::Inject& inject : injects) {
        if (std::find(inject.objectives.begin(), inject.objectives.end(), kStatementObjective) !=
            inject.objectives.end()) {
            ids.insert(inject.id);
        }
    }
}

nlohmann::json Optional(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

StatementMetrics AggregateStatementMetrics(std::vector<OrganisationPosting> organisations,
                                           const std::vector<PublishedStatementRow>& statements,
                                           const std::optional<StatementTrigger>& trigger) {
    StatementMetrics metrics;
    metrics.trigger = trigger;
    std::map<std::int64_t, OrganisationPosting*> by_id;
    for (OrganisationPosting& organisation : organisations) by_id[organisation.organisation_id] = &organisation;
    for (const PublishedStatementRow& row : statements) {
        auto found = by_id.find(row.organisation_id);
        if (found == by_id.end()) continue;
        OrganisationPosting& organisation = *found->second;
        ++organisation.statements;
        if (trigger && row.published_at_us < trigger->released_at_us) continue;
        if (!organisation.first_published_at_us || row.published_at_us < *organisation.first_published_at_us) {
            organisation.first_published_at_us = row.published_at_us;
            organisation.first_published_scenario_minutes = row.scenario_minutes;
        }
    }
    for (const std::string& mode : Modes()) metrics.by_mode.push_back({mode, 0, 0});
    for (OrganisationPosting& organisation : organisations) {
        if (trigger && organisation.first_published_at_us) {
            organisation.wall_minutes_from_trigger =
                static_cast<double>(*organisation.first_published_at_us - trigger->released_at_us) / 60e6;
            if (organisation.first_published_scenario_minutes) {
                organisation.scenario_minutes_from_trigger =
                    *organisation.first_published_scenario_minutes - trigger->scenario_minutes;
            }
        }
        ++metrics.organisations_total;
        if (organisation.statements > 0) ++metrics.organisations_posted;
        for (ModePosting& mode : metrics.by_mode) {
            if (mode.mode != organisation.mode) continue;
            ++mode.total;
            if (organisation.statements > 0) ++mode.posted;
        }
    }
    metrics.organisations = std::move(organisations);
    return metrics;
}

Result<StatementMetrics> ComputeStatementMetrics(db::Database& database, std::int64_t exercise_id,
                                                 const scenario::ExerciseScenario& snapshot) {
    std::set<std::string> trigger_ids;
    AddTriggerInjects(snapshot.master.injects, trigger_ids);
    for (const auto& [sector, overlay] : snapshot.sector_overlays) AddTriggerInjects(overlay.added, trigger_ids);
    for (const auto& [organisation, overlay] : snapshot.organisation_overlays) {
        AddTriggerInjects(overlay.added, trigger_ids);
    }
    std::vector<OrganisationPosting> organisations;
    std::vector<PublishedStatementRow> statements;
    std::optional<StatementTrigger> trigger;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto adhoc = connection.Query(kAdhocObjectives, {exercise_id});
        if (!adhoc) return tl::unexpected(adhoc.error());
        for (const db::Row& row : *adhoc) {
            auto objectives = nlohmann::json::parse(row.Text(1), nullptr, false);
            if (!objectives.is_array()) continue;
            for (const auto& objective : objectives) {
                if (objective.is_number_integer() && objective.get<int>() == kStatementObjective) {
                    trigger_ids.insert(row.Text(0));
                }
            }
        }
        auto releases = connection.Query(kReleases, {exercise_id});
        if (!releases) return tl::unexpected(releases.error());
        for (const db::Row& row : *releases) {
            if (trigger_ids.count(row.Text(0)) == 0) continue;
            trigger = StatementTrigger{row.Text(0), row.Real(1), row.Int(2)};
            break;
        }
        auto rows = connection.Query(kOrganisations, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            OrganisationPosting organisation;
            organisation.organisation_id = row.Int(0);
            organisation.name = row.Text(1);
            organisation.sector_code = row.Text(2);
            organisation.mode = row.Text(3);
            organisations.push_back(std::move(organisation));
        }
        auto published = connection.Query(kPublished, {exercise_id});
        if (!published) return tl::unexpected(published.error());
        for (const db::Row& row : *published) {
            PublishedStatementRow statement{row.Int(0), row.Int(1), std::nullopt};
            if (!row.IsNull(2)) statement.scenario_minutes = row.Real(2);
            statements.push_back(statement);
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return AggregateStatementMetrics(std::move(organisations), statements, trigger);
}

nlohmann::json StatementMetricsJson(const StatementMetrics& metrics) {
    nlohmann::json by_mode = nlohmann::json::array();
    for (const ModePosting& mode : metrics.by_mode) {
        by_mode.push_back({{"mode", mode.mode}, {"posted", mode.posted}, {"total", mode.total}});
    }
    nlohmann::json organisations = nlohmann::json::array();
    for (const OrganisationPosting& organisation : metrics.organisations) {
        organisations.push_back(
            {{"organisation_id", organisation.organisation_id},
             {"name", organisation.name},
             {"sector_code", organisation.sector_code},
             {"participation_mode", organisation.mode},
             {"statements", organisation.statements},
             {"first_published_at_us", organisation.first_published_at_us
                                           ? nlohmann::json(*organisation.first_published_at_us)
                                           : nlohmann::json(nullptr)},
             {"scenario_minutes_from_trigger", Optional(organisation.scenario_minutes_from_trigger)},
             {"wall_minutes_from_trigger", Optional(organisation.wall_minutes_from_trigger)}});
    }
    nlohmann::json trigger = nullptr;
    if (metrics.trigger) {
        trigger = {{"inject_id", metrics.trigger->inject_id},
                   {"scenario_minutes", metrics.trigger->scenario_minutes},
                   {"released_at_us", metrics.trigger->released_at_us}};
    }
    return {{"trigger", trigger},
            {"organisations_posted", metrics.organisations_posted},
            {"organisations_total", metrics.organisations_total},
            {"by_mode", by_mode},
            {"organisations", organisations}};
}

}  // namespace enshu::world
