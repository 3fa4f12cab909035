#include "scenario/scenario_store.hpp"

#include <gtest/gtest.h>

#include "db/migrations.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario {
namespace {

constexpr const char* kScenario = R"(id: store-test
title: {ja: 保存テスト, en: Store test}
scenes:
  - {id: s1, title: {ja: 一, en: One}, starts_at: D1 09:00, ends_at: D1 12:00, speed: 2}
injects:
  - {id: a, scene_id: s1, at: D1 09:00, title: {ja: A, en: A}, body: {ja: "{{org.name}} {{service}}", en: ""}}
  - {id: b, scene_id: s1, at: D1 10:00, optional: true, title: {ja: B, en: B}, body: {ja: B本文, en: ""},
     controller_notes: 見せない}
  - {id: c, scene_id: s1, at: D1 11:00, audience: {sectors: [finance]}, title: {ja: C, en: C}, body: {ja: C, en: ""}}
)";

class ScenarioStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = db::OpenDatabase(":memory:");
        ASSERT_TRUE(opened) << opened.error().message;
        database_ = std::move(*opened);
        ASSERT_TRUE(db::Migrate(*database_));
        auto status = database_->Write([](db::Connection& connection) -> Status {
            auto inserted = connection.Execute(
                "INSERT INTO exercise (id, fiscal_year, title_ja, created_at, updated_at) VALUES "
                "(1, 2023, 'テスト', 'x', 'x'), (2, 2023, 'もう一つ', 'x', 'x')");
            if (!inserted) return tl::unexpected(inserted.error());
            return Ok();
        });
        ASSERT_TRUE(status) << status.error().message;
        context_.sector_codes = {"electricity", "finance"};
        auto scenario = ReadScenarioYaml(kScenario, context_);
        ASSERT_TRUE(scenario) << scenario.error().front().message;
        scenario_ = *scenario;
    }

    std::int64_t Count(const std::string& sql) {
        std::int64_t count = -1;
        EXPECT_TRUE(database_->Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(sql);
            if (!row) return tl::unexpected(row.error());
            count = (*row)->Int(0);
            return Ok();
        }));
        return count;
    }

    FakeClock clock_{TimePoint{}};
    audit::AuditLog audit_{clock_};
    audit::Actor actor_{std::nullopt, "test", "req-1", "127.0.0.1"};
    std::unique_ptr<db::Database> database_;
    ValidationContext context_;
    Scenario scenario_;
};

TEST_F(ScenarioStoreTest, EmptyUntilSavedThenCachedSnapshot) {
    ScenarioStore store(*database_, audit_, clock_);
    auto empty = store.Load(1);
    ASSERT_TRUE(empty);
    EXPECT_TRUE((*empty)->master.scenes.empty());
    EXPECT_EQ((*empty)->version, 0);

    ASSERT_TRUE(store.SaveMaster(1, scenario_, actor_));
    auto loaded = store.Load(1);
    ASSERT_TRUE(loaded);
    EXPECT_EQ((*loaded)->master.id, "store-test");
    EXPECT_EQ((*loaded)->master_version, 1);
    EXPECT_EQ((*loaded)->version, 1);
    // The old snapshot is untouched (copy-on-write) and the new one is shared.
    EXPECT_TRUE((*empty)->master.scenes.empty());
    EXPECT_EQ(store.Load(1)->get(), loaded->get());
    // Another exercise is separate.
    EXPECT_TRUE((*store.Load(2))->master.injects.empty());
}

TEST_F(ScenarioStoreTest, SaveReplacesACachedSnapshotAndAStoreRestartReadsTheSame) {
    ScenarioStore store(*database_, audit_, clock_);
    ASSERT_TRUE(store.SaveMaster(1, scenario_, actor_));
    auto first = *store.Load(1);
    Scenario changed = scenario_;
    changed.injects[0].title.ja = "変更後";
    ASSERT_TRUE(store.SaveMaster(1, changed, actor_));
    auto second = *store.Load(1);
    EXPECT_NE(first.get(), second.get());
    EXPECT_EQ(first->master.injects[0].title.ja, "A");
    EXPECT_EQ(second->master.injects[0].title.ja, "変更後");
    EXPECT_EQ(second->master_version, 2);

    Overlay sector;
    sector.variables["service"] = "決済";
    ASSERT_TRUE(store.SaveSectorOverlay(1, "finance", sector, actor_));
    Overlay own;
    own.changes.push_back({"b", std::nullopt, std::nullopt, true});
    ASSERT_TRUE(store.SaveOrganisationOverlay(1, 42, own, actor_));
    auto cached = *store.Load(1);
    EXPECT_EQ(cached->version, 4);
    EXPECT_EQ(cached->sector_overlay_versions.at("finance"), 1);

    ScenarioStore restarted(*database_, audit_, clock_);
    auto fresh = *restarted.Load(1);
    EXPECT_EQ(fresh->version, cached->version);
    EXPECT_EQ(WriteScenarioYaml(fresh->master), WriteScenarioYaml(cached->master));
    EXPECT_EQ(fresh->sector_overlays.at("finance").variables.at("service"), "決済");
    EXPECT_TRUE(fresh->organisation_overlays.at(42).changes.at(0).disabled);
}

