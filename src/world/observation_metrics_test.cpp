// Rating summaries for the report, and the observation service's upsert and
// validation, on a real (in-memory) database.

#include "world/observation_metrics.hpp"

#include <gtest/gtest.h>

#include "exercise/exercise_test_support.hpp"
#include "world/announcement_service.hpp"
#include "world/observation_service.hpp"

namespace enshu::world {
namespace {

TEST(RatingSummaryTest, CountsMeanExtremesAndDistribution) {
    RatingSummary summary;
    for (int rating : {4, 2, 5, 4, 0, 6}) AddRating(summary, rating);  // 0 and 6 are ignored
    EXPECT_EQ(summary.count, 4);
    EXPECT_DOUBLE_EQ(summary.mean, 3.75);
    EXPECT_EQ(summary.minimum, 2);
    EXPECT_EQ(summary.maximum, 5);
    EXPECT_EQ(summary.distribution, (std::array<int, 5>{0, 1, 0, 2, 1}));
}

class ObservationTest : public exercise::testing::ExerciseTest {
  protected:
    ObservationService Observations() { return ObservationService(*database_, clock_, audit_); }
    // Every inject counts as released, except "unreleased".
    static Result<bool> Released(db::Connection&, std::int64_t, std::int64_t, const std::string& inject_id) {
        return inject_id != "unreleased";
    }
};

TEST_F(ObservationTest, OneRatingPerObserverIsEditedAndSummarisedPerInjectAndOrganisation) {
    const auto a = AddOrganisation("電力A", "electricity");
    const auto b = AddOrganisation("銀行B", "finance");
    const auto observer = StaffPrincipal("observer", false).user_id;
    const auto evaluator = StaffPrincipal("evaluator", false).user_id;
    auto first = Observations().Save(exercise_id_, observer, "observer", {a, "i1", 2, "遅い"}, &Released, actor_);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_TRUE(first->second);
    auto edited = Observations().Save(exercise_id_, observer, "observer", {a, "i1", 3, "改善"}, &Released, actor_);
    ASSERT_TRUE(edited);
    EXPECT_FALSE(edited->second);
    EXPECT_EQ(edited->first.id, first->first.id);
    ASSERT_TRUE(Observations().Save(exercise_id_, evaluator, "evaluator", {a, "i1", 5, ""}, &Released, actor_));
    ASSERT_TRUE(Observations().Save(exercise_id_, evaluator, "evaluator", {b, "i1", 4, "良好"}, &Released, actor_));
    ASSERT_TRUE(Observations().Save(exercise_id_, evaluator, "evaluator", {b, "i2", 1, ""}, &Released, actor_));
    EXPECT_EQ(AuditCount("observation.create"), 4);
    EXPECT_EQ(AuditCount("observation.update"), 1);

    auto metrics = ComputeObservationMetrics(*database_, exercise_id_);
    ASSERT_TRUE(metrics) << metrics.error().message;
    EXPECT_EQ(metrics->overall.count, 4);
    ASSERT_EQ(metrics->by_inject_and_organisation.size(), 3u);
    // By inject, then organisation name (銀 U+9280 sorts before 電 U+96FB).
    EXPECT_EQ(metrics->by_inject_and_organisation[0].inject_id, "i1");
    EXPECT_EQ(metrics->by_inject_and_organisation[0].organisation_id, b);
    EXPECT_EQ(metrics->by_inject_and_organisation[2].inject_id, "i2");
    const auto& pair_a = metrics->by_inject_and_organisation[1];
    EXPECT_EQ(pair_a.inject_id, "i1");
    EXPECT_EQ(pair_a.organisation_id, a);
    EXPECT_EQ(pair_a.summary.count, 2);
    EXPECT_DOUBLE_EQ(pair_a.summary.mean, 4.0);
    EXPECT_EQ(pair_a.comments, std::vector<std::string>{"改善"});
    ASSERT_EQ(metrics->by_inject.size(), 2u);
    EXPECT_EQ(metrics->by_inject[0].summary.count, 3);
    ASSERT_EQ(metrics->by_organisation.size(), 2u);
    EXPECT_EQ(metrics->by_organisation[0].summary.count + metrics->by_organisation[1].summary.count, 4);
}

TEST_F(ObservationTest, RefusesBadInputUnknownOrganisationsAndUnreleasedInjects) {
    const auto a = AddOrganisation("電力A", "electricity");
    const auto observer = StaffPrincipal("observer", false).user_id;
    auto save = [&](ObservationInput input) {
        return Observations().Save(exercise_id_, observer, "observer", input, &Released, actor_);
    };
    EXPECT_EQ(save({a, "i1", 0, ""}).error().field, "rating");
    EXPECT_EQ(save({a, "i1", 6, ""}).error().field, "rating");
    EXPECT_EQ(save({a, "", 3, ""}).error().field, "inject_id");
    EXPECT_EQ(save({a, std::string(101, 'x'), 3, ""}).error().field, "inject_id");
    EXPECT_EQ(save({a, "i1", 3, std::string(4001, 'x')}).error().field, "comment");
    EXPECT_EQ(save({987654, "i1", 3, ""}).error().code, ErrorCode::kNotFound);
    auto unreleased = save({a, "unreleased", 3, ""});
    EXPECT_EQ(unreleased.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(unreleased.error().field, "inject_id");
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM observation"), 0);
}

TEST(AnnouncementValidationTest, NamesTheFieldOfEachProblem) {
    EXPECT_EQ(ValidateAnnouncement({"", "", "info", std::nullopt}).error().field, "message.ja");
    EXPECT_EQ(ValidateAnnouncement({std::string(1001, 'a'), "", "info", std::nullopt}).error().field, "message.ja");
    EXPECT_EQ(ValidateAnnouncement({"x", std::string(1001, 'a'), "info", std::nullopt}).error().field, "message.en");
    EXPECT_EQ(ValidateAnnouncement({"x", "", "urgent", std::nullopt}).error().field, "severity");
    EXPECT_EQ(ValidateAnnouncement({"x", "", "info", 0}).error().field, "expires_in_minutes");
    EXPECT_EQ(ValidateAnnouncement({"x", "", "info", 1441}).error().field, "expires_in_minutes");
    EXPECT_TRUE(ValidateAnnouncement({"あ", "", "critical", 1440}));
    Announcement a;
    a.expires_at_us = 100;
    EXPECT_TRUE(a.ActiveAt(99));
    EXPECT_FALSE(a.ActiveAt(100));
    a.expires_at_us.reset();
    a.withdrawn_at_us = 5;
    EXPECT_FALSE(a.ActiveAt(0));
}

}  // namespace
}  // namespace enshu::world
