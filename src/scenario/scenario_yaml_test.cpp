#include "scenario/scenario_yaml.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace enshu::scenario {
namespace {

ValidationContext Context() {
    ValidationContext context;
    context.sector_codes = {"electricity", "finance", "water", "logistics"};
    return context;
}

// Line numbers matter in these tests: keep the layout.
constexpr const char* kValid = R"(id: small
title:
  ja: 小さな演習
  en: Small exercise
variables:
  service: 送電
scenes:
  - id: s1
    title: {ja: 初動, en: First response}
    starts_at: D1 09:00
    ends_at: D1 12:00
    speed: 4
  - id: s2
    title: {ja: 復旧, en: Recovery}
    starts_at: D2 09:00
    ends_at: D2 17:00
    speed: 0.5
    pause_at_end: true
injects:
  - id: i2
    scene_id: s1
    at: "+00:30"
    audience: {sectors: [electricity], team_roles: [csirt]}
    title: {ja: 異常検知, en: Anomaly}
    body:
      ja: |
        {{org.name}}の{{service}}で異常。
        二行目
      en: ""
    objectives: [1, 2]
    expected_actions: [CSIRT を招集する]
    controller_notes: 遅れたら電話で促す
  - id: i1
    scene_id: s1
    at: D1 09:00
    title: {ja: 開始, en: Start}
    body: {ja: 開始します, en: Starting}
    optional: true
    attachments:
      - {name: 手順書.pdf, url: files/manual.pdf}
  - id: i3
    scene_id: s2
    at: D2 10:00
    audience: everyone
    title: {ja: 復旧, en: Recovery}
    body: {ja: 復旧開始, en: Recovery starts}
)";

TEST(ScenarioYamlTest, ReadsAValidFileWithOffsetsAndSortsInjects) {
    auto scenario = ReadScenarioYaml(kValid, Context());
    ASSERT_TRUE(scenario) << scenario.error().front().message;
    EXPECT_EQ(scenario->id, "small");
    ASSERT_EQ(scenario->scenes.size(), 2u);
    EXPECT_EQ(scenario->scenes[0].starts_at, 540);
    EXPECT_EQ(scenario->scenes[1].speed, 0.5);
    EXPECT_TRUE(scenario->scenes[1].pause_at_end);
    ASSERT_EQ(scenario->injects.size(), 3u);
    EXPECT_EQ(scenario->injects[0].id, "i1");
    EXPECT_EQ(scenario->injects[1].id, "i2");
    EXPECT_EQ(scenario->injects[1].at, 570);  // +00:30 from D1 09:00
    EXPECT_EQ(scenario->injects[1].order, 1);
    EXPECT_FALSE(scenario->injects[1].audience.everyone);
    EXPECT_EQ(scenario->injects[1].audience.team_roles, std::vector<std::string>{"csirt"});
    EXPECT_EQ(scenario->injects[1].body.ja, "{{org.name}}の{{service}}で異常。\n二行目\n");
    EXPECT_TRUE(scenario->injects[2].audience.everyone);
    EXPECT_TRUE(scenario->injects[0].optional);
    EXPECT_EQ(scenario->injects[0].attachments[0].url, "files/manual.pdf");
}

bool Equal(const Inject& a, const Inject& b) {
    return a.id == b.id && a.scene_id == b.scene_id && a.at == b.at && a.audience.everyone == b.audience.everyone &&
           a.audience.sectors == b.audience.sectors && a.audience.organisations == b.audience.organisations &&
           a.audience.modes == b.audience.modes && a.audience.team_roles == b.audience.team_roles &&
           a.title.ja == b.title.ja && a.title.en == b.title.en && a.body.ja == b.body.ja && a.body.en == b.body.en &&
           a.attachments.size() == b.attachments.size() && a.objectives == b.objectives &&
           a.expected_actions == b.expected_actions && a.controller_notes == b.controller_notes &&
           a.optional == b.optional && a.order == b.order;
}

