#include "exercise/demo_seed.hpp"

#include <gtest/gtest.h>

#include <set>

#include "exercise/demo_data.hpp"
#include "exercise/exercise_test_support.hpp"

namespace enshu::exercise {
namespace {

class DemoSeedTest : public testing::ExerciseTest {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(SetUpDatabase()); }
};

TEST(DemoDataTest, IsDeterministicAndCoversEverySectorModeAndSize) {
    const auto first = DemoOrganisations();
    const auto second = DemoOrganisations();
    ASSERT_EQ(first.size(), 60u);
    std::set<std::string> sectors, modes, sizes, regions, names, refs;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const auto& organisation = first[i].organisation;
        EXPECT_EQ(organisation.name, second[i].organisation.name);
        EXPECT_EQ(organisation.name.rfind("デモ", 0), 0u) << organisation.name;
        sectors.insert(organisation.sector_code);
        modes.insert(organisation.participation_mode);
        sizes.insert(organisation.size_band);
        regions.insert(organisation.region);
        names.insert(organisation.name);
        refs.insert(organisation.external_ref);
        ASSERT_GE(first[i].people.size(), 2u);
        ASSERT_LE(first[i].people.size(), 4u);
        EXPECT_EQ(first[i].people.front().role, "org_lead");
    }
    EXPECT_EQ(sectors.size(), 14u);
    EXPECT_EQ(modes.size(), 3u);
    EXPECT_EQ(sizes.size(), 3u);
    EXPECT_GE(regions.size(), 10u);
    EXPECT_EQ(names.size(), 60u);
    EXPECT_EQ(refs.size(), 60u);
    EXPECT_EQ(first.front().organisation.external_ref, "D-001");
    EXPECT_EQ(DemoPhases().size(), 10u);
}

TEST_F(DemoSeedTest, SeedsOnceWithStaffMembershipsAndWorkingJoinLinks) {
    DemoSeedOutput out;
    ASSERT_TRUE(SeedDemo(*database_, *accounts_, audit_, clock_, out));
    ASSERT_TRUE(out.created);
    EXPECT_EQ(out.organisation_count, 60);
    EXPECT_EQ(out.person_count, CountRows("SELECT COUNT(*) FROM person WHERE exercise_id = $1", {out.exercise_id}));
    EXPECT_EQ(out.person_count, 60 + 120);  // one lead each plus 1, 2 or 3 participants (20 of each)
    EXPECT_EQ(out.logins.size(), 9u);       // admin, organiser, controller, observer, 5 ministries
    for (const auto& login : out.logins) EXPECT_GE(login.password.size(), 12u) << login.login;
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM membership WHERE exercise_id = $1", {out.exercise_id}), 9);
    EXPECT_EQ(
        CountRows("SELECT COUNT(*) FROM membership WHERE exercise_id = $1 AND role = 'ministry'", {out.exercise_id}),
        5);
    EXPECT_EQ(
        CountRows("SELECT COUNT(DISTINCT sector_code) FROM organisation WHERE exercise_id = $1", {out.exercise_id}),
        14);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM exercise_phase WHERE exercise_id = $1 AND kind = 'feedback'",
                        {out.exercise_id}),
              5);
    ASSERT_EQ(out.join_urls.size(), 3u);
    const std::string prefix = "http://localhost:8080/join#";
    ASSERT_EQ(out.join_urls[0].rfind(prefix, 0), 0u);
    auto session = accounts_->Join(out.join_urls[0].substr(prefix.size()), {"127.0.0.1", "test", "r"});
    ASSERT_TRUE(session) << session.error().message;
    EXPECT_TRUE(session->principal.HasRole(out.exercise_id, Role::kOrgLead));
    // Each generated password logs its account in.
    for (const auto& account : out.logins) {
        if (account.login != "observer") continue;
        EXPECT_TRUE(accounts_->Login(account.login, account.password, {"127.0.0.1", "test", "r"}));
    }
    EXPECT_EQ(AuditCount("demo.seed"), 1);

    DemoSeedOutput again;
    ASSERT_TRUE(SeedDemo(*database_, *accounts_, audit_, clock_, again));
    EXPECT_FALSE(again.created);
    EXPECT_EQ(again.exercise_id, out.exercise_id);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE exercise_id = $1", {out.exercise_id}), 60);
}

TEST_F(DemoSeedTest, AGivenPasswordLogsEveryStaffAccountIn) {
    DemoSeedOptions options;
    options.password = "demo password for tests";
    options.public_url = "https://enshu.example/";
    DemoSeedOutput out;
    ASSERT_TRUE(SeedDemo(*database_, *accounts_, audit_, clock_, options, out));
    EXPECT_EQ(out.join_urls.front().rfind("https://enshu.example/join#", 0), 0u);
    auto session = accounts_->Login("ministry-meti", "demo password for tests", {"127.0.0.1", "test", "r"});
    ASSERT_TRUE(session) << session.error().message;
    EXPECT_TRUE(session->principal.HasRole(out.exercise_id, Role::kMinistry));
    auto admin = accounts_->Login("admin", "demo password for tests", {"127.0.0.1", "test", "r"});
    ASSERT_TRUE(admin);
    EXPECT_TRUE(admin->principal.is_admin);
}

}  // namespace
}  // namespace enshu::exercise
