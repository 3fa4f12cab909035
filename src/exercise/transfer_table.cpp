#include "exercise/transfer_table.hpp"

#include <algorithm>
#include <utility>

#include "io/csv.hpp"
#include "io/text.hpp"
#include "io/xlsx.hpp"

namespace enshu::exercise {
namespace {

constexpr std::string_view kXlsxSignature = "PK\x03\x04";
constexpr std::string_view kXlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kCsvContentType = "text/csv; charset=utf-8";

// Undoes the export's CSV formula guard: "'=x" -> "=x" (also + - @).
std::string CleanCell(std::string_view cell) {
    std::string trimmed = io::TrimSpaces(cell);
    if (trimmed.size() >= 2 && trimmed[0] == '\'' &&
        (trimmed[1] == '=' || trimmed[1] == '+' || trimmed[1] == '-' || trimmed[1] == '@')) {
        trimmed.erase(0, 1);
    }
    return trimmed;
}

bool IsBlank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& cell) { return cell.empty(); });
}

Result<std::vector<std::vector<std::string>>> ReadCells(std::string_view bytes) {
    if (bytes.substr(0, kXlsxSignature.size()) == kXlsxSignature) {
        io::XlsxLimits limits;
        limits.max_rows = kMaxImportRows + 1000;  // room for blank rows; data rows are counted below
        auto sheets = io::ReadXlsx(bytes, limits);
        if (!sheets) {
            return Fail(sheets.error().code == ErrorCode::kPayloadTooLarge ? ErrorCode::kPayloadTooLarge
                                                                           : ErrorCode::kInvalidArgument,
                        "file: " + sheets.error().message, "file");
        }
        if (sheets->empty()) return Fail(ErrorCode::kInvalidArgument, "file: the workbook has no sheet", "file");
        return std::move(sheets->front().rows);
    }
    io::CsvLimits limits;
    limits.max_rows = kMaxImportRows + 1000;
    auto table = io::ParseCsv(bytes, limits);
    if (!table) {
        return Fail(table.error().code == ErrorCode::kPayloadTooLarge ? ErrorCode::kPayloadTooLarge
                                                                      : ErrorCode::kInvalidArgument,
                    "file: " + table.error().message, "file");
    }
    return std::move(*table);
}

}  // namespace

nlohmann::json ImportReportJson(const ImportReport& report) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& error : report.errors) {
        errors.push_back({{"row", error.row}, {"column", error.column}, {"message", error.message}});
    }
    return {{"dry_run", report.dry_run}, {"valid", report.valid},     {"row_count", report.row_count},
            {"created", report.created}, {"updated", report.updated}, {"unchanged", report.unchanged},
            {"errors", errors}};
}

Result<UploadedTable> ReadUploadedTable(std::string_view bytes) {
    if (bytes.empty()) return Fail(ErrorCode::kInvalidArgument, "file: is empty", "file");
    auto cells = ReadCells(bytes);
    if (!cells) return tl::unexpected(cells.error());
    UploadedTable table;
    std::size_t row_number = 0;
    for (auto& raw : *cells) {
        ++row_number;
        std::vector<std::string> row;
        row.reserve(raw.size());
        for (const auto& cell : raw) row.push_back(CleanCell(cell));
        if (table.header.empty()) {
            if (IsBlank(row)) continue;  // leading blank lines before the header
            // Trailing empty header cells (Excel often keeps some) are not columns.
            while (!row.empty() && row.back().empty()) row.pop_back();
            table.header = std::move(row);
            table.header_row = row_number;
            continue;
        }
        if (IsBlank(row)) continue;
        if (table.rows.size() == kMaxImportRows) {
            return Fail(ErrorCode::kPayloadTooLarge, "file: more than " + std::to_string(kMaxImportRows) + " data rows",
                        "file");
        }
        row.resize(std::max(row.size(), table.header.size()));
        table.rows.push_back(UploadedRow{row_number, std::move(row)});
    }
    if (table.header.empty()) return Fail(ErrorCode::kInvalidArgument, "file: has no header row", "file");
    return table;
}