void ExpectSame(const Scenario& a, const Scenario& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.title.ja, b.title.ja);
    EXPECT_EQ(a.summary.en, b.summary.en);
    EXPECT_EQ(a.variables, b.variables);
    ASSERT_EQ(a.scenes.size(), b.scenes.size());
    for (std::size_t i = 0; i < a.scenes.size(); ++i) {
        EXPECT_EQ(a.scenes[i].id, b.scenes[i].id);
        EXPECT_EQ(a.scenes[i].starts_at, b.scenes[i].starts_at);
        EXPECT_EQ(a.scenes[i].ends_at, b.scenes[i].ends_at);
        EXPECT_EQ(a.scenes[i].speed, b.scenes[i].speed);
        EXPECT_EQ(a.scenes[i].pause_at_end, b.scenes[i].pause_at_end);
    }
    ASSERT_EQ(a.injects.size(), b.injects.size());
    for (std::size_t i = 0; i < a.injects.size(); ++i) EXPECT_TRUE(Equal(a.injects[i], b.injects[i])) << i;
}

TEST(ScenarioYamlTest, WriterRoundTripsIncludingAwkwardText) {
    auto scenario = ReadScenarioYaml(kValid, Context());
    ASSERT_TRUE(scenario);
    // Text yaml-cpp cannot write as a literal block, YAML-looking words, quotes.
    scenario->injects[0].body.ja = "  leading spaces\nand trailing blank lines\n\n\n";
    scenario->injects[0].body.en = "null";
    scenario->injects[1].title.en = "true";
    scenario->injects[2].controller_notes = "'quoted' \"double\" # not a comment: {x}";
    scenario->summary = {"", "~"};
    const std::string yaml = WriteScenarioYaml(*scenario);
    auto again = ReadScenarioYaml(yaml, Context());
    ASSERT_TRUE(again) << again.error().front().message << "\n" << yaml;
    ExpectSame(*scenario, *again);
    EXPECT_EQ(WriteScenarioYaml(*again), yaml);
}

TEST(ScenarioYamlTest, JsonRoundTrips) {
    auto scenario = ReadScenarioYaml(kValid, Context());
    ASSERT_TRUE(scenario);
    const nlohmann::json json = ScenarioToJson(*scenario);
    EXPECT_EQ(json["injects"][1]["at"], "D1 09:30");
    EXPECT_EQ(json["injects"][0]["audience"]["everyone"], true);
    EXPECT_EQ(json["injects"][1]["controller_notes"], "遅れたら電話で促す");
    auto again = ScenarioFromJson(json, Context());
    ASSERT_TRUE(again) << again.error().front().message;
    ExpectSame(*scenario, *again);
}

// The first problem whose field is `field`, or a failure listing them all.
const Problem* FindProblem(const Problems& problems, const std::string& field) {
    for (const Problem& problem : problems) {
        if (problem.field == field) return &problem;
    }
    return nullptr;
}

