#include "scenario/scenario_msel.hpp"

#include <gtest/gtest.h>

#include "io/xlsx.hpp"

namespace enshu::scenario {
namespace {

ValidationContext Context() {
    ValidationContext context;
    context.sector_codes = {"electricity", "finance"};
    return context;
}

constexpr const char* kScenario = R"(id: msel
title: {ja: 表計算, en: Spreadsheet}
summary: {ja: 概要, en: ""}
variables: {service: 送電, supplier: ベンダーA}
scenes:
  - {id: s1, title: {ja: 一, en: One}, starts_at: D1 09:00, ends_at: D1 12:00, speed: 2.5}
  - {id: s2, title: {ja: 二, en: Two}, starts_at: D2 09:00, ends_at: D2 10:00, speed: 60, pause_at_end: true}
injects:
  - id: a
    scene_id: s1
    at: D1 09:15
    audience: {sectors: [electricity, finance], modes: [venue], team_roles: [management, pr]}
    title: {ja: 停止, en: Outage}
    body: {ja: "一行目\n二行目", en: Line}
    objectives: [3, 9]
    expected_actions: [経営層へ報告, 広報文を準備]
    controller_notes: 注記
    optional: true
    attachments: [{name: 図.png, url: files/figure.png}]
  - {id: b, scene_id: s2, at: D2 09:00, audience: {organisations: [EL-1]}, title: {ja: B, en: B}, body: {ja: B, en: ""}}
)";

TEST(ScenarioMselTest, RoundTripsThroughTheWorkbook) {
    auto scenario = ReadScenarioYaml(kScenario, Context());
    ASSERT_TRUE(scenario) << scenario.error().front().message;
    auto bytes = WriteScenarioXlsx(*scenario);
    ASSERT_TRUE(bytes) << bytes.error().message;
    auto again = ReadScenarioXlsx(*bytes, Context());
    ASSERT_TRUE(again) << again.error().front().message;
    EXPECT_EQ(WriteScenarioYaml(*again), WriteScenarioYaml(*scenario));

    auto sheets = io::ReadXlsx(*bytes);
    ASSERT_TRUE(sheets);
    ASSERT_EQ(sheets->size(), 3u);
    EXPECT_EQ((*sheets)[2].name, "injects");
    EXPECT_EQ((*sheets)[2].rows[1][11], "3,9");
}

// A workbook with the given injects rows (header first) and one scene.
std::string Workbook(std::vector<std::vector<std::string>> inject_rows) {
    io::SheetToWrite info{"scenario", {}, {}};
    info.rows = {{std::string("field"), std::string("value")},
                 {std::string("id"), std::string("w")},
                 {std::string("title_ja"), std::string("題")},
                 {std::string("title_en"), std::string("Title")}};
    io::SheetToWrite scenes{"scenes", {}, {}};
    scenes.rows = {{std::string("id"), std::string("title_ja"), std::string("title_en"), std::string("starts_at"),
                    std::string("ends_at"), std::string("speed")},
                   {std::string("s1"), std::string("一"), std::string("One"), std::string("D1 09:00"),
                    std::string("D1 12:00"), 2.0}};
    io::SheetToWrite injects{"injects", {}, {}};
    for (auto& row : inject_rows) injects.rows.emplace_back(row.begin(), row.end());
    auto bytes = io::WriteXlsx({info, scenes, injects});
    EXPECT_TRUE(bytes);
    return bytes ? *bytes : std::string();
}

const std::vector<std::string> kHeader = {"id",       "scene",    "time",    "sectors",
                                          "title_ja", "title_en", "body_ja", "objectives"};

TEST(ScenarioMselTest, ErrorsNameSheetCellAndField) {
    const std::string bytes = Workbook({kHeader,
                                        {"a", "s1", "D1 09:00", "", "A", "A", "本文", "1,5"},
                                        {"b", "s1", "D1 25:00", "nuclear", "B", "B", "本文", ""},
                                        {"c", "s9", "D1 10:00", "", "C", "", "本文", "12"}});
    auto result = ReadScenarioXlsx(bytes, Context());
    ASSERT_FALSE(result);
    std::string all;
    for (const auto& problem : result.error()) all += problem.message + "\n";
    // The time is a structural problem: it is reported first, validation waits.
    ASSERT_EQ(result.error().size(), 1u) << all;
    const Problem& time = result.error()[0];
    EXPECT_EQ(time.sheet, "injects");
    EXPECT_EQ(time.cell, "C3");
    EXPECT_EQ(time.field, "injects[1].at");
    EXPECT_EQ(time.message,
              "sheet injects, cell C3: injects[1].at: 'D1 25:00' is not a scenario time (D<day> HH:MM or an offset "
              "+HH:MM)");

    auto semantic = ReadScenarioXlsx(Workbook({kHeader,
                                               {"a", "s1", "D1 09:00", "", "A", "A", "本文", "1,5"},
                                               {"b", "s1", "D1 11:00", "nuclear", "B", "B", "本文", ""},
                                               {"c", "s9", "D1 10:00", "", "C", "", "本文", "12"}}),
                                     Context());
    ASSERT_FALSE(semantic);
    std::map<std::string, std::string> cells;
    for (const auto& problem : semantic.error()) cells[problem.field] = problem.cell;
    EXPECT_EQ(cells["injects[1].audience.sectors[0]"], "D3");
    EXPECT_EQ(cells["injects[2].scene_id"], "B4");
    EXPECT_EQ(cells["injects[2].title.en"], "F4");
    EXPECT_EQ(cells["injects[2].objectives[0]"], "H4");
}

TEST(ScenarioMselTest, HeaderAndSheetProblems) {
    auto unknown =
        ReadScenarioXlsx(Workbook({{"id", "scene", "time", "colour", "title_ja", "title_en", "body_ja"}}), Context());
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error()[0].message, "sheet injects, cell D1: unknown column 'colour'");
    auto missing = ReadScenarioXlsx(Workbook({{"id", "scene", "title_ja", "title_en", "body_ja"}}), Context());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error()[0].message, "sheet injects, cell A1: missing column 'time'");
    EXPECT_FALSE(ReadScenarioXlsx("not a zip", Context()));
    io::SheetToWrite only{"other", {{std::string("x")}}, {}};
    auto no_sheets = ReadScenarioXlsx(*io::WriteXlsx({only}), Context());
    ASSERT_FALSE(no_sheets);
    EXPECT_EQ(no_sheets.error()[0].message, "the workbook has no sheet 'injects'");
}

}  // namespace
}  // namespace enshu::scenario
