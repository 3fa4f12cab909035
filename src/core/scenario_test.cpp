#include "core/scenario.hpp"

#include <gtest/gtest.h>

namespace enshu::scenario {
namespace {

TEST(ScenarioTimeTest, ParsesDayHourMinute) {
    EXPECT_EQ(ParseScenarioTime("D1 00:00"), 0);
    EXPECT_EQ(ParseScenarioTime("D1 09:00"), 540);
    EXPECT_EQ(ParseScenarioTime("D2 10:30"), 2070);
    EXPECT_EQ(ParseScenarioTime("D99 23:59"), 98 * 1440 + 23 * 60 + 59);
}

TEST(ScenarioTimeTest, RejectsMalformedText) {
    for (const char* text : {"", "D0 09:00", "D100 09:00", "D1 24:00", "D1 09:60", "D1 9:00", "d1 09:00", "D1 09:00 ",
                             "D1  09:00", "D 09:00", "D1-09:00", "D1 09-00", "+00:15", "D001 09:00"}) {
        EXPECT_EQ(ParseScenarioTime(text), std::nullopt) << text;
    }
}

TEST(ScenarioTimeTest, FormatsAndRoundTrips) {
    EXPECT_EQ(FormatScenarioTime(0), "D1 00:00");
    EXPECT_EQ(FormatScenarioTime(2070), "D2 10:30");
    for (ScenarioMinutes minutes : {0, 59, 60, 1439, 1440, 5000, 98 * 1440 + 1439}) {
        EXPECT_EQ(ParseScenarioTime(FormatScenarioTime(minutes)), minutes);
    }
}

OrganisationProfile Power() { return {7, "EL-001", "東都電力", "electricity", "venue"}; }

TEST(AudienceTest, EveryoneAndDimensions) {
    Audience everyone;
    EXPECT_TRUE(AudienceIncludesOrganisation(everyone, Power()));

    Audience sectors{false, {"finance", "electricity"}, {}, {}, {}};
    EXPECT_TRUE(AudienceIncludesOrganisation(sectors, Power()));
    sectors.sectors = {"finance"};
    EXPECT_FALSE(AudienceIncludesOrganisation(sectors, Power()));

    Audience mode{false, {}, {}, {"online"}, {}};
    EXPECT_FALSE(AudienceIncludesOrganisation(mode, Power()));
    mode.modes = {"venue"};
    EXPECT_TRUE(AudienceIncludesOrganisation(mode, Power()));

    // Every non-empty dimension must match.
    Audience both{false, {"electricity"}, {}, {"online"}, {}};
    EXPECT_FALSE(AudienceIncludesOrganisation(both, Power()));

    // Team roles select people inside the organisation, not organisations.
    Audience roles{false, {}, {}, {}, {"pr"}};
    EXPECT_TRUE(AudienceIncludesOrganisation(roles, Power()));
}

TEST(AudienceTest, OrganisationsByExternalRefOrId) {
    Audience by_ref{false, {}, {"EL-001"}, {}, {}};
    EXPECT_TRUE(AudienceIncludesOrganisation(by_ref, Power()));
    Audience by_id{false, {}, {"id:7"}, {}, {}};
    EXPECT_TRUE(AudienceIncludesOrganisation(by_id, Power()));
    Audience other{false, {}, {"id:8", "EL-002"}, {}, {}};
    EXPECT_FALSE(AudienceIncludesOrganisation(other, Power()));
    OrganisationProfile without_ref = Power();
    without_ref.external_ref.clear();
    Audience empty_ref{false, {}, {""}, {}, {}};
    EXPECT_FALSE(AudienceIncludesOrganisation(empty_ref, without_ref));
}

Inject MakeInject(const std::string& id, ScenarioMinutes at, int order, const std::string& title_ja) {
    Inject inject;
    inject.id = id;
    inject.scene_id = "s1";
    inject.at = at;
    inject.order = order;
    inject.title = {title_ja, title_ja + " (en)"};
    inject.body = {"本文 " + title_ja, ""};
    return inject;
}

Scenario ThreeInjects() {
    Scenario scenario;
    scenario.id = "test";
    scenario.variables = {{"service", "送電"}, {"supplier", "ベンダーA"}};
    scenario.injects = {MakeInject("a", 600, 0, "A"), MakeInject("b", 600, 1, "B"), MakeInject("c", 660, 2, "C")};
    return scenario;
}

std::vector<std::string> Ids(const std::vector<EffectiveInject>& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.inject.id);
    return ids;
}

TEST(EffectiveTimelineTest, MasterOnlyKeepsFileOrderOnTies) {
    auto items = ResolveEffectiveTimeline(ThreeInjects(), nullptr, nullptr, Power());
    EXPECT_EQ(Ids(items), (std::vector<std::string>{"a", "b", "c"}));
    for (const auto& item : items) {
        EXPECT_EQ(item.source, "master");
        EXPECT_FALSE(item.changed);
    }
}

TEST(EffectiveTimelineTest, SubstitutesVariablesOverlaysWinUnknownStay) {
    Scenario scenario = ThreeInjects();
    scenario.injects[0].body.ja = "{{org.name}}の{{ service }}が停止。{{supplier}}に連絡。{{unknown}} {{org.sector}}";
    Overlay sector;
    sector.variables = {{"service", "配電"}};
    Overlay organisation;
    organisation.variables = {{"supplier", "ベンダーB"}, {"org.name", "上書き不可"}};
    auto items = ResolveEffectiveTimeline(scenario, &sector, &organisation, Power());
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].inject.body.ja, "東都電力の配電が停止。ベンダーBに連絡。{{unknown}} electricity");
    auto master_only = ResolveEffectiveTimeline(scenario, nullptr, nullptr, Power());
    EXPECT_EQ(master_only[0].inject.body.ja, "東都電力の送電が停止。ベンダーAに連絡。{{unknown}} electricity");
}

