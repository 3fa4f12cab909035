// ReadXlsx on hand-made packages (the shapes Excel and other generators produce), on broken
// input and against its limits.

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "io/csv.hpp"
#include "io/xlsx.hpp"

namespace enshu::io {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;
using Rows = std::vector<std::vector<std::string>>;

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// A fresh directory under the temporary directory, removed with its content at the end of scope.
class TemporaryDirectory {
  public:
    TemporaryDirectory() {
        std::string pattern = (std::filesystem::temp_directory_path() / "enshu-io-test-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// A deflated zip archive holding `entries` in order.
std::string MakeZip(const Entries& entries) {
    TemporaryDirectory directory;
    const std::string path = (directory.path() / "archive.zip").string();
    zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    if (zip == nullptr) throw std::runtime_error("zipOpen64 failed");
    for (const auto& [name, content] : entries) {
        zip_fileinfo info{};
        if (zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 0) !=
                ZIP_OK ||
            zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size())) != ZIP_OK ||
            zipCloseFileInZip(zip) != ZIP_OK) {
            throw std::runtime_error("writing zip entry failed");
        }
    }
    if (zipClose(zip, nullptr) != ZIP_OK) throw std::runtime_error("zipClose failed");
    return ReadFile(path);
}

constexpr const char* kPackageRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/>
</Relationships>)";

// Prefixed element names (x:), sheets listed out of part order, a chart sheet, an absolute
// and a relative target.
constexpr const char* kWorkbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:sheets>
<x:sheet name="名簿" sheetId="1" rel:id="rId2"/>
<x:sheet name="グラフ" sheetId="3" rel:id="rId4"/>
<x:sheet name="Data" sheetId="2" rel:id="rId1"/>
</x:sheets>
</x:workbook>)";

constexpr const char* kWorkbookRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.jp/" TargetMode="External"/>
</Relationships>)";

// Plain, rich text with a phonetic run (furigana), preserved spaces and an escaped CR.
constexpr const char* kSharedStrings = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<x:si><x:t>組織名</x:t></x:si>
<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>東京</x:t></x:r><x:r><x:t xml:space="preserve">電力 </x:t></x:r><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh></x:si>
<x:si><x:t xml:space="preserve"> </x:t></x:si>
<x:si><x:t>1行目_x000D_
2行目</x:t></x:si>
</x:sst>)";

// Cells of every type, skipped cells and rows, cells without references, a styled empty
// cell far to the right, and an empty styled row at the bottom.
constexpr const char* kNamesSheet = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>備考</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>12</x:v></x:c><x:c r="C2" t="s"><x:v>3</x:v></x:c></x:row>
<x:row r="4"><x:c t="b"><x:v>1</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="str"><x:f>A1&amp;"!"</x:f><x:v>組織名!</x:v></x:c></x:row>
<x:row><x:c r="B5"><x:v>0.30000000000000004</x:v></x:c><x:c r="C5" t="n"><x:v>4.5E+1</x:v></x:c><x:c r="XFD5" s="3"/></x:row>
<x:row r="6"><x:c r="A6" t="s"><x:v>2</x:v></x:c></x:row>
<x:row r="1048576" s="2" customFormat="1"><x:c r="A1048576" s="2"/></x:row>
</x:sheetData></x:worksheet>)";

constexpr const char* kDataSheet = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="2"><c r="B2"><v>-7</v></c></row>
</sheetData></worksheet>)";

Entries Package(std::string names_sheet = kNamesSheet) {
    return {{"_rels/.rels", kPackageRels},
            {"xl/workbook.xml", kWorkbook},
            {"xl/_rels/workbook.xml.rels", kWorkbookRels},
            {"xl/sharedStrings.xml", kSharedStrings},
            {"xl/worksheets/sheet1.xml", kDataSheet},
            {"xl/worksheets/sheet2.xml", std::move(names_sheet)},
            {"xl/chartsheets/sheet1.xml", "<chartsheet/>"}};
}

Entries Replace(Entries entries, const std::string& name, std::string content) {
    for (auto& [entry_name, entry_content] : entries) {
        if (entry_name == name) entry_content = std::move(content);
    }
    return entries;
}

