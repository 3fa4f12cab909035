#include "io/xlsx_cells.hpp"

#include <gtest/gtest.h>

#include "io/xlsx.hpp"

namespace enshu::io {
namespace {

TEST(CellReferenceTest, FormatsColumnsInBijectiveBase26) {
    EXPECT_EQ(CellReference(0, 0), "A1");
    EXPECT_EQ(CellReference(9, 27), "AB10");
    EXPECT_EQ(CellReference(0, 25), "Z1");
    EXPECT_EQ(CellReference(0, 26), "AA1");
    EXPECT_EQ(CellReference(0, 701), "ZZ1");
    EXPECT_EQ(CellReference(0, 702), "AAA1");
    EXPECT_EQ(CellReference(1048575, 16383), "XFD1048576");
}

TEST(ParseCellReferenceTest, InvertsCellReference) {
    for (std::size_t column : {0u, 1u, 25u, 26u, 27u, 701u, 702u, 16383u}) {
        const auto parsed = ParseCellReference(CellReference(6, column));
        ASSERT_TRUE(parsed.has_value()) << column;
        EXPECT_EQ(parsed->row, 6u);
        EXPECT_EQ(parsed->column, column);
    }
    const auto absolute = ParseCellReference("$c$7");
    ASSERT_TRUE(absolute.has_value());
    EXPECT_EQ(absolute->row, 6u);
    EXPECT_EQ(absolute->column, 2u);
}

TEST(ParseCellReferenceTest, RejectsMalformedAndOutOfRange) {
    for (const char* bad : {"", "A", "7", "A0", "A01", "1A", "A1B", "XFE1", "AAAA1", "A1048577", "A-1", "Ａ1"}) {
        EXPECT_FALSE(ParseCellReference(bad).has_value()) << bad;
    }
}

TEST(FormatXlsxNumberTest, IntegersWithoutFractionOthersWithFifteenDigits) {
    EXPECT_EQ(FormatXlsxNumber("42"), "42");
    EXPECT_EQ(FormatXlsxNumber("42.0"), "42");
    EXPECT_EQ(FormatXlsxNumber("-7"), "-7");
    EXPECT_EQ(FormatXlsxNumber("1.0E+3"), "1000");
    EXPECT_EQ(FormatXlsxNumber("-0"), "0");
    EXPECT_EQ(FormatXlsxNumber("0.30000000000000004"), "0.3");
    EXPECT_EQ(FormatXlsxNumber("3.14159"), "3.14159");
    EXPECT_EQ(FormatXlsxNumber("45291.5"), "45291.5");
    EXPECT_EQ(FormatXlsxNumber("123456789012345"), "123456789012345");
    EXPECT_EQ(FormatXlsxNumber("1E+20"), "1e+20");
    EXPECT_EQ(FormatXlsxNumber("1.5E-7"), "1.5e-07");
    EXPECT_EQ(FormatXlsxNumber("abc"), "abc");
    EXPECT_EQ(FormatXlsxNumber(""), "");
}

TEST(DecodeXlsxEscapesTest, DecodesControlCharactersAndUnderscores) {
    EXPECT_EQ(DecodeXlsxEscapes("a_x000D_\nb"), "a\r\nb");
    EXPECT_EQ(DecodeXlsxEscapes("_x005F_x0041_"), "_x0041_");
    EXPECT_EQ(DecodeXlsxEscapes("_x6771__x4EAC_"), "東京");
    EXPECT_EQ(DecodeXlsxEscapes("_xD842__xDFB7_"), "𠮷");
    EXPECT_EQ(DecodeXlsxEscapes("_xD842_"), "\xEF\xBF\xBD");
    EXPECT_EQ(DecodeXlsxEscapes("_x12_ _xZZZZ_ plain_x"), "_x12_ _xZZZZ_ plain_x");
}

TEST(EscapeXlsxLookalikesTest, ProtectsEscapeShapedTextOnly) {
    EXPECT_EQ(EscapeXlsxLookalikes("_x0041_"), "_x005F_x0041_");
    EXPECT_EQ(EscapeXlsxLookalikes("a_x12_b _xZZZZ_"), "a_x12_b _xZZZZ_");
    for (const char* text : {"_x0041_", "__x000D__", "_x005F_", "東京_x6771_"}) {
        EXPECT_EQ(DecodeXlsxEscapes(EscapeXlsxLookalikes(text)), text) << text;
    }
}

TEST(SanitiseSheetNamesTest, ReplacesForbiddenCharactersTruncatesAndDeduplicates) {
    const std::vector<std::string> names = SanitiseSheetNames(
        {"集計[2024]/速報?", "", "'引用'", "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむ",
         "Summary", "summary", "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほま", "bad\xFF"});
    ASSERT_EQ(names.size(), 8u);
    EXPECT_EQ(names[0], "集計_2024__速報_");
    EXPECT_EQ(names[1], "Sheet2");
    EXPECT_EQ(names[2], "引用");
    EXPECT_EQ(names[3], "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほま");  // 31 characters
    EXPECT_EQ(names[4], "Summary");
    EXPECT_EQ(names[5], "summary (2)");
    EXPECT_EQ(names[6], "あいうえおかきくけこさしすせそたちつてとなにぬねのはひ (2)");  // 27 + 4
    EXPECT_EQ(names[7], "Sheet8");
}

}  // namespace
}  // namespace enshu::io
