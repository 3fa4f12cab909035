#include "report/world_activity.hpp"

#include "scenario/scenario_store.hpp"
#include "world/desk_metrics.hpp"
#include "world/statement_metrics.hpp"

namespace enshu::report {
namespace {

// Each inquiry of the exercise with its organisation and the time to its first reply
// (world desks, migration 0008); the desk metrics give only totals.
constexpr std::string_view kInquiries =
    "SELECT organisation_id, first_reply_at_us - created_at_us FROM desk_case "
    "WHERE exercise_id = $1 AND kind = 'inquiry'";

std::vector<LabelledCount> Counts(const std::vector<world::CountRow>& rows) {
    std::vector<LabelledCount> counts;
    for (const world::CountRow& row : rows) counts.push_back({row.key, {row.label_ja, row.label_en}, row.count});
    return counts;
}

}  // namespace

Result<WorldActivity> LoadWorldActivity(db::Database& database, const audit::AuditLog& audit, const Clock& clock,
                                        std::int64_t exercise_id) {
    scenario::ScenarioStore store(database, audit, clock);
    auto snapshot = store.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    auto statements = world::ComputeStatementMetrics(database, exercise_id, **snapshot);
    if (!statements) return tl::unexpected(statements.error());
    auto desks = world::ComputeDeskMetrics(database, exercise_id);
    if (!desks) return tl::unexpected(desks.error());
    WorldActivity activity;
    for (const world::OrganisationPosting& posting : statements->organisations) {
        OrganisationWorldActivity& own = activity.by_organisation[posting.organisation_id];
        own.statements = posting.statements;
        own.minutes_to_first_statement = posting.wall_minutes_from_trigger;
    }
    for (const world::OrganisationReportTime& time : desks->time_to_first_report) {
        OrganisationWorldActivity& own = activity.by_organisation[time.organisation_id];
        own.minutes_to_first_report = time.minutes;
    }
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kInquiries, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            OrganisationWorldActivity& own = activity.by_organisation[row.Int(0)];
            ++own.inquiries;
            if (!row.IsNull(1)) own.inquiry_reply_us.push_back(row.Int(1));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    activity.inquiries_per_desk = Counts(desks->inquiries_per_desk);
    activity.inquiries_per_sector = Counts(desks->inquiries_per_sector);
    activity.reports_per_recipient = Counts(desks->reports_per_recipient);
    activity.inquiries = desks->inquiry_first_reply.cases;
    activity.inquiries_replied = desks->inquiry_first_reply.replied;
    activity.median_minutes_to_reply = desks->inquiry_first_reply.median_minutes;
    activity.p90_minutes_to_reply = desks->inquiry_first_reply.p90_minutes;
    activity.organisations_reported = desks->organisations_reported;
    activity.organisations_total = desks->organisations_total;
    return activity;
}

}  // namespace enshu::report
