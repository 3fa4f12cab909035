// HTML (escaping, inline SVG, self-contained), CSV (BOM), XLSX (numbers as numbers,
// round trip through our reader) and PDF (chromium, text checked with pdftotext) of the
// fixture report.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/xlsx.hpp"
#include "report/html_renderer.hpp"
#include "report/pdf_renderer.hpp"
#include "report/report_builder.hpp"
#include "report/report_test_fixture.hpp"
#include "report/svg_chart.hpp"
#include "report/table_renderers.hpp"

namespace enshu::report {
namespace {

Document FixtureDocument() {
    static const ReferenceSet reference = testing::FixtureReference();
    static const ExerciseData current = testing::FixtureCurrent();
    static const ExerciseData past = testing::FixturePast();
    ReportOptions options;
    options.generated_at = "2024-03-01T00:00:00Z";
    return BuildExerciseReport(ReportInput{reference, current, {&past}}, options);
}

TEST(HtmlRendererTest, EscapesUserTextAndIsSelfContained) {
    const std::string html = RenderHtml(FixtureDocument());
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("連絡網の更新が必要&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    EXPECT_EQ(html.find("href=\"http"), std::string::npos);
    EXPECT_NE(html.find("89.9%"), std::string::npos);
}

TEST(SvgChartTest, BarsForValuesOnlyAndEscapedLabels) {
    BarChart chart{"c", "A<B", {"①", "②"}, {{"s&1", {1000, std::nullopt}}}};
    const std::string svg = RenderBarChartSvg(chart);
    EXPECT_NE(svg.find("A&lt;B"), std::string::npos);
    EXPECT_NE(svg.find("s&amp;1"), std::string::npos);
    // One bar (the missing value draws none) plus one legend swatch.
    std::size_t rects = 0;
    for (std::size_t at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1)) ++rects;
    EXPECT_EQ(rects, 2u);
    EXPECT_NE(svg.find("height=\"220.0\""), std::string::npos);  // 100 % = the full plot height
}

TEST(CsvRendererTest, OneFilePerTableWithBom) {
    const Document document = FixtureDocument();
    const auto files = RenderCsvFiles(document);
    ASSERT_EQ(files.size(), document.Tables().size());
    EXPECT_EQ(files[0].name, "01_participants_by_mode.csv");
    for (const auto& file : files) EXPECT_EQ(file.bytes.substr(0, 3), "\xEF\xBB\xBF") << file.name;
    bool found = false;
    for (const auto& file : files) {
        if (file.name.find("readiness.csv") != std::string::npos &&
            file.bytes.find("50.0%,70.0%,+20.0pt,10") != std::string::npos) {
            found = true;
        }
    }
    EXPECT_TRUE(found);
    auto zip = RenderCsvZip(document);
    ASSERT_TRUE(zip) << zip.error().message;
    EXPECT_EQ(zip->substr(0, 2), "PK");
}

TEST(CsvRendererTest, UserTextCannotBecomeAFormula) {
    Document document;
    Section section{"s", "S", {}};
    Block block;
    block.kind = Block::Kind::kTable;
    block.table = Table{"t", "T", {"a", "b"}, {{Cell::Text("=HYPERLINK(1)"), Cell::PointChange(835, 800)}}, {}};
    section.blocks.push_back(block);
    document.sections.push_back(section);
    const auto files = RenderCsvFiles(document);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_NE(files[0].bytes.find("'=HYPERLINK(1),+3.5pt"), std::string::npos) << files[0].bytes;
}

TEST(XlsxRendererTest, OneSheetPerTableNumbersAsNumbers) {
    const Document document = FixtureDocument();
    auto bytes = RenderXlsx(document);
    ASSERT_TRUE(bytes) << bytes.error().message;
    auto sheets = io::ReadXlsx(*bytes);
    ASSERT_TRUE(sheets) << sheets.error().message;
    ASSERT_EQ(sheets->size(), document.Tables().size());
    const io::ReadSheet* readiness = nullptr;
    for (const auto& sheet : *sheets) {
        if (sheet.name == "障害対応体制の強化の取組状況及び演習当日の結果") readiness = &sheet;
    }
    ASSERT_NE(readiness, nullptr);
    // Row 0 header, row 1 the area heading, row 2 the first item: 50 and 70 as numbers, +20 points, 10 answers.
    EXPECT_EQ(readiness->rows[2][3], "50");
    EXPECT_EQ(readiness->rows[2][4], "70");
    EXPECT_EQ(readiness->rows[2][5], "20");
    EXPECT_EQ(readiness->rows[2][6], "10");
    EXPECT_EQ(readiness->rows[4][4], "71.4");
    EXPECT_EQ(readiness->rows[4][3], "—");
}

bool HasProgram(const char* name) {
    const std::string command = std::string("command -v ") + name + " >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

TEST(PdfRendererTest, PrintsJapaneseText) {
    if (!HasProgram("chromium") || !HasProgram("pdftotext")) GTEST_SKIP() << "chromium or pdftotext not installed";
    auto pdf = RenderPdf(RenderHtml(FixtureDocument()));
    ASSERT_TRUE(pdf) << pdf.error().message;
    const auto directory = std::filesystem::temp_directory_path() / ("enshu-pdf-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(directory);
    {
        std::ofstream out(directory / "r.pdf", std::ios::binary);
        out << *pdf;
    }
    const std::string command =
        "pdftotext -enc UTF-8 " + (directory / "r.pdf").string() + " " + (directory / "r.txt").string();
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::ifstream in(directory / "r.txt");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove_all(directory);
    EXPECT_NE(text.find("演習結果"), std::string::npos);
    EXPECT_NE(text.find("障害対応体制の強化の取組状況"), std::string::npos);
    EXPECT_NE(text.find("89.9%"), std::string::npos);
}

}  // namespace
}  // namespace enshu::report
