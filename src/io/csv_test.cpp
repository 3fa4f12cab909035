#include "io/csv.hpp"

#include <gtest/gtest.h>

namespace enshu::io {
namespace {

Table MustParse(std::string_view text, const CsvLimits& limits = {}) {
    auto table = ParseCsv(text, limits);
    EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().message);
    return table ? *table : Table{};
}

TEST(ParseCsvTest, SimpleRowsWithLf) { EXPECT_EQ(MustParse("a,b\n1,2\n"), (Table{{"a", "b"}, {"1", "2"}})); }

TEST(ParseCsvTest, CrLfAndLoneCrLineEnds) {
    EXPECT_EQ(MustParse("a,b\r\n1,2\r\n"), (Table{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(MustParse("a,b\r1,2\r"), (Table{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(MustParse("a\r\nb\nc\rd"), (Table{{"a"}, {"b"}, {"c"}, {"d"}}));
}

TEST(ParseCsvTest, ExcelStyleBomAndJapaneseText) {
    const std::string text = "\xEF\xBB\xBF組織名,業種,担当者\r\n東京電力パワーグリッド,電力,山田 太郎\r\n";
    EXPECT_EQ(MustParse(text), (Table{{"組織名", "業種", "担当者"}, {"東京電力パワーグリッド", "電力", "山田 太郎"}}));
}

TEST(ParseCsvTest, QuotedFieldsWithCommasQuotesAndLineBreaks) {
    const std::string text =
        "name,note\r\n\"鈴木, 一郎\",\"彼は\"\"至急\"\"と言った\"\r\n\"x\",\"1行目\r\n2行目\n3行目\"\r\n";
    EXPECT_EQ(MustParse(text),
              (Table{{"name", "note"}, {"鈴木, 一郎", "彼は\"至急\"と言った"}, {"x", "1行目\r\n2行目\n3行目"}}));
}

TEST(ParseCsvTest, EmptyFieldsAndEmptyQuotedFields) {
    EXPECT_EQ(MustParse(",,\n\"\",a,\n"), (Table{{"", "", ""}, {"", "a", ""}}));
}

TEST(ParseCsvTest, TrailingEmptyLinesIgnoredButInnerEmptyLineIsARow) {
    EXPECT_EQ(MustParse("a\r\n\r\nb\r\n\r\n\r\n"), (Table{{"a"}, {""}, {"b"}}));
    EXPECT_EQ(MustParse("a"), (Table{{"a"}}));
    EXPECT_TRUE(MustParse("").empty());
    EXPECT_TRUE(MustParse("\xEF\xBB\xBF").empty());
    EXPECT_TRUE(MustParse("\r\n\n").empty());
}

TEST(ParseCsvTest, SpacesArePartOfTheField) { EXPECT_EQ(MustParse(" a , b \n"), (Table{{" a ", " b "}})); }

TEST(ParseCsvTest, UnterminatedQuoteNamesTheLineWhereItOpened) {
    auto result = ParseCsv("a,b\n1,\"open\nstill open\n");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message, "line 2, column 2: unterminated quoted field (no closing quote)");
}

TEST(ParseCsvTest, StrayQuoteInUnquotedFieldIsAnError) {
    auto result = ParseCsv("a,b\n1,2\"3\n");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(result.error().message.find("line 2, column 2: quote inside an unquoted field"), std::string::npos)
        << result.error().message;
}

TEST(ParseCsvTest, TextAfterClosingQuoteIsAnError) {
    auto result = ParseCsv("\"a\"b,c\n");
    ASSERT_FALSE(result.has_value());
    EXPECT_NE(result.error().message.find("line 1, column 1: unexpected character after the closing quote"),
              std::string::npos)
        << result.error().message;
}

TEST(ParseCsvTest, LineNumbersCountLinesInsideQuotedFields) {
    auto result = ParseCsv("\"a\nb\",c\nd,e\"\n");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().message.rfind("line 3, column 2:", 0), 0u) << result.error().message;
}

TEST(ParseCsvTest, InvalidUtf8NamesTheLine) {
    // Shift_JIS "東京" on line 3.
    auto result = ParseCsv("a\r\nb\r\n\x93\x8C\x8B\x9E\r\n");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message, "line 3: invalid UTF-8 (save the file as UTF-8)");
}

TEST(ParseCsvTest, RowLimit) {
    CsvLimits limits;
    limits.max_rows = 2;
    EXPECT_EQ(MustParse("a\nb\n", limits).size(), 2u);
    auto result = ParseCsv("a\nb\nc\n", limits);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kPayloadTooLarge);
    EXPECT_EQ(result.error().message, "line 3: more than max_rows=2 rows");
}

TEST(ParseCsvTest, ColumnLimit) {
    CsvLimits limits;
    limits.max_columns = 3;
    EXPECT_EQ(MustParse("a,b,c\n", limits).size(), 1u);
    auto result = ParseCsv("a,b,c\nd,e,f,g\n", limits);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kPayloadTooLarge);
    EXPECT_EQ(result.error().message, "line 2, column 4: more than max_columns=3 columns");
}

TEST(ParseCsvTest, CellLimitCountsBytesOfTheDecodedCell) {
    CsvLimits limits;
    limits.max_cell_bytes = 6;  // two Japanese characters
    EXPECT_EQ(MustParse("東京\n", limits), (Table{{"東京"}}));
    auto result = ParseCsv("a,東京都\n", limits);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kPayloadTooLarge);
    EXPECT_EQ(result.error().message, "line 1, column 2: cell is 9 bytes, over max_cell_bytes=6");
}

TEST(ParseCsvTest, InputAndTotalCellLimits) {
    CsvLimits limits;
    limits.max_input_bytes = 4;
    auto too_long = ParseCsv("abcde", limits);
    ASSERT_FALSE(too_long.has_value());
    EXPECT_EQ(too_long.error().code, ErrorCode::kPayloadTooLarge);
    EXPECT_NE(too_long.error().message.find("max_input_bytes=4"), std::string::npos);

    CsvLimits cells;
    cells.max_cells = 3;
    auto too_many = ParseCsv("a,b\nc,d\n", cells);
    ASSERT_FALSE(too_many.has_value());
    EXPECT_EQ(too_many.error().code, ErrorCode::kPayloadTooLarge);
    EXPECT_EQ(too_many.error().message, "line 2, column 2: more than max_cells=3 cells");
}

TEST(WriteCsvTest, BomCrLfAndQuotingOnlyWhenNeeded) {
    const Table table{{"組織", "メモ"}, {"a,b", "say \"hi\""}, {"line1\nline2", "plain"}};
    EXPECT_EQ(WriteCsv(table), "\xEF\xBB\xBF組織,メモ\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",plain\r\n");
}

TEST(WriteCsvTest, FormulaGuardPrefixesDangerousCells) {
    const Table table{{"=1+1", "+81", "-5", "@SUM(A1)", "\tx", "a=b", "'ok"}};
    EXPECT_EQ(WriteCsv(table, FormulaGuard::kEscape), "\xEF\xBB\xBF'=1+1,'+81,'-5,'@SUM(A1),'\tx,a=b,'ok\r\n");
    EXPECT_EQ(WriteCsv(table, FormulaGuard::kNone), "\xEF\xBB\xBF=1+1,+81,-5,@SUM(A1),\tx,a=b,'ok\r\n");
    EXPECT_EQ(WriteCsv(Table{{"\rx"}}, FormulaGuard::kEscape), "\xEF\xBB\xBF\"'\rx\"\r\n");
}

TEST(WriteCsvTest, EmptyRowsSurviveARoundTrip) {
    const Table table{{"a"}, {""}, {"b", ""}, {""}};
    EXPECT_EQ(MustParse(WriteCsv(table, FormulaGuard::kNone)), table);
}

TEST(WriteCsvTest, RoundTripPreservesEverything) {
    const Table table{{"組織名", "説明", "数"},
                      {"ｶﾌﾞｼｷｶﾞｲｼｬ", "改行\r\nあり", "12"},
                      {"\"引用\"", "カンマ, あり", ""},
                      {" 前後の空白 ", "\xE3\x80\x80全角空白", "-3"},
                      {"", "", "=A1"}};
    EXPECT_EQ(MustParse(WriteCsv(table, FormulaGuard::kNone)), table);
    const Table guarded = MustParse(WriteCsv(table, FormulaGuard::kEscape));
    EXPECT_EQ(guarded[3][2], "'-3");
    EXPECT_EQ(guarded[4][2], "'=A1");
    EXPECT_EQ(guarded[1], table[1]);
}

}  // namespace
}  // namespace enshu::io
