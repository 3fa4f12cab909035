// WriteXlsx, checked by reading its output back with ReadXlsx and by looking at the parts.

#include "io/xlsx.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "io/zip_reader.hpp"

namespace enshu::io {
namespace {

std::string MustWrite(const std::vector<SheetToWrite>& sheets) {
    auto bytes = WriteXlsx(sheets);
    EXPECT_TRUE(bytes.has_value()) << (bytes ? "" : bytes.error().message);
    return bytes ? *bytes : std::string();
}

std::vector<ReadSheet> MustRead(std::string_view bytes) {
    auto sheets = ReadXlsx(bytes);
    EXPECT_TRUE(sheets.has_value()) << (sheets ? "" : sheets.error().message);
    return sheets ? *sheets : std::vector<ReadSheet>();
}

std::string Part(std::string_view bytes, std::string_view name) {
    auto zip = ZipReader::Open(bytes);
    EXPECT_TRUE(zip.has_value());
    if (!zip) return {};
    auto content = (*zip)->Read(name, 1 << 20);
    EXPECT_TRUE(content.has_value()) << name;
    return content ? *content : std::string();
}

TEST(WriteXlsxTest, RoundTripWithJapaneseNumbersAndEmptyCells) {
    SheetToWrite participants{"参加者",
                              {{std::string("組織名"), std::string("業種"), std::string("人数"), std::string("比率")},
                               {std::string("東京電力パワーグリッド"), std::string("電力"), 12.0, 0.25},
                               {std::string("ｶﾌﾞｼｷｶﾞｲｼｬ"), std::monostate{}, -3.0, 1.0 / 3.0},
                               {},
                               {std::string(" 前後の空白 "), std::string("改行\nあり"), 1e20, std::string("")},
                               {std::monostate{}, std::monostate{}, std::monostate{}, std::string("最後")}},
                              {30, 12, 8, 8}};
    SheetToWrite summary{"集計", {{std::string("合計")}, {15.0}}, {}};
    const std::string bytes = MustWrite({participants, summary});
    ASSERT_TRUE(bytes.starts_with("PK"));

    const std::vector<ReadSheet> sheets = MustRead(bytes);
    ASSERT_EQ(sheets.size(), 2u);
    EXPECT_EQ(sheets[0].name, "参加者");
    using Rows = std::vector<std::vector<std::string>>;
    EXPECT_EQ(sheets[0].rows, (Rows{{"組織名", "業種", "人数", "比率"},
                                    {"東京電力パワーグリッド", "電力", "12", "0.25"},
                                    {"ｶﾌﾞｼｷｶﾞｲｼｬ", "", "-3", "0.333333333333333"},
                                    {"", "", "", ""},
                                    {" 前後の空白 ", "改行\nあり", "1e+20", ""},
                                    {"", "", "", "最後"}}));
    EXPECT_EQ(sheets[1].name, "集計");
    EXPECT_EQ(sheets[1].rows, (Rows{{"合計"}, {"15"}}));
}

TEST(WriteXlsxTest, ControlCharactersAndEscapeLookalikesRoundTrip) {
    const std::string text = "tab\there\r\nCR \x01 _x0041_ <&>\"'";
    const std::vector<ReadSheet> sheets = MustRead(MustWrite({{"s", {{text}}, {}}}));
    ASSERT_EQ(sheets.size(), 1u);
    EXPECT_EQ(sheets[0].rows, (std::vector<std::vector<std::string>>{{text}}));
}

TEST(WriteXlsxTest, NumbersAreNumericCellsAndHeaderIsBold) {
    const std::string bytes =
        MustWrite({{"S", {{std::string("見出し"), std::string("数")}, {std::string("x"), 42.0}}, {25, 10}}});
    const std::string sheet = Part(bytes, "xl/worksheets/sheet1.xml");
    const std::size_t number_cell = sheet.find("<c r=\"B2\"");
    ASSERT_NE(number_cell, std::string::npos) << sheet;
    const std::string number_xml = sheet.substr(number_cell, sheet.find("</c>", number_cell) - number_cell);
    EXPECT_EQ(number_xml.find("t=\"s\""), std::string::npos) << number_xml;
    EXPECT_NE(number_xml.find("<v>42</v>"), std::string::npos) << number_xml;

    // The header cells use a style whose font is bold; row 2 cells use the default style.
    const std::size_t header_cell = sheet.find("<c r=\"A1\"");
    ASSERT_NE(header_cell, std::string::npos);
    EXPECT_NE(sheet.substr(header_cell, 30).find(" s=\"1\""), std::string::npos) << sheet.substr(header_cell, 30);
    EXPECT_EQ(number_xml.find(" s=\""), std::string::npos);
    EXPECT_NE(Part(bytes, "xl/styles.xml").find("<b/>"), std::string::npos);

    EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"25.7109375\""), std::string::npos) << sheet;
}

std::string Repeat(std::string_view text, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += text;
    return out;
}

TEST(WriteXlsxTest, SheetNamesAreSanitisedAndUnique) {
    const std::string bytes = MustWrite({{"集計/速報", {}, {}}, {"集計_速報", {}, {}}, {Repeat("長", 40), {}, {}}});
    const std::vector<ReadSheet> sheets = MustRead(bytes);
    ASSERT_EQ(sheets.size(), 3u);
    EXPECT_EQ(sheets[0].name, "集計_速報");
    EXPECT_EQ(sheets[1].name, "集計_速報 (2)");
    EXPECT_EQ(sheets[2].name, Repeat("長", 31));
    EXPECT_TRUE(sheets[0].rows.empty());
}

