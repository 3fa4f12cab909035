// The report built from the hand-made fixture (report_test_fixture.hpp); every expected
// figure is worked out by hand in the fixture's comments and here.

#include "report/report_builder.hpp"

#include <gtest/gtest.h>

#include "report/report_test_fixture.hpp"
#include "report/report_texts.hpp"

namespace enshu::report {
namespace {

const Table& TableOf(const Document& document, const std::string& id) {
    for (const Table* table : document.Tables()) {
        if (table->id == id) return *table;
    }
    throw std::runtime_error("no table " + id);
}

// The displayed texts of the row whose first non-empty cell among the first two equals `label`.
std::vector<std::string> RowTexts(const Table& table, const std::string& label) {
    for (const auto& row : table.rows) {
        for (std::size_t column = 0; column < std::min<std::size_t>(2, row.size()); ++column) {
            if (row[column].text.rfind(label, 0) == 0) {
                std::vector<std::string> texts;
                for (const Cell& cell : row) texts.push_back(cell.text);
                return texts;
            }
        }
    }
    return {};
}

std::vector<std::string> Texts(const std::vector<Cell>& row) {
    std::vector<std::string> texts;
    for (const Cell& cell : row) texts.push_back(cell.text);
    return texts;
}

class ReportBuilderTest : public ::testing::Test {
  protected:
    ReferenceSet reference_ = testing::FixtureReference();
    ExerciseData current_ = testing::FixtureCurrent();
    ExerciseData past_ = testing::FixturePast();