TEST(ReadXlsxTest, ReadsAllCellTypesAtTheirReferences) {
    auto sheets = ReadXlsx(MakeZip(Package()));
    ASSERT_TRUE(sheets.has_value()) << sheets.error().message;
    ASSERT_EQ(sheets->size(), 2u);  // the chart sheet is skipped
    EXPECT_EQ((*sheets)[0].name, "名簿");
    EXPECT_EQ((*sheets)[0].rows, (Rows{{"組織名", "", "備考", ""},
                                       {"東京電力 ", "12", "1行目\r\n2行目", ""},
                                       {"", "", "", ""},
                                       {"TRUE", "FALSE", "#DIV/0!", "組織名!"},
                                       {"", "0.3", "45", ""},
                                       {" ", "", "", ""}}));
    EXPECT_EQ((*sheets)[1].name, "Data");
    EXPECT_EQ((*sheets)[1].rows, (Rows{{"", ""}, {"", "-7"}}));
}

TEST(ReadXlsxTest, WorksWithoutPackageRelationships) {
    Entries entries = Package();
    entries.erase(entries.begin());  // _rels/.rels: falls back to xl/workbook.xml
    auto sheets = ReadXlsx(MakeZip(entries));
    ASSERT_TRUE(sheets.has_value()) << sheets.error().message;
    EXPECT_EQ(sheets->size(), 2u);
}

TEST(ReadXlsxTest, NotAZipArchive) {
    for (const std::string& bytes : {std::string(), std::string("組織名,業種\r\n"), std::string("PK\x03\x04garbage")}) {
        auto result = ReadXlsx(bytes);
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(result.error().message, "file: not a zip archive (no valid central directory)");
    }
}

TEST(ReadXlsxTest, CorruptCompressedDataNamesThePart) {
    std::string bytes = MakeZip(Package());
    // Flip bytes inside the compressed data of the first entry (it starts after its 30-byte
    // local header and its 11-byte name "_rels/.rels").
    for (std::size_t i = 45; i < 70; ++i) bytes[i] = static_cast<char>(~bytes[i]);
    auto result = ReadXlsx(bytes);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message.rfind("_rels/.rels: ", 0), 0u) << result.error().message;
}

TEST(ReadXlsxTest, TruncatedFileIsRejected) {
    const std::string bytes = WriteXlsx({{"a", {{std::string("x")}}, {}}}).value();
    auto result = ReadXlsx(std::string_view(bytes).substr(0, bytes.size() / 2));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

TEST(ReadXlsxTest, MalformedXmlNamesThePartAndOffset) {
    auto result = ReadXlsx(MakeZip(Package("<worksheet><sheetData><row><c></row></sheetData></worksheet>")));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message.rfind("xl/worksheets/sheet2.xml: malformed XML at offset ", 0), 0u)
        << result.error().message;
}

TEST(ReadXlsxTest, MissingPartAndBadReferencesAreErrors) {
    Entries entries = Package();
    entries.pop_back();
    entries.erase(entries.begin() + 4);  // xl/worksheets/sheet1.xml
    auto missing = ReadXlsx(MakeZip(entries));
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(missing.error().message, "xl/worksheets/sheet1.xml: missing from the zip archive");

    auto bad_reference = ReadXlsx(
        MakeZip(Package(R"(<worksheet><sheetData><row><c r="A0"><v>1</v></c></row></sheetData></worksheet>)")));
    ASSERT_FALSE(bad_reference.has_value());
    EXPECT_EQ(bad_reference.error().message, "xl/worksheets/sheet2.xml: invalid cell reference 'A0'");

    auto bad_index = ReadXlsx(
        MakeZip(Package(R"(<worksheet><sheetData><row><c r="B3" t="s"><v>4</v></c></row></sheetData></worksheet>)")));
    ASSERT_FALSE(bad_index.has_value());
    EXPECT_EQ(
        bad_index.error().message,
        "xl/worksheets/sheet2.xml: cell B3: shared string index '4' is not valid (the file has 4 shared strings)");
}

TEST(ReadXlsxTest, BrokenWorkbookPartsNameThePart) {
    auto unknown = ReadXlsx(MakeZip(Replace(Package(), "xl/_rels/workbook.xml.rels",
                                            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                            "relationships\"/>")));
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(unknown.error().message, "xl/workbook.xml: sheet 1 refers to unknown relationship 'rId2'");

    auto shared = ReadXlsx(MakeZip(Replace(Package(), "xl/sharedStrings.xml", "<sst><si><t>x</si></sst>")));
    ASSERT_FALSE(shared.has_value());
    EXPECT_EQ(shared.error().message.rfind("xl/sharedStrings.xml: malformed XML at offset ", 0), 0u)
        << shared.error().message;

    auto not_workbook = ReadXlsx(MakeZip(Replace(Package(), "xl/workbook.xml", "<html/>")));
    ASSERT_FALSE(not_workbook.has_value());
    EXPECT_EQ(not_workbook.error().message, "xl/workbook.xml: no <workbook> element");
}