TEST(WriteXlsxTest, RejectsInputExcelCannotHold) {
    EXPECT_EQ(WriteXlsx({}).error().code, ErrorCode::kInvalidArgument);

    auto bad_utf8 = WriteXlsx({{"名簿", {{std::string("ok")}, {std::string("ok"), std::string("\x93\x8C")}}, {}}});
    ASSERT_FALSE(bad_utf8.has_value());
    EXPECT_EQ(bad_utf8.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(bad_utf8.error().message, "sheet 1 (名簿), cell B2: text is not valid UTF-8");

    auto nan = WriteXlsx({{"a", {}, {}}, {"b", {{std::numeric_limits<double>::quiet_NaN()}}, {}}});
    ASSERT_FALSE(nan.has_value());
    EXPECT_EQ(nan.error().message, "sheet 2 (b), cell A1: number is not finite");

    auto long_text = WriteXlsx({{"a", {{std::string(32768, 'x')}}, {}}});
    ASSERT_FALSE(long_text.has_value());
    EXPECT_EQ(long_text.error().code, ErrorCode::kPayloadTooLarge);

    auto width = WriteXlsx({{"a", {}, {10, 300}}});
    ASSERT_FALSE(width.has_value());
    EXPECT_EQ(width.error().message, "sheet 1 (a), column 2: width must be between 0 and 255");
}

}  // namespace
}  // namespace enshu::io

namespace enshu::io {
namespace {

TEST(WriteXlsxTest, ListValidationsAndHiddenColumnsAreWritten) {
    SheetToWrite sheet{
        "評価", {{std::string("キー"), std::string("評価")}, {std::string("k1"), std::string("良い")}}, {}};
    SheetOptions options;
    options.list_validations.push_back({1, 20, 1, 1, {"よく対応できた", "対応できた", "無回答"}});
    options.hidden_columns = {0};
    auto written = WriteXlsx({sheet}, {options});
    ASSERT_TRUE(written.has_value()) << written.error().message;
    const std::string bytes = *written;
    const std::string xml = Part(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_NE(xml.find("<dataValidation type=\"list\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("B2:B21"), std::string::npos) << xml;
    EXPECT_NE(xml.find("よく対応できた,対応できた,無回答"), std::string::npos) << xml;
    EXPECT_NE(xml.find("hidden=\"1\""), std::string::npos) << xml;
    const auto read = MustRead(bytes);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].rows[1][0], "k1");  // hidden columns still hold their values
}

TEST(WriteXlsxTest, AProtectedSheetLeavesOnlyItsUnlockedColumnsEditable) {
    SheetToWrite sheet{
        "評価", {{std::string("キー"), std::string("評価")}, {std::string("k1"), std::string("良い")}}, {}};
    SheetOptions options;
    options.protect = true;
    options.unlocked_columns = {1};
    auto written = WriteXlsx({sheet}, {options});
    ASSERT_TRUE(written.has_value()) << written.error().message;
    const std::string xml = Part(*written, "xl/worksheets/sheet1.xml");
    EXPECT_NE(xml.find("<sheetProtection"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<col min=\"2\" max=\"2\""), std::string::npos) << xml;  // the column's own (unlocked) style
    const std::string styles = Part(*written, "xl/styles.xml");
    EXPECT_NE(styles.find("locked=\"0\""), std::string::npos) << styles;
    EXPECT_EQ(MustRead(*written)[0].rows[1][1], "良い");
    // Without protect the unlocked columns change nothing.
    options.protect = false;
    auto plain = WriteXlsx({sheet}, {options});
    ASSERT_TRUE(plain.has_value());
    EXPECT_EQ(Part(*plain, "xl/worksheets/sheet1.xml").find("<sheetProtection"), std::string::npos);
    options.unlocked_columns = {20000};
    EXPECT_FALSE(WriteXlsx({sheet}, {options}).has_value());
}

TEST(WriteXlsxTest, RejectsListValidationsExcelCannotHold) {
    SheetToWrite sheet{"s", {{std::string("a")}}, {}};
    SheetOptions options;
    options.list_validations.push_back({1, 2, 0, 0, {"a,b"}});
    auto comma = WriteXlsx({sheet}, {options});
    ASSERT_FALSE(comma.has_value());
    EXPECT_NE(comma.error().message.find("list validation 1"), std::string::npos);
    options.list_validations = {{1, 2, 0, 0, {std::string(300, 'x')}}};
    EXPECT_FALSE(WriteXlsx({sheet}, {options}).has_value());
    options.list_validations = {{1, 2, 0, 0, {}}};
    EXPECT_FALSE(WriteXlsx({sheet}, {options}).has_value());
    options.list_validations = {{3, 2, 0, 0, {"a"}}};
    EXPECT_FALSE(WriteXlsx({sheet}, {options}).has_value());
    options.list_validations.clear();
    options.hidden_columns = {20000};
    EXPECT_FALSE(WriteXlsx({sheet}, {options}).has_value());
    EXPECT_FALSE(WriteXlsx({sheet}, {options, options}).has_value());  // more options than sheets
}

}  // namespace
}  // namespace enshu::io
