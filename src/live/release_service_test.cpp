#include "live/release_service.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "live/live_fixture.hpp"

namespace enshu::live {
namespace {

class ReleaseServiceTest : public testing::LiveTest {
  protected:
    // i1 with plain texts (no variables), so every organisation gets the same content.
    void UsePlainInject(scenario::Audience audience = {}) {
        auto snapshot = testing::ThreeDayScenario();
        snapshot.master.injects[0].body = {"全社で障害", "Company-wide outage"};
        snapshot.master.injects[0].audience = std::move(audience);
        snapshot_ = snapshot;
        source_.Set(exercise_id_, snapshot_);
    }

    Result<ReleaseOutcome> ReleaseNow(const std::string& id) {
        return Releases().ReleaseScenarioInject(exercise_id_, id, ReleaseKind::kManual, std::nullopt, std::nullopt,
                                                actor_);
    }

    std::vector<std::shared_ptr<const LiveEvent>> Events(const std::string& type) {
        std::vector<std::shared_ptr<const LiveEvent>> out;
        for (const auto& [event, frame] : sink_.Published()) {
            if (event->type == type) out.push_back(event);
        }
        return out;
    }

    scenario::ExerciseScenario snapshot_;
};

TEST_F(ReleaseServiceTest, IdenticalContentForEveryoneIsOneEventForEveryone) {
    UsePlainInject();
    auto outcome = ReleaseNow("i1");
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_TRUE(outcome->created);
    EXPECT_EQ(outcome->release.organisation_count, 3);
    auto released = Events("inject.released");
    ASSERT_EQ(released.size(), 1u);
    EXPECT_TRUE(released[0]->audience.everyone);
    EXPECT_EQ(outcome->release.first_seq, released[0]->seq);
    const auto payload = nlohmann::json::parse(released[0]->payload_json);
    EXPECT_EQ(payload.at("inject_id"), "i1");
    EXPECT_EQ(payload.at("scene_id"), "day1");
    EXPECT_EQ(payload.at("scenario_time"), "D1 09:00");
    EXPECT_EQ(payload.at("body").at("en"), "Company-wide outage");
    EXPECT_EQ(payload.at("kind"), "manual");
    EXPECT_EQ(payload.at("objectives"), nlohmann::json({1, 2}));
    EXPECT_FALSE(payload.contains("controller_notes"));
    EXPECT_EQ(released[0]->payload_json.find("secret note"), std::string::npos);
    auto recorded = Events("release.recorded");
    ASSERT_EQ(recorded.size(), 1u);
    EXPECT_TRUE(recorded[0]->audience.staff);
    EXPECT_FALSE(recorded[0]->audience.everyone);
    EXPECT_EQ(recorded[0]->released_at_us, released[0]->released_at_us);
    EXPECT_EQ(released[0]->released_at_us, Now());
    EXPECT_EQ(AuditCount("inject.release"), 1);
}

TEST_F(ReleaseServiceTest, OrganisationsWithIdenticalContentShareOneEvent) {
    UsePlainInject();
    scenario::Overlay gas;
    gas.changes.push_back({"i1", std::nullopt, scenario::LocalisedText{"ガス供給への影響", "Impact on gas supply"}});
    snapshot_.sector_overlays["gas"] = gas;
    source_.Set(exercise_id_, snapshot_);
    ASSERT_TRUE(ReleaseNow("i1"));
    auto released = Events("inject.released");
    ASSERT_EQ(released.size(), 2u);
    EXPECT_EQ(released[0]->audience.organisation_ids, (std::vector<std::int64_t>{org_a_, org_b_}));
    EXPECT_EQ(released[1]->audience.organisation_ids, (std::vector<std::int64_t>{org_c_}));
    EXPECT_FALSE(released[0]->audience.everyone);
    EXPECT_EQ(nlohmann::json::parse(released[1]->payload_json).at("body").at("en"), "Impact on gas supply");
    EXPECT_EQ(released[0]->released_at_us, released[1]->released_at_us);
    EXPECT_EQ(released[1]->seq, released[0]->seq + 1);
}

TEST_F(ReleaseServiceTest, VariablesMakeOneEventPerOrganisation) {
    ASSERT_TRUE(ReleaseNow("i2"));  // body names {{org.name}}
    auto released = Events("inject.released");
    ASSERT_EQ(released.size(), 3u);
    EXPECT_EQ(nlohmann::json::parse(released[2]->payload_json).at("body").at("ja"), "ガスC の状況 i2");
}

TEST_F(ReleaseServiceTest, AudienceSectorsAndTeamRolesReachOnlyThem) {
    scenario::Audience audience;
    audience.everyone = false;
    audience.sectors = {"gas"};
    audience.team_roles = {"pr"};
    UsePlainInject(audience);
    auto outcome = ReleaseNow("i1");
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->release.organisation_count, 1);
    auto released = Events("inject.released");
    ASSERT_EQ(released.size(), 1u);
    EXPECT_EQ(released[0]->audience.organisation_ids, std::vector<std::int64_t>{org_c_});
    EXPECT_EQ(released[0]->audience.team_roles, std::vector<std::string>{"pr"});
    EXPECT_EQ(nlohmann::json::parse(released[0]->payload_json).at("team_roles"), nlohmann::json({"pr"}));
}

TEST_F(ReleaseServiceTest, RepeatsAndUnknownInjects) {
    auto first = ReleaseNow("i3");
    ASSERT_TRUE(first);
    clock_.Advance(std::chrono::seconds(30));
    auto second = ReleaseNow("i3");
    ASSERT_TRUE(second);
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->release.released_at_us, first->release.released_at_us);
    EXPECT_EQ(Events("release.recorded").size(), 1u);
    auto unknown = ReleaseNow("nope");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(unknown.error().field, "inject_id");
}