    Document National(std::string language = "ja") {
        ReportOptions options;
        options.language = std::move(language);
        return BuildExerciseReport(ReportInput{reference_, current_, {&past_}}, options);
    }
};

TEST_F(ReportBuilderTest, ReadinessWithYearColumnsChangeAndDenominator) {
    const Document document = National();
    const Table& table = TableOf(document, "readiness");
    EXPECT_EQ(table.header,
              (std::vector<std::string>{"#", "取組内容", "取組状況", "22年度", "23年度", "前年度差", "回答数"}));
    // 5/10 = 50.0 %, 7/10 = 70.0 %, +20.0 pt, 10 answers.
    EXPECT_EQ(RowTexts(table, "経営層・CISOの役割と責任の整理状況"),
              (std::vector<std::string>{"", "経営層・CISOの役割と責任の整理状況", "整理済み", "50.0%", "70.0%",
                                        "+20.0pt", "10"}));
    // No FY2022 answers; 500 / 7 = 71.43 -> 71.4 %; 7 answers with a degree.
    EXPECT_EQ(RowTexts(table, "IT-BCPに沿って対応できた程度"),
              (std::vector<std::string>{"", "IT-BCPに沿って対応できた程度 (演習当日)", "できた程度 (平均値)", "—",
                                        "71.4%", "—", "7"}));
    EXPECT_EQ(table.rows[0][1].text, "組織統治");
    EXPECT_TRUE(table.rows[0][1].emphasis);
}

TEST_F(ReportBuilderTest, SectorBreakdownSuppressesSmallGroups) {
    const Document document = National();
    const Table& table = TableOf(document, "readiness_by_sector");
    EXPECT_EQ(table.header, (std::vector<std::string>{"取組内容", "金融", "水道", "電力"}));
    // finance 3/4 (4 < 5: suppressed), water none, electricity 4/6 = 66.7 %.
    EXPECT_EQ(RowTexts(table, "経営層"),
              (std::vector<std::string>{"経営層・CISOの役割と責任の整理状況", "—", "—", "66.7%"}));
    EXPECT_TRUE(table.rows[0][1].suppressed);
    EXPECT_FALSE(table.rows[0][1].value.has_value());
    // electricity degree has 4 answers with a degree: suppressed as well.
    EXPECT_EQ(RowTexts(table, "IT-BCP")[3], "—");
    const Table& objectives = TableOf(document, "objectives_by_sector");
    // ③ could: finance n = 3 suppressed; electricity 1/5 = 20.0 %.
    EXPECT_EQ(RowTexts(objectives, "①"), (std::vector<std::string>{"① 情報収集（CSIRTの活動）", "—", "—", "20.0%"}));
}

TEST_F(ReportBuilderTest, ObjectiveSettingsSharesOverRespondents) {
    const Document document = National();
    const Table& table = TableOf(document, "objectives_settings");
    // Objective 1, n = 8: ① 7/1/0, ② 6/1/1, ③ 4/3/1.
    EXPECT_EQ(Texts(table.rows[0]), (std::vector<std::string>{"① 情報収集（CSIRTの活動）", "① 手順書等の有無", "87.5%",
                                                              "12.5%", "0.0%", "8"}));
    EXPECT_EQ(Texts(table.rows[1]), (std::vector<std::string>{"", "② 参照", "75.0%", "12.5%", "12.5%", "8"}));
    EXPECT_EQ(Texts(table.rows[2]), (std::vector<std::string>{"", "③ 行動", "50.0%", "37.5%", "12.5%", "8"}));
    // Objective 2: nobody chose it.
    EXPECT_EQ(Texts(table.rows[3]),
              (std::vector<std::string>{"② インシデント対処（CSIRTの対応）", "① 手順書等の有無", "—", "—", "—", "0"}));
    // Own objectives: one entry, well ×3.
    EXPECT_EQ(table.rows[6][2].text, "100.0%");
    // The chart carries the same "could" shares.
    for (const Section& section : document.sections) {
        for (const Block& block : section.blocks) {
            if (block.kind != Block::Kind::kChart) continue;
            EXPECT_EQ(block.chart->categories, (std::vector<std::string>{"①", "②", "⑩"}));
            EXPECT_EQ(block.chart->series[2].values[0], 500);
            EXPECT_EQ(block.chart->series[0].values[1], std::nullopt);
        }
    }
    const Table& years = TableOf(document, "objectives_years");
    // ③ could: FY2022 2/4 = 50.0 %, FY2023 4/8 = 50.0 %.
    EXPECT_EQ(RowTexts(years, "①"),
              (std::vector<std::string>{"① 情報収集（CSIRTの活動）", "50.0%", "50.0%", "±0.0pt", "8"}));
}

TEST_F(ReportBuilderTest, StatementsAndRespondentCount) {
    const Document document = National();
    bool found_statement = false;
    bool found_respondents = false;
    for (const Block& block : document.sections[2].blocks) {
        for (const std::string& item : block.items) {
            if (item.find("低い割合となったのは検証課題1（情報収集（CSIRTの活動））") != std::string::npos)
                found_statement = true;
        }
        if (block.text == "回答組織数 = 8") found_respondents = true;
    }
    EXPECT_TRUE(found_statement);
    EXPECT_TRUE(found_respondents);
}

TEST_F(ReportBuilderTest, FeedbackSurveyReproducesTheSeedShares) {
    const Document document = National();
    const Table& table = TableOf(document, "feedback_survey");
    EXPECT_EQ(Texts(table.rows[0]),
              (std::vector<std::string>{"1", "有意義であったか。", "有意義", "71", "89.9%", "79"}));
    EXPECT_EQ(table.rows[1][4].text, "7.6%");
    EXPECT_EQ(table.rows[2][4].text, "2.5%");
}

TEST_F(ReportBuilderTest, ParticipantsAndRepresentativeIssues) {
    const Document document = National();
    const Table& modes = TableOf(document, "participants_by_mode");
    // ref 1..3 at the venue (2 people each), 4..10 online.
    EXPECT_EQ(Texts(modes.rows[0]), (std::vector<std::string>{"集合会場", "3", "6"}));
    EXPECT_EQ(Texts(modes.rows[1]), (std::vector<std::string>{"自職場・テレワーク", "7", "14"}));
    EXPECT_EQ(Texts(modes.rows[3]), (std::vector<std::string>{"合計", "10", "20"}));
    const Table& issues = TableOf(document, "representative_issues");
    ASSERT_EQ(issues.rows.size(), 2u);
    EXPECT_EQ(issues.rows[1][0].text, "");  // same objective: not repeated
}

TEST_F(ReportBuilderTest, WorldActivityByModeDeskAndTimes) {
    const Document document = National();
    const Table& statements = TableOf(document, "activity_statements");
    // Venue (refs 1..3): 1 of 3 = 33.3 %; online (4..10): 1 of 7 = 14.3 %; all 2 of 10.
    EXPECT_EQ(Texts(statements.rows[0]), (std::vector<std::string>{"集合会場", "1", "3", "33.3%"}));
    EXPECT_EQ(Texts(statements.rows[1]), (std::vector<std::string>{"自職場・テレワーク", "1", "7", "14.3%"}));
    EXPECT_EQ(Texts(statements.rows[3]), (std::vector<std::string>{"合計", "2", "10", "20.0%"}));
    const Table& inquiries = TableOf(document, "activity_inquiries");
    EXPECT_EQ(Texts(inquiries.rows[2]), (std::vector<std::string>{"警察庁", "352"}));
    const Table& times = TableOf(document, "activity_world_times");
    EXPECT_EQ(RowTexts(times, "広報サイトへの最初の公開")[1], "10分00秒");  // {10, 20}: lower middle
    EXPECT_EQ(RowTexts(times, "問合せへの初回応答までの時間（中央値）")[1], "4分30秒");
    EXPECT_EQ(RowTexts(times, "問合せへの初回応答までの時間（中央値）")[2], "871件中800件に応答");
    const Document own = BuildOrganisationReport(ReportInput{reference_, current_, {&past_}},
                                                 ReportOptions{"ja", 5, {ScopeKind::kOrganisation, "", 1}, ""});
    const Table& world = TableOf(own, "own_world_activity");
    EXPECT_EQ(Texts(world.rows[0]), (std::vector<std::string>{"広報サイトに公開した文書", "2", ""}));
    EXPECT_EQ(Texts(world.rows[2]),
              (std::vector<std::string>{"最初の報告までの時間（中央値）", "30分00秒", "30分00秒"}));
    EXPECT_EQ(Texts(world.rows[3]), (std::vector<std::string>{"問合せ件数", "2", ""}));
    // Own {3, 5} min -> lower middle 3 min; everyone {3, 5, 9} -> 5 min.
    EXPECT_EQ(Texts(world.rows[4]),
              (std::vector<std::string>{"問合せへの初回応答までの時間（中央値）", "3分00秒", "5分00秒"}));
}

TEST_F(ReportBuilderTest, MinistryReportIsRestrictedToItsSectors) {
    ReportOptions options;
    options.scope = {ScopeKind::kMinistry, "meti", 0};
    const Document document = BuildExerciseReport(ReportInput{reference_, current_, {&past_}}, options);
    const Table& readiness = TableOf(document, "readiness");
    // Electricity only: FY2022 5/6 = 83.3 %, FY2023 4/6 = 66.7 %, change of the displayed figures −16.6 pt.
    EXPECT_EQ(RowTexts(readiness, "経営層"), (std::vector<std::string>{"", "経営層・CISOの役割と責任の整理状況",
                                                                       "整理済み", "83.3%", "66.7%", "-16.6pt", "6"}));
    // 4 answers with a degree: below 5, suppressed in a restricted scope.
    EXPECT_EQ(RowTexts(readiness, "IT-BCP")[4], "—");
    const Table& sectors = TableOf(document, "readiness_by_sector");
    EXPECT_EQ(sectors.header, (std::vector<std::string>{"取組内容", "電力"}));
    const Table& settings = TableOf(document, "objectives_settings");
    EXPECT_EQ(Texts(settings.rows[0]), (std::vector<std::string>{"① 情報収集（CSIRTの活動）", "① 手順書等の有無",
                                                                 "80.0%", "20.0%", "0.0%", "5"}));
    EXPECT_EQ(TableOf(document, "participants_by_mode").rows[3][1].text, "6");
}

TEST_F(ReportBuilderTest, EnglishReport) {
    const Document document = National("en");
    EXPECT_EQ(document.title, "[Exercise results] FY2023 cross-sector exercise: results report");
    const Table& table = TableOf(document, "readiness");
    EXPECT_EQ(table.header[3], "FY2022");
    EXPECT_EQ(RowTexts(table, "Roles defined")[5], "+20.0pt");
}

Document OrganisationReport(const ReferenceSet& reference, const ExerciseData& current, const ExerciseData& past,
                            std::int64_t organisation_id) {
    ReportOptions options;
    options.scope = {ScopeKind::kOrganisation, "", organisation_id};
    return BuildOrganisationReport(ReportInput{reference, current, {&past}}, options);
}

TEST_F(ReportBuilderTest, OrganisationReportBesideSectorAndEveryone) {
    const Document document = OrganisationReport(reference_, current_, past_, 1);
    EXPECT_EQ(document.subtitle, "組織1");
    const Table& readiness = TableOf(document, "own_readiness");
    EXPECT_EQ(RowTexts(readiness, "経営層"), (std::vector<std::string>{"経営層・CISOの役割と責任の整理状況", "整理済み",
                                                                       "整理済み", "66.7%", "70.0%"}));
    EXPECT_EQ(RowTexts(readiness, "IT-BCP")[3], "—");  // electricity: 4 degree answers
    EXPECT_EQ(RowTexts(readiness, "IT-BCP")[4], "71.4%");
    const Table& objectives = TableOf(document, "own_objectives");
    EXPECT_EQ(Texts(objectives.rows[0]), (std::vector<std::string>{"① 情報収集（CSIRTの活動）", "① 手順書等の有無",
                                                                   "よく対応できた", "80.0%", "87.5%"}));
    EXPECT_EQ(objectives.rows[3][0].text, "⑩ 独自の課題設定: 自社独自の検証");
    EXPECT_EQ(objectives.rows[3][3].text, "—");  // one own objective in the sector
    const Table& activity = TableOf(document, "own_activity");
    // Own: 60 s and 300 s; everyone's medians of i1: {60,120,240} -> 120 s, {300,600} -> 300 s.
    EXPECT_EQ(Texts(activity.rows[0]), (std::vector<std::string>{"i1", "1分00秒", "2分00秒", "5分00秒", "5分00秒"}));
    const Table& issues = TableOf(document, "own_issues");
    EXPECT_EQ(issues.rows.size(), 1u);
    const Table& trend = TableOf(document, "own_trend_readiness");
    EXPECT_EQ(trend.header, (std::vector<std::string>{"取組内容", "22年度", "23年度"}));
    EXPECT_EQ(RowTexts(trend, "経営層"),
              (std::vector<std::string>{"経営層・CISOの役割と責任の整理状況", "整理済み", "整理済み"}));
    const Table& objective_trend = TableOf(document, "own_trend_objectives");
    EXPECT_EQ(RowTexts(objective_trend, "①"),
              (std::vector<std::string>{"① 情報収集（CSIRTの活動）", "対応できた", "対応できた"}));
}

TEST_F(ReportBuilderTest, OrganisationReportSuppressesASmallSector) {
    const Document document = OrganisationReport(reference_, current_, past_, 7);
    const Table& readiness = TableOf(document, "own_readiness");
    EXPECT_EQ(RowTexts(readiness, "経営層")[3], "—");  // finance: 4 organisations
    EXPECT_EQ(RowTexts(readiness, "経営層")[4], "70.0%");
}

TEST_F(ReportBuilderTest, OrganisationWithoutEarlierYearHasNoTrend) {
    current_.organisations[0].external_ref = "";
    const Document document = OrganisationReport(reference_, current_, past_, 1);
    bool said = false;
    for (const Block& block : document.sections.back().blocks) said = said || block.text == Text("own.no_trend", "ja");
    EXPECT_TRUE(said);
}

TEST(ReportTextsTest, EveryKeyHasBothLanguages) {
    for (const char* key :
         {"title", "section.readiness", "note.rounding", "note.suppression", "objectives.statement_lowest",
          "activity.world_missing", "table.activity_statements", "note.xlsx_percent", "own.no_trend"}) {
        EXPECT_TRUE(HasText(key)) << key;
    }
    EXPECT_EQ(Fill("{1} と {2}、{1}", {"A", "B"}), "A と B、A");
    EXPECT_EQ(FiscalYearLabel(2023, "ja"), "23年度");
    EXPECT_EQ(FiscalYearLabel(2005, "ja"), "05年度");
    EXPECT_EQ(FiscalYearLabel(2023, "en"), "FY2023");
}

}  // namespace
}  // namespace enshu::report