std::string All(const Problems& problems) {
    std::string text;
    for (const Problem& problem : problems) text += problem.message + "\n";
    return text;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

TEST(ScenarioYamlTest, BadTimeNamesLineAndField) {
    auto result = ReadScenarioYaml(Replace(kValid, "at: D2 10:00", "at: D2 25:00"), Context());
    ASSERT_FALSE(result);
    const Problem* problem = FindProblem(result.error(), "injects[2].at");
    ASSERT_NE(problem, nullptr) << All(result.error());
    EXPECT_EQ(problem->line, 43);
    EXPECT_EQ(problem->message,
              "line 43: injects[2].at: 'D2 25:00' is not a scenario time (D<day> HH:MM or an offset +HH:MM)");
}

TEST(ScenarioYamlTest, CollectsEveryProblemWithItsLine) {
    std::string text = kValid;
    text = Replace(text, "speed: 4", "speed: 5000");                       // line 12
    text = Replace(text, "sectors: [electricity]", "sectors: [nuclear]");  // line 23
    text = Replace(text, "team_roles: [csirt]", "team_roles: [janitor]");  // line 23
    text = Replace(text, "objectives: [1, 2]", "objectives: [1, 11]");     // line 30
    text = Replace(text, "  - id: i1\n", "  - id: i2\n");                  // line 33, duplicate
    text = Replace(text, "title: {ja: 開始, en: Start}", "title: {ja: 開始}");
    text = Replace(text, "scene_id: s2", "scene_id: s9");
    text = Replace(text, "url: files/manual.pdf", "url: javascript:alert(1)");
    text = Replace(text, "    optional: true\n", "    optional: maybe\n    colour: red\n");
    auto result = ReadScenarioYaml(text, Context());
    ASSERT_FALSE(result);
    const Problems& problems = result.error();
    // Structural problems stop validation, so fix them first and look again.
    ASSERT_NE(FindProblem(problems, "injects[1].optional"), nullptr) << All(problems);
    EXPECT_EQ(FindProblem(problems, "injects[1].optional")->line, 38);
    ASSERT_NE(FindProblem(problems, "injects[1].colour"), nullptr) << All(problems);
    EXPECT_EQ(FindProblem(problems, "injects[1].colour")->message,
              "line 39: injects[1].colour: unknown field (expected one of id, scene_id, at, audience, title, body, "
              "attachments, objectives, expected_actions, controller_notes, optional)");

    text = Replace(text, "    optional: maybe\n    colour: red\n", "    optional: true\n");
    result = ReadScenarioYaml(text, Context());
    ASSERT_FALSE(result);
    const Problems& semantic = result.error();
    struct Expected {
        const char* field;
        int line;
        const char* words;
    };
    for (const Expected& expected : {Expected{"scenes[0].speed", 12, "5000 is outside 0.1..1440"},
                                     Expected{"injects[0].audience.sectors[0]", 23, "unknown sector 'nuclear'"},
                                     Expected{"injects[0].audience.team_roles[0]", 23, "unknown team role 'janitor'"},
                                     Expected{"injects[0].objectives[1]", 30, "11 is not a verification objective"},
                                     Expected{"injects[1].id", 33, "'i2' is also the id of injects[0]"},
                                     Expected{"injects[1].title.en", 36, "is required"},
                                     Expected{"injects[1].attachments[0].url", 40, "is not an attachment URL"},
                                     Expected{"injects[2].scene_id", 42, "unknown scene 's9'"}}) {
        const Problem* problem = FindProblem(semantic, expected.field);
        ASSERT_NE(problem, nullptr) << expected.field << "\n" << All(semantic);
        EXPECT_EQ(problem->line, expected.line) << problem->message;
        EXPECT_NE(problem->message.find(expected.words), std::string::npos) << problem->message;
    }
}

TEST(ScenarioYamlTest, SceneOrderAndInjectOutsideItsScene) {
    std::string text = Replace(kValid, "starts_at: D2 09:00", "starts_at: D1 11:00");
    text = Replace(text, "at: D2 10:00", "at: D3 10:00");
    text = Replace(text, "ends_at: D1 12:00", "ends_at: D1 08:00");
    auto result = ReadScenarioYaml(text, Context());
    ASSERT_FALSE(result);
    const Problem* ends = FindProblem(result.error(), "scenes[0].ends_at");
    ASSERT_NE(ends, nullptr) << All(result.error());
    EXPECT_EQ(ends->line, 11);
    const Problem* outside = FindProblem(result.error(), "injects[2].at");
    ASSERT_NE(outside, nullptr) << All(result.error());
    EXPECT_NE(outside->message.find("'D3 10:00' is outside scene 's2' (D1 11:00 to D2 17:00)"), std::string::npos)
        << outside->message;
    // s1 now ends before it starts, so the overlap check compares with its (bad) end.
    auto overlapping = ReadScenarioYaml(Replace(kValid, "starts_at: D2 09:00", "starts_at: D1 11:00"), Context());
    ASSERT_FALSE(overlapping);
    const Problem* overlap = FindProblem(overlapping.error(), "scenes[1].starts_at");
    ASSERT_NE(overlap, nullptr) << All(overlapping.error());
    EXPECT_EQ(overlap->line, 15);
    EXPECT_NE(overlap->message.find("starts before scene 's1' ends (D1 12:00)"), std::string::npos);
}

TEST(ScenarioYamlTest, SyntaxErrorNamesTheLine) {
    auto result = ReadScenarioYaml("id: x\ntitle: {ja: a, en: b\nscenes: []\n", Context());
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().size(), 1u);
    EXPECT_TRUE(result.error()[0].line.has_value());
    EXPECT_NE(result.error()[0].message.find("YAML syntax"), std::string::npos);
}