ColumnMap ColumnMap::Resolve(const UploadedTable& table, const std::vector<ColumnSpec>& specs,
                             std::vector<ImportError>& errors) {
    const std::vector<std::string>& header = table.header;
    const std::size_t row = table.header_row;
    ColumnMap map;
    for (const auto& spec : specs) map.field_to_key_[std::string(spec.field)] = std::string(spec.key);
    for (std::size_t column = 0; column < header.size(); ++column) {
        const std::string& text = header[column];
        if (text.empty()) {
            errors.push_back({row, io::CellReference(row - 1, column), "empty column name"});
            continue;
        }
        const std::string normalised = io::NormaliseForSearch(text);
        const ColumnSpec* match = nullptr;
        for (const auto& spec : specs) {
            if (io::NormaliseForSearch(spec.key) == normalised || io::NormaliseForSearch(spec.name_ja) == normalised) {
                match = &spec;
            }
        }
        if (!match) {
            errors.push_back({row, text, "unknown column '" + text + "'"});
            continue;
        }
        const std::string key(match->key);
        if (map.index_.count(key)) {
            errors.push_back({row, text, "column '" + text + "' appears more than once"});
            continue;
        }
        map.index_[key] = column;
        map.header_text_[key] = text;
    }
    for (const auto& spec : specs) {
        if (spec.required && !map.Has(spec.key)) {
            errors.push_back(
                {row, std::string(spec.key),
                 "missing required column '" + std::string(spec.key) + "' (" + std::string(spec.name_ja) + ")"});
        }
    }
    return map;
}

std::optional<std::string> ColumnMap::Cell(const UploadedRow& row, std::string_view key) const {
    const auto it = index_.find(std::string(key));
    if (it == index_.end()) return std::nullopt;
    if (it->second >= row.cells.size()) return std::string();
    return row.cells[it->second];
}

std::string ColumnMap::HeaderOf(std::string_view key) const {
    const auto it = header_text_.find(std::string(key));
    return it == header_text_.end() ? std::string(key) : it->second;
}

std::string ColumnMap::HeaderOfField(std::string_view field) const {
    const auto it = field_to_key_.find(std::string(field));
    return it == field_to_key_.end() ? std::string(field) : HeaderOf(it->second);
}

Result<ExportFormat> ParseExportFormat(const std::optional<std::string>& value) {
    if (!value || value->empty() || *value == "csv") return ExportFormat::kCsv;
    if (*value == "xlsx") return ExportFormat::kXlsx;
    return Fail(ErrorCode::kInvalidArgument, "format: must be csv or xlsx", "format");
}

Result<HeaderLanguage> ParseHeaderLanguage(const std::optional<std::string>& value) {
    if (!value || value->empty() || *value == "en") return HeaderLanguage::kEnglish;
    if (*value == "ja") return HeaderLanguage::kJapanese;
    return Fail(ErrorCode::kInvalidArgument, "lang: must be en or ja", "lang");
}

Result<ExportFile> BuildExportFile(const std::vector<ColumnSpec>& specs, HeaderLanguage language,
                                   const std::vector<std::vector<std::string>>& rows, ExportFormat format,
                                   const std::string& base_name, const std::string& sheet_name) {
    std::vector<std::string> header;
    for (const auto& spec : specs) {
        header.emplace_back(language == HeaderLanguage::kJapanese ? spec.name_ja : spec.key);
    }
    ExportFile file;
    if (format == ExportFormat::kCsv) {
        io::Table table;
        table.reserve(rows.size() + 1);
        table.push_back(header);
        table.insert(table.end(), rows.begin(), rows.end());
        file.body = io::WriteCsv(table, io::FormulaGuard::kEscape);
        file.content_type = std::string(kCsvContentType);
        file.filename = base_name + ".csv";
        return file;
    }
    io::SheetToWrite sheet;
    sheet.name = sheet_name;
    sheet.rows.reserve(rows.size() + 1);
    const auto to_cells = [](const std::vector<std::string>& row) {
        std::vector<io::CellValue> cells;
        cells.reserve(row.size());
        for (const auto& cell : row) {
            if (cell.empty()) {
                cells.emplace_back(std::monostate{});
            } else {
                cells.emplace_back(cell);
            }
        }
        return cells;
    };
    sheet.rows.push_back(to_cells(header));
    for (const auto& row : rows) sheet.rows.push_back(to_cells(row));
    for (std::size_t i = 0; i < specs.size(); ++i) sheet.column_widths.push_back(18);
    auto bytes = io::WriteXlsx({sheet});
    if (!bytes) return tl::unexpected(bytes.error());
    file.body = std::move(*bytes);
    file.content_type = std::string(kXlsxContentType);
    file.filename = base_name + ".xlsx";
    return file;
}

}  // namespace enshu::exercise