TEST(ReadXlsxTest, ZipBombPartIsStoppedAtTheLimit) {
    // 8 MiB of XML that compresses to a few KiB.
    std::string huge = "<worksheet><sheetData>" + std::string(8 * 1024 * 1024, ' ') + "</sheetData></worksheet>";
    const std::string bytes = MakeZip(Package(std::move(huge)));
    ASSERT_LT(bytes.size(), 64u * 1024u);
    XlsxLimits limits;
    limits.max_uncompressed_bytes = 1024 * 1024;
    auto result = ReadXlsx(bytes, limits);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kPayloadTooLarge);
    EXPECT_EQ(
        result.error().message,
        "xl/worksheets/sheet2.xml: uncompressed size exceeds the limit of 1048576 bytes (max_uncompressed_bytes)");

    XlsxLimits total;
    total.max_total_uncompressed_bytes = 4 * 1024 * 1024;
    auto total_result = ReadXlsx(bytes, total);
    ASSERT_FALSE(total_result.has_value());
    EXPECT_EQ(total_result.error().code, ErrorCode::kPayloadTooLarge);
    EXPECT_NE(total_result.error().message.find("max_total_uncompressed_bytes"), std::string::npos);
}

TEST(ReadXlsxTest, RowColumnCellSheetAndFileLimits) {
    const std::string bytes = MakeZip(Package());
    const auto expect_too_large = [&](const XlsxLimits& limits, const std::string& message) {
        auto result = ReadXlsx(bytes, limits);
        ASSERT_FALSE(result.has_value()) << message;
        EXPECT_EQ(result.error().code, ErrorCode::kPayloadTooLarge);
        EXPECT_EQ(result.error().message, message);
    };
    XlsxLimits rows;
    rows.max_rows = 5;
    expect_too_large(rows, "xl/worksheets/sheet2.xml: cell A6: more than max_rows=5 rows");
    XlsxLimits columns;
    columns.max_columns = 3;
    expect_too_large(columns, "xl/worksheets/sheet2.xml: cell D4: more than max_columns=3 columns");
    XlsxLimits cells;
    cells.max_cells = 20;
    expect_too_large(cells, "xl/worksheets/sheet2.xml: cell A6: the padded sheets would exceed max_cells=20");
    XlsxLimits sheets;
    sheets.max_sheets = 1;
    expect_too_large(sheets, "xl/workbook.xml: more than max_sheets=1 worksheets");
    XlsxLimits file;
    file.max_file_bytes = 100;
    expect_too_large(file, "file: " + std::to_string(bytes.size()) + " bytes, over max_file_bytes=100");

    XlsxLimits exact;  // the sample needs exactly 6 rows, 4 columns, 28 cells
    exact.max_rows = 6;
    exact.max_columns = 4;
    exact.max_cells = 28;
    EXPECT_TRUE(ReadXlsx(bytes, exact).has_value());
}

TEST(ReadXlsxTest, ReadsAFileWrittenByLibreOffice) {
    if (std::system("command -v libreoffice >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "libreoffice is not installed on this machine; install it to run this test";
    }
    TemporaryDirectory directory;
    const Table table{{"組織名", "人数", "比率"}, {"東京電力パワーグリッド", "12", "0.25"}, {"ｶﾌﾞｼｷｶﾞｲｼｬ", "", "-3"}};
    {
        std::ofstream out(directory.path() / "input.csv", std::ios::binary);
        out << WriteCsv(table, FormulaGuard::kNone);
    }
    const std::string command = "cd '" + directory.path().string() + "' && HOME='" + directory.path().string() +
                                "' libreoffice --headless --infilter=CSV:44,34,76,1 --convert-to xlsx input.csv "
                                ">/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    auto sheets = ReadXlsx(ReadFile(directory.path() / "input.xlsx"));
    ASSERT_TRUE(sheets.has_value()) << sheets.error().message;
    ASSERT_EQ(sheets->size(), 1u);
    EXPECT_EQ((*sheets)[0].rows, table);
}

}  // namespace
}  // namespace enshu::io