TEST(EffectiveTimelineTest, OrganisationChangeWinsOverSectorChange) {
    Overlay sector;
    sector.changes.push_back({"b", LocalisedText{"業界版", "sector"}, LocalisedText{"業界本文", "sector body"}, false});
    Overlay organisation;
    organisation.changes.push_back({"b", LocalisedText{"自社版", "own"}, std::nullopt, false});
    auto items = ResolveEffectiveTimeline(ThreeInjects(), &sector, &organisation, Power());
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[1].inject.title.ja, "自社版");
    EXPECT_EQ(items[1].inject.body.ja, "業界本文");  // the sector's body stays where the organisation kept it
    EXPECT_TRUE(items[1].changed);
    EXPECT_EQ(items[1].source, "master");
    EXPECT_FALSE(items[0].changed);
}

TEST(EffectiveTimelineTest, DisablesOnlyOptionalInjects) {
    Scenario scenario = ThreeInjects();
    scenario.injects[2].optional = true;
    Overlay organisation;
    organisation.changes.push_back({"c", std::nullopt, std::nullopt, true});
    organisation.changes.push_back({"a", std::nullopt, std::nullopt, true});  // not optional: ignored
    auto items = ResolveEffectiveTimeline(scenario, nullptr, &organisation, Power());
    EXPECT_EQ(Ids(items), (std::vector<std::string>{"a", "b"}));
}

TEST(EffectiveTimelineTest, AddedInjectsMergeInTimeOrderAfterMasterOnTies) {
    Overlay sector;
    sector.added.push_back(MakeInject("s-1", 600, 0, "S"));
    Overlay organisation;
    organisation.added.push_back(MakeInject("o-2", 630, 1, "O2"));
    organisation.added.push_back(MakeInject("o-1", 600, 0, "O1"));
    auto items = ResolveEffectiveTimeline(ThreeInjects(), &sector, &organisation, Power());
    EXPECT_EQ(Ids(items), (std::vector<std::string>{"a", "b", "s-1", "o-1", "o-2", "c"}));
    EXPECT_EQ(items[2].source, "sector");
    EXPECT_EQ(items[3].source, "organisation");
    EXPECT_EQ(items[3].inject.audience.organisations, (std::vector<std::string>{"id:7"}));
}

TEST(EffectiveTimelineTest, FiltersByAudience) {
    Scenario scenario = ThreeInjects();
    scenario.injects[0].audience = {false, {"finance"}, {}, {}, {}};
    scenario.injects[1].audience = {false, {}, {}, {"online"}, {}};
    scenario.injects[2].audience = {false, {}, {"EL-001"}, {}, {"management"}};
    auto items = ResolveEffectiveTimeline(scenario, nullptr, nullptr, Power());
    EXPECT_EQ(Ids(items), (std::vector<std::string>{"c"}));
}

TEST(EffectiveTimelineTest, OrganisationMayChangeASectorAddedInject) {
    Overlay sector;
    sector.added.push_back(MakeInject("s-1", 610, 0, "S"));
    Overlay organisation;
    organisation.changes.push_back({"s-1", LocalisedText{"自社版S", "own S"}, std::nullopt, false});
    auto items = ResolveEffectiveTimeline(ThreeInjects(), &sector, &organisation, Power());
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[2].inject.title.ja, "自社版S");
    EXPECT_EQ(items[2].source, "sector");
    EXPECT_TRUE(items[2].changed);
}

}  // namespace
}  // namespace enshu::scenario