TEST_F(ScenarioStoreTest, SeesWhatAnotherProcessSavedOnceRevalidated) {
    // `server` stands for a running `enshu serve`, `cli` for `enshu scenario import`.
    ScenarioStore server(*database_, audit_, clock_, std::chrono::milliseconds(0));
    ScenarioStore patient(*database_, audit_, clock_, std::chrono::hours(1));
    ScenarioStore cli(*database_, audit_, clock_);
    ASSERT_TRUE(cli.SaveMaster(1, scenario_, actor_));
    auto before = *server.Load(1);
    auto held = *patient.Load(1);
    EXPECT_EQ(server.Load(1)->get(), before.get());  // nothing changed: the cached snapshot

    Scenario changed = scenario_;
    changed.injects[0].title.ja = "別プロセスで変更";
    ASSERT_TRUE(cli.SaveMaster(1, changed, actor_));
    auto after = *server.Load(1);
    EXPECT_NE(after.get(), before.get());
    EXPECT_EQ(after->master.injects[0].title.ja, "別プロセスで変更");
    EXPECT_EQ(after->master_version, 2);
    EXPECT_EQ(patient.Load(1)->get(), held.get());  // not yet due for a check

    Overlay own;  // an overlay added elsewhere is seen too
    own.changes.push_back({"b", std::nullopt, std::nullopt, true});
    ASSERT_TRUE(cli.SaveOrganisationOverlay(1, 42, own, actor_));
    EXPECT_TRUE((*server.Load(1))->organisation_overlays.count(42));
}

TEST_F(ScenarioStoreTest, ExpectedVersionGuardsAgainstLostUpdates) {
    ScenarioStore store(*database_, audit_, clock_);
    ASSERT_TRUE(store.SaveMaster(1, scenario_, actor_, 0));
    auto stale = store.SaveMaster(1, scenario_, actor_, 0);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    EXPECT_EQ(stale.error().field, "version");
    EXPECT_TRUE(store.SaveMaster(1, scenario_, actor_, 1));
    EXPECT_FALSE(store.SaveSectorOverlay(1, "finance", Overlay{}, actor_, 3));
    EXPECT_TRUE(store.SaveSectorOverlay(1, "finance", Overlay{}, actor_, 0));
    EXPECT_EQ((*store.Load(1))->master_version, 2);
}

TEST_F(ScenarioStoreTest, EverySaveIsAudited) {
    ScenarioStore store(*database_, audit_, clock_);
    ASSERT_TRUE(store.SaveMaster(1, scenario_, actor_));
    ASSERT_TRUE(store.SaveMaster(1, scenario_, actor_));
    ASSERT_TRUE(store.SaveSectorOverlay(1, "finance", Overlay{}, actor_));
    ASSERT_TRUE(store.SaveOrganisationOverlay(1, 42, Overlay{}, actor_));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'scenario.save'"), 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'overlay.sector.save' AND entity_id = "
                    "'sector:finance'"),
              1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'overlay.organisation.save' AND entity_id = "
                    "'organisation:42'"),
              1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'scenario.save' AND "
                    "after_summary LIKE '%\"version\":2%' AND before_summary LIKE '%\"version\":1%'"),
              1);
    // A refused save leaves no audit row.
    EXPECT_FALSE(store.SaveMaster(1, scenario_, actor_, 1));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'scenario.save'"), 2);
}

TEST_F(ScenarioStoreTest, EffectiveTimelineUsesTheOrganisationsOverlays) {
    ScenarioStore store(*database_, audit_, clock_);
    ASSERT_TRUE(store.SaveMaster(1, scenario_, actor_));
    Overlay sector;
    sector.variables["service"] = "決済";
    ASSERT_TRUE(store.SaveSectorOverlay(1, "finance", sector, actor_));
    Overlay own;
    own.changes.push_back({"b", std::nullopt, std::nullopt, true});
    ASSERT_TRUE(store.SaveOrganisationOverlay(1, 42, own, actor_));

    const OrganisationProfile bank{42, "FI-1", "みらい銀行", "finance", "online"};
    auto timeline = store.EffectiveTimeline(1, bank);
    ASSERT_TRUE(timeline);
    ASSERT_EQ(timeline->size(), 2u);  // b disabled; c for finance
    EXPECT_EQ((*timeline)[0].inject.body.ja, "みらい銀行 決済");
    EXPECT_EQ((*timeline)[1].inject.id, "c");

    const OrganisationProfile power{43, "", "東都電力", "electricity", "venue"};
    auto other = store.EffectiveTimeline(1, power);
    ASSERT_TRUE(other);
    ASSERT_EQ(other->size(), 2u);  // a, b; not c
    EXPECT_EQ((*other)[0].inject.body.ja, "東都電力 {{service}}");
}

}  // namespace
}  // namespace enshu::scenario
