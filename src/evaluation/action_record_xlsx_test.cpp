// The action-record workbook: what is written can be read back unchanged, and every
// problem of an edited upload is named by sheet and cell.

#include "evaluation/action_record_xlsx.hpp"

#include <gtest/gtest.h>

#include "io/xlsx.hpp"

namespace enshu::evaluation {
namespace {

const OrganisationFacts kOrganisation{3, 9, "デモ電力", "electricity", "meti", "venue", ""};
const std::vector<RatingOption> kRatings = {{"very_well", "よく対応できた", "Handled very well"},
                                            {"well", "対応できた", "Handled well"},
                                            {"not_well", "あまり対応できなかった", "Not handled well"},
                                            {"hardly", "ほとんど対応できなかった", "Hardly handled"},
                                            {"no_answer", "無回答", "No answer"}};
const std::vector<db::Objective> kObjectives = {
    {2, "インシデント対処", "Incident handling", "", "", "", "", "", false}};

ActionRecordSheet Sheet() {
    ActionRecordSheet sheet;
    sheet.objectives.push_back({{11, 2, 0, ""}, {"very_well", "", "hardly"}, {"課題A", "課題B"}});
    sheet.objectives.push_back({{12, 10, 1, "夜間の連絡"}, {}, {}});
    return sheet;
}

std::vector<io::ReadSheet> Read(const std::string& bytes) {
    auto sheets = io::ReadXlsx(bytes);
    EXPECT_TRUE(sheets) << (sheets ? "" : sheets.error().message);
    return sheets ? *sheets : std::vector<io::ReadSheet>();
}

std::string Write(const std::vector<io::ReadSheet>& sheets) {
    std::vector<io::SheetToWrite> written;
    for (const auto& sheet : sheets) {
        io::SheetToWrite copy{sheet.name, {}, {}};
        for (const auto& row : sheet.rows) {
            std::vector<io::CellValue> cells;
            for (const auto& cell : row) cells.push_back(cell.empty() ? io::CellValue() : io::CellValue(cell));
            copy.rows.push_back(std::move(cells));
        }
        written.push_back(std::move(copy));
    }
    auto bytes = io::WriteXlsx(written);
    EXPECT_TRUE(bytes);
    return bytes ? *bytes : std::string();
}

std::string Built() {
    auto bytes =
        BuildActionRecordWorkbook(Sheet(), {kOrganisation, "演習", kObjectives, kRatings, "2023-12-07T09:00:00Z"});
    EXPECT_TRUE(bytes) << (bytes ? "" : bytes.error().message);
    return bytes ? *bytes : std::string();
}

TEST(ActionRecordXlsxTest, WhatIsWrittenReadsBackAsTheSameAnswers) {
    const std::string bytes = Built();
    const auto sheets = Read(bytes);
    ASSERT_EQ(sheets.size(), 3u);
    EXPECT_EQ(sheets[0].rows[4][1], "enshu-action-record:v1:3:9");
    EXPECT_EQ(sheets[0].rows[5][1], "演習 EXERCISE");  // the exercise marking (core/exercise_marking.hpp)
    EXPECT_EQ(sheets[1].rows[1][2], "インシデント対処");
    EXPECT_EQ(sheets[1].rows[1][3], "よく対応できた");
    EXPECT_EQ(sheets[1].rows[2][0], "10-1");
    auto parsed = ParseActionRecordWorkbook(bytes, Sheet(), kOrganisation, kRatings);
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_TRUE(parsed->problems.empty()) << parsed->problems[0].message;
    ASSERT_EQ(parsed->inputs.size(), 2u);
    EXPECT_EQ(parsed->inputs[0].key, "10-1");  // by key order
    EXPECT_EQ(parsed->inputs[1].key, "2");
    EXPECT_EQ(parsed->inputs[1].ratings, (std::array<std::string, 3>{"very_well", "", "hardly"}));
    EXPECT_EQ(parsed->inputs[1].issues, (std::vector<std::string>{"課題A", "課題B"}));
}

TEST(ActionRecordXlsxTest, EveryProblemNamesItsSheetAndCell) {
    auto sheets = Read(Built());
    sheets[1].rows[1][4] = "まあまあ";
    sheets[1].rows[2][5] = "handled well";  // English labels are accepted, in any case
    sheets[1].rows.push_back({"7", "7", "", "無回答", "", ""});
    sheets[2].rows.push_back({"", "", "番号のない課題"});
    sheets[2].rows.push_back({"2", "", std::string(4001, 'x')});
    auto parsed = ParseActionRecordWorkbook(Write(sheets), Sheet(), kOrganisation, kRatings);
    ASSERT_TRUE(parsed);
    std::vector<std::string> where;
    for (const auto& problem : parsed->problems) where.push_back(problem.sheet + "!" + problem.cell);
    const std::string no_number = "課題!A" + std::to_string(sheets[2].rows.size() - 1);
    const std::string too_long = "課題!C" + std::to_string(sheets[2].rows.size());
    EXPECT_EQ(where, (std::vector<std::string>{"行動記録!E2", "行動記録!A4", no_number, too_long}));
    EXPECT_EQ(
        parsed->problems[0].message,
        "'まあまあ' is not one of よく対応できた/対応できた/あまり対応できなかった/ほとんど対応できなかった/無回答");
    EXPECT_TRUE(parsed->inputs.empty());
}

TEST(ActionRecordXlsxTest, AnotherOrganisationsWorkbookOrAMissingSheetIsRefused) {
    auto sheets = Read(Built());
    OrganisationFacts other = kOrganisation;
    other.id = 10;
    auto wrong = ParseActionRecordWorkbook(Write(sheets), Sheet(), other, kRatings);
    ASSERT_TRUE(wrong);
    ASSERT_EQ(wrong->problems.size(), 1u);
    EXPECT_EQ(wrong->problems[0].cell, "B5");
    sheets.pop_back();
    auto missing = ParseActionRecordWorkbook(Write(sheets), Sheet(), kOrganisation, kRatings);
    ASSERT_TRUE(missing);
    ASSERT_EQ(missing->problems.size(), 1u);
    EXPECT_EQ(missing->problems[0].sheet, "課題");
    auto garbage = ParseActionRecordWorkbook("PK not really", Sheet(), kOrganisation, kRatings);
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().field, "file");
    EXPECT_FALSE(ParseActionRecordWorkbook("", Sheet(), kOrganisation, kRatings));
}

}  // namespace
}  // namespace enshu::evaluation