TEST_F(ReleaseServiceTest, AddedInjectsOfAnOrganisationOverlayReachOnlyIt) {
    auto snapshot = testing::ThreeDayScenario();
    scenario::Overlay own;
    own.added.push_back(testing::MakeInject("a-own-1", "day1", 700, 1));
    snapshot.organisation_overlays[org_b_] = own;
    source_.Set(exercise_id_, snapshot);
    auto outcome = ReleaseNow("a-own-1");
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_EQ(outcome->release.organisation_count, 1);
    EXPECT_EQ(Events("inject.released").at(0)->audience.organisation_ids, std::vector<std::int64_t>{org_b_});
}

TEST_F(ReleaseServiceTest, AdhocInjectsAreStoredAndReleasedAtOnce) {
    AdhocInjectInput input;
    input.title = {"報道機関から問い合わせ", "Press inquiry"};
    input.body = {"記者から電話", "A journalist calls"};
    input.audience.organisation_ids = {org_a_, org_c_};
    input.objectives = {9};
    auto first = Releases().ReleaseAdhoc(exercise_id_, input, actor_);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->release.inject_id, "adhoc-1");
    EXPECT_EQ(first->release.kind, ReleaseKind::kAdhoc);
    EXPECT_EQ(first->release.organisation_count, 2);
    auto event = Events("inject.released").at(0);
    EXPECT_EQ(event->audience.organisation_ids, (std::vector<std::int64_t>{org_a_, org_c_}));
    EXPECT_EQ(nlohmann::json::parse(event->payload_json).at("kind"), "adhoc");
    input.audience = EventAudience{};
    input.audience.everyone = true;
    auto second = Releases().ReleaseAdhoc(exercise_id_, input, actor_);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->release.inject_id, "adhoc-2");
    EXPECT_EQ(second->release.organisation_count, 3);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM adhoc_inject WHERE exercise_id = $1", {exercise_id_}), 2);
    EXPECT_EQ(AuditCount("inject.adhoc"), 2);
}

TEST_F(ReleaseServiceTest, AdhocValidationNamesTheField) {
    AdhocInjectInput input;
    input.audience.everyone = true;
    EXPECT_EQ(Releases().ReleaseAdhoc(exercise_id_, input, actor_).error().field, "title.ja");
    input.title.ja = std::string(201 * 3, 'x');
    EXPECT_EQ(Releases().ReleaseAdhoc(exercise_id_, input, actor_).error().field, "title.ja");
    input.title.ja = "件名";
    input.objectives = {11};
    EXPECT_EQ(Releases().ReleaseAdhoc(exercise_id_, input, actor_).error().field, "objectives");
    input.objectives = {};
    input.audience = EventAudience{};
    EXPECT_EQ(Releases().ReleaseAdhoc(exercise_id_, input, actor_).error().field, "audience");
    input.audience.organisation_ids = {999'999};
    EXPECT_EQ(Releases().ReleaseAdhoc(exercise_id_, input, actor_).error().field, "audience.organisation_ids");
    EXPECT_EQ(sink_.Count(), 0u);
}

TEST_F(ReleaseServiceTest, EightHundredOrganisationsOneEventOrOnePerVariant) {
    // The scale of the 2023 exercise: 800 organisations (3 from the fixture + 797).
    auto status = database_->Write([&](db::Connection& connection) -> Status {
        for (int i = 0; i < 797; ++i) {
            auto added = connection.Execute(
                "INSERT INTO organisation (exercise_id, name, sector_code, ministry_code, size_band, region, "
                "participation_mode, search_text, created_at, updated_at) VALUES ($1, $2, 'water', 'mhlw', 'small', "
                "'JP-13', 'online', $2, '2023-10-01T00:00:00.000Z', '2023-10-01T00:00:00.000Z')",
                {exercise_id_, "水道事業者 " + std::to_string(i)});
            if (!added) return tl::unexpected(added.error());
        }
        return Ok();
    });
    ASSERT_TRUE(status) << status.error().message;
    UsePlainInject();
    auto started = std::chrono::steady_clock::now();
    auto same = ReleaseNow("i1");
    const auto same_us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    ASSERT_TRUE(same) << same.error().message;
    EXPECT_EQ(same->release.organisation_count, 800);
    EXPECT_EQ(Events("inject.released").size(), 1u);  // identical content: one event for everyone
    started = std::chrono::steady_clock::now();
    auto variants = ReleaseNow("i2");  // {{org.name}}: a variant per organisation
    const auto variants_us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    ASSERT_TRUE(variants) << variants.error().message;
    EXPECT_EQ(variants->release.organisation_count, 800);
    EXPECT_EQ(Events("inject.released").size(), 801u);
    RecordProperty("release_800_identical_us", std::to_string(same_us));
    RecordProperty("release_800_variants_us", std::to_string(variants_us));
}

}  // namespace
}  // namespace enshu::live
