#include "world/statement_metrics.hpp"

#include <gtest/gtest.h>

namespace enshu::world {
namespace {

OrganisationPosting Organisation(std::int64_t id, const std::string& mode) {
    OrganisationPosting organisation;
    organisation.organisation_id = id;
    organisation.name = "org" + std::to_string(id);
    organisation.mode = mode;
    return organisation;
}

constexpr std::int64_t kMinute = 60'000'000;

TEST(StatementMetricsTest, CountsPostingOrganisationsPerModeWithTheirDenominators) {
    std::vector<OrganisationPosting> organisations = {Organisation(1, "venue"), Organisation(2, "venue"),
                                                      Organisation(3, "venue"), Organisation(4, "online")};
    std::vector<PublishedStatementRow> statements = {
        {1, 10 * kMinute, 600.0}, {1, 20 * kMinute, 610.0}, {3, 15 * kMinute, std::nullopt}, {99, 1, std::nullopt}};
    StatementMetrics metrics = AggregateStatementMetrics(organisations, statements, std::nullopt);
    ASSERT_EQ(metrics.by_mode.size(), 3u);
    EXPECT_EQ(metrics.by_mode[0].mode, "venue");
    EXPECT_EQ(metrics.by_mode[0].posted, 2);
    EXPECT_EQ(metrics.by_mode[0].total, 3);
    EXPECT_EQ(metrics.by_mode[1].posted, 0);
    EXPECT_EQ(metrics.by_mode[1].total, 1);
    EXPECT_EQ(metrics.by_mode[2].total, 0);
    EXPECT_EQ(metrics.organisations_posted, 2);
    EXPECT_EQ(metrics.organisations_total, 4);
    EXPECT_EQ(metrics.organisations[0].statements, 2);
    EXPECT_EQ(metrics.organisations[1].statements, 0);
    EXPECT_FALSE(metrics.organisations[0].wall_minutes_from_trigger);  // no trigger, no time
}

TEST(StatementMetricsTest, TimeFromTheTriggerCountsTheFirstStatementAtOrAfterIt) {
    std::vector<OrganisationPosting> organisations = {Organisation(1, "venue"), Organisation(2, "online"),
                                                      Organisation(3, "venue")};
    const StatementTrigger trigger{"i9", 600.0, 100 * kMinute};
    std::vector<PublishedStatementRow> statements = {
        {1, 90 * kMinute, 590.0},   // before the trigger: counted as a statement, not as the response
        {1, 130 * kMinute, 660.0},  // 30 wall minutes, 60 scenario minutes later
        {1, 110 * kMinute, 620.0},  // the first after the trigger: 10 wall, 20 scenario minutes
        {2, 100 * kMinute, std::nullopt}};
    StatementMetrics metrics = AggregateStatementMetrics(organisations, statements, trigger);
    ASSERT_TRUE(metrics.trigger);
    EXPECT_EQ(metrics.organisations[0].statements, 3);
    EXPECT_DOUBLE_EQ(*metrics.organisations[0].wall_minutes_from_trigger, 10.0);
    EXPECT_DOUBLE_EQ(*metrics.organisations[0].scenario_minutes_from_trigger, 20.0);
    EXPECT_DOUBLE_EQ(*metrics.organisations[1].wall_minutes_from_trigger, 0.0);
    EXPECT_FALSE(metrics.organisations[1].scenario_minutes_from_trigger);  // published before the clock started
    EXPECT_FALSE(metrics.organisations[2].wall_minutes_from_trigger);
}

}  // namespace
}  // namespace enshu::world