TEST(ScenarioYamlTest, LimitsAndIds) {
    EXPECT_FALSE(ReadScenarioYaml(std::string(kMaxScenarioBytes + 1, '#'), Context()));
    auto bad_id = ReadScenarioYaml(Replace(kValid, "id: small", "id: \"has space\""), Context());
    ASSERT_FALSE(bad_id);
    EXPECT_EQ(bad_id.error()[0].message, "line 1: id: 'has space' is not an id (1-64 of A-Z a-z 0-9 . _ -)");
    auto long_title =
        ReadScenarioYaml(Replace(kValid, "en: Small exercise", "en: " + std::string(301, 'x')), Context());
    ASSERT_FALSE(long_title);
    EXPECT_EQ(long_title.error()[0].message, "line 4: title.en: has 301 characters; at most 300");
    auto no_scenes = ReadScenarioYaml("id: x\ntitle: {ja: a, en: b}\n", Context());
    ASSERT_FALSE(no_scenes);
    EXPECT_EQ(no_scenes.error()[0].field, "scenes");
    auto not_utf8 = ReadScenarioYaml("id: x\ntitle: {ja: \xff, en: b}\n", Context());
    ASSERT_FALSE(not_utf8);
    EXPECT_EQ(not_utf8.error()[0].line, 2);
}

TEST(ScenarioYamlTest, StopsAfterAHundredProblems) {
    std::string text = kValid;
    for (int i = 0; i < 150; ++i) {
        text += "  - {id: x" + std::to_string(i) + ", scene_id: s1, at: D9 99:99, title: {ja: a, en: b}}\n";
    }
    auto result = ReadScenarioYaml(text, Context());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().size(), kMaxProblems + 1);
    EXPECT_NE(result.error().back().message.find("reading stopped"), std::string::npos);
}

TEST(ScenarioYamlTest, OrganisationRefsAreCheckedWhenKnown) {
    const std::string text = Replace(kValid, "audience: everyone", "audience: {organisations: [EL-1, \"id:9\"]}");
    ASSERT_TRUE(ReadScenarioYaml(text, Context()));  // not checked without an exercise
    ValidationContext context = Context();
    context.organisation_refs = std::set<std::string>{"EL-1", "id:3"};
    auto result = ReadScenarioYaml(text, context);
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().size(), 1u) << All(result.error());
    EXPECT_EQ(result.error()[0].field, "injects[2].audience.organisations[1]");
    EXPECT_NE(result.error()[0].message.find("no organisation 'id:9' in this exercise"), std::string::npos);
}

TEST(ScenarioYamlTest, AudienceForms) {
    auto nobody = ReadScenarioYaml(Replace(kValid, "audience: everyone", "audience: {everyone: false}"), Context());
    ASSERT_FALSE(nobody);
    EXPECT_NE(nobody.error()[0].message.find("names nobody"), std::string::npos);
    auto both = ReadScenarioYaml(Replace(kValid, "audience: everyone", "audience: {everyone: true, modes: [online]}"),
                                 Context());
    ASSERT_FALSE(both);
    EXPECT_EQ(both.error()[0].field, "injects[2].audience.everyone");
    auto word = ReadScenarioYaml(Replace(kValid, "audience: everyone", "audience: all"), Context());
    ASSERT_FALSE(word);
    EXPECT_NE(word.error()[0].message.find("'all' is not an audience"), std::string::npos);
    auto mode = ReadScenarioYaml(Replace(kValid, "audience: everyone", "audience: {modes: [onsite]}"), Context());
    ASSERT_FALSE(mode);
    EXPECT_NE(mode.error()[0].message.find("unknown mode 'onsite'"), std::string::npos);
}

// Overlays.

Scenario Master() {
    auto scenario = ReadScenarioYaml(kValid, Context());
    EXPECT_TRUE(scenario);
    return scenario ? *scenario : Scenario{};
}

constexpr const char* kOverlay = R"(variables:
  service: 配電
changes:
  - inject_id: i2
    title: {ja: 自社版, en: Own}
  - inject_id: i1
    disabled: true
added:
  - id: own-1
    scene_id: s2
    at: "+01:00"
    audience: {team_roles: [pr]}
    title: {ja: 記者から電話, en: A reporter calls}
    body: {ja: 取材依頼, en: ""}
)";

