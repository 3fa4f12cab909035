#include "report/table_renderers.hpp"

#include <minizip/zip.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/report_rounding.hpp"
#include "io/csv.hpp"
#include "io/xlsx.hpp"
#include "report/report_texts.hpp"

namespace enshu::report {
namespace {

std::string Numbered(std::size_t index, const std::string& id) {
    return (index < 9 ? "0" : "") + std::to_string(index + 1) + "_" + id;
}

io::CellValue XlsxCell(const Cell& cell) {
    if (cell.suppressed || !cell.value || cell.kind == CellKind::kText) return cell.text;
    if (cell.kind == CellKind::kCount) return static_cast<double>(*cell.value);
    return PerMilleAsPercentNumber(*cell.value);  // percent or point change, one decimal
}

// A text cell starting with = + - @ tab or CR gets a leading apostrophe, so that spreadsheet
// programs do not evaluate user-written text as a formula (as io::FormulaGuard::kEscape).
std::string GuardFormula(const std::string& text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) return "'" + text;
    return text;
}

}  // namespace

std::vector<NamedFile> RenderCsvFiles(const Document& document) {
    std::vector<NamedFile> files;
    const auto tables = document.Tables();
    for (std::size_t index = 0; index < tables.size(); ++index) {
        const Table& table = *tables[index];
        io::Table rows;
        rows.push_back(table.header);
        for (const auto& row : table.rows) {
            std::vector<std::string> texts;
            for (const Cell& cell : row)
                texts.push_back(cell.kind == CellKind::kText ? GuardFormula(cell.text) : cell.text);
            rows.push_back(std::move(texts));
        }
        // Figures ("+3.5pt", "-0.4%") are ours and stay as they are; text cells are guarded.
        files.push_back({Numbered(index, table.id) + ".csv", io::WriteCsv(rows, io::FormulaGuard::kNone)});
    }
    return files;
}

Status WriteZip(const std::string& path, const std::vector<NamedFile>& files) {
    zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    if (zip == nullptr) return Fail(ErrorCode::kInternal, "cannot create zip file " + path, "out");
    for (const NamedFile& file : files) {
        zip_fileinfo info{};
        // Flag bit 11: the file name is UTF-8.
        if (zipOpenNewFileInZip4_64(zip, file.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                    Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0,
                                    0, 1 << 11, 0) != ZIP_OK ||
            zipWriteInFileInZip(zip, file.bytes.data(), static_cast<unsigned>(file.bytes.size())) != ZIP_OK ||
            zipCloseFileInZip(zip) != ZIP_OK) {
            zipClose(zip, nullptr);
            return Fail(ErrorCode::kInternal, "cannot write " + file.name + " into " + path, "out");
        }
    }
    if (zipClose(zip, nullptr) != ZIP_OK) return Fail(ErrorCode::kInternal, "cannot close zip file " + path, "out");
    return Ok();
}

Result<std::string> RenderCsvZip(const Document& document) {
    char name[] = "/tmp/enshu-report-XXXXXX";
    const int descriptor = mkstemp(name);
    if (descriptor < 0) return Fail(ErrorCode::kInternal, "cannot create a temporary file for the zip", "format");
    close(descriptor);
    std::filesystem::remove(name);  // minizip creates it
    auto written = WriteZip(name, RenderCsvFiles(document));
    if (!written) {
        std::filesystem::remove(name);
        return tl::unexpected(written.error());
    }
    std::ifstream in(name, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(name);
    return bytes.str();
}

Result<std::string> RenderXlsx(const Document& document) {
    std::vector<io::SheetToWrite> sheets;
    for (const Table* table : document.Tables()) {
        io::SheetToWrite sheet;
        sheet.name = table->title;
        std::vector<io::CellValue> header(table->header.begin(), table->header.end());
        sheet.rows.push_back(std::move(header));
        for (const auto& row : table->rows) {
            std::vector<io::CellValue> cells;
            for (const Cell& cell : row) cells.push_back(XlsxCell(cell));
            sheet.rows.push_back(std::move(cells));
        }
        if (!table->notes.empty()) sheet.rows.push_back({});
        for (const std::string& note : table->notes) sheet.rows.push_back({note});
        sheet.rows.push_back({Text("note.xlsx_percent", document.language)});
        sheet.column_widths.assign(table->header.size(), 14.0);
        if (table->header.size() > 1) sheet.column_widths[1] = 48.0;
        sheets.push_back(std::move(sheet));
    }
    if (sheets.empty()) return Fail(ErrorCode::kInvalidArgument, "the report has no table to write", "format");
    return io::WriteXlsx(sheets);
}

}  // namespace enshu::report