TEST(OverlayYamlTest, ReadsWritesAndRoundTrips) {
    const Scenario master = Master();
    const OverlayTarget target{OverlayScope::kOrganisation, &master, nullptr};
    auto overlay = ReadOverlayYaml(kOverlay, target, Context());
    ASSERT_TRUE(overlay) << All(overlay.error());
    EXPECT_EQ(overlay->variables.at("service"), "配電");
    ASSERT_EQ(overlay->changes.size(), 2u);
    EXPECT_TRUE(overlay->changes[1].disabled);
    ASSERT_EQ(overlay->added.size(), 1u);
    EXPECT_EQ(overlay->added[0].at, 2 * 1440 - 1440 + 600);  // D2 09:00 + 1h
    auto again = ReadOverlayYaml(WriteOverlayYaml(*overlay), target, Context());
    ASSERT_TRUE(again) << All(again.error());
    EXPECT_EQ(WriteOverlayYaml(*again), WriteOverlayYaml(*overlay));
    auto from_json = OverlayFromJson(OverlayToJson(*overlay), target, Context());
    ASSERT_TRUE(from_json) << All(from_json.error());
    EXPECT_EQ(WriteOverlayYaml(*from_json), WriteOverlayYaml(*overlay));
    EXPECT_TRUE(ReadOverlayYaml("", target, Context()));  // empty overlay
}

TEST(OverlayYamlTest, RefusesDisablingANonOptionalInjectAndUnknownTargets) {
    const Scenario master = Master();
    const OverlayTarget target{OverlayScope::kSector, &master, nullptr};
    std::string text = Replace(kOverlay, "inject_id: i1", "inject_id: i3");
    text = Replace(text, "inject_id: i2", "inject_id: i9");
    text = Replace(text, "audience: {team_roles: [pr]}", "audience: {sectors: [water]}");
    text = Replace(text, "id: own-1", "id: i2");
    auto result = ReadOverlayYaml(text, target, Context());
    ASSERT_FALSE(result);
    const Problem* unknown = FindProblem(result.error(), "changes[0].inject_id");
    ASSERT_NE(unknown, nullptr) << All(result.error());
    EXPECT_EQ(unknown->message, "line 4: changes[0].inject_id: unknown inject 'i9'");
    const Problem* disabled = FindProblem(result.error(), "changes[1].disabled");
    ASSERT_NE(disabled, nullptr) << All(result.error());
    EXPECT_EQ(disabled->line, 7);
    EXPECT_NE(disabled->message.find("inject 'i3' is not optional"), std::string::npos);
    EXPECT_NE(FindProblem(result.error(), "added[0].audience"), nullptr) << All(result.error());
    EXPECT_NE(FindProblem(result.error(), "added[0].id"), nullptr) << All(result.error());
}

TEST(OverlayYamlTest, OrganisationOverlayMayChangeItsSectorsAddedInjects) {
    const Scenario master = Master();
    Overlay sector;
    Inject added = master.injects[2];
    added.id = "sector-1";
    added.optional = true;
    sector.added.push_back(added);
    const std::string text = "changes:\n  - inject_id: sector-1\n    disabled: true\n";
    EXPECT_TRUE(ReadOverlayYaml(text, {OverlayScope::kOrganisation, &master, &sector}, Context()));
    EXPECT_FALSE(ReadOverlayYaml(text, {OverlayScope::kSector, &master, nullptr}, Context()));
}

TEST(ScenarioJsonTest, TimelineHidesControllerNotesWhenAsked) {
    const Scenario master = Master();
    auto items = ResolveEffectiveTimeline(master, nullptr, nullptr, {1, "", "東都電力", "electricity", "venue"});
    const nlohmann::json full = EffectiveTimelineJson(items, ControllerNotes::kInclude);
    const nlohmann::json player = EffectiveTimelineJson(items, ControllerNotes::kOmit);
    ASSERT_EQ(full["items"].size(), 3u);
    EXPECT_EQ(full["items"][1]["controller_notes"], "遅れたら電話で促す");
    EXPECT_EQ(full["items"][1]["body"]["ja"], "東都電力の送電で異常。\n二行目\n");
    EXPECT_FALSE(player["items"][1].contains("controller_notes"));
    EXPECT_EQ(player.dump().find("遅れたら"), std::string::npos);
}

}  // namespace
}  // namespace enshu::scenario
