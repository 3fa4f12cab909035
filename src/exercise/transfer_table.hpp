#pragma once

// What organisation and people imports and exports share: reading an uploaded CSV
// or XLSX file into rows numbered as in the file, resolving its header row against
// the accepted column names (English or Japanese), the import report, and the
// export file formats.

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace enshu::exercise {

inline constexpr std::size_t kMaxImportRows = 5000;

// One column of an import/export file. `field` names the input member its errors
// carry (e.g. column "sector" reports errors of "sector_code").
struct ColumnSpec {
    std::string_view key;      // "sector"; the English header
    std::string_view name_ja;  // "分野"
    std::string_view field;    // "sector_code"
    bool required = false;
    bool export_only = false;  // written by exports, ignored by imports (e.g. join_link)
};

struct ImportError {
    std::size_t row = 0;  // as in the file: the header is row 1
    std::string column;   // the header text as written in the file ("" for the whole row)
    std::string message;
};

enum class ImportMode { kDryRun, kApply };

struct ImportReport {
    bool dry_run = true;
    bool valid = true;
    std::size_t row_count = 0;  // data rows (blank rows are skipped and not counted)
    std::size_t created = 0;    // rows that create (dry run: would create)
    std::size_t updated = 0;    // rows that change an existing record (dry run: would change)
    std::size_t unchanged = 0;  // rows that match an existing record exactly
    std::vector<ImportError> errors;
};

// {"dry_run","valid","row_count","created","updated","unchanged","errors":[{"row","column","message"}]}
// (docs/api.md; "unchanged" is an addition).
nlohmann::json ImportReportJson(const ImportReport& report);

struct UploadedRow {
    std::size_t number = 0;          // row number in the file (header = 1)
    std::vector<std::string> cells;  // trimmed; padded to the header's width
};

struct UploadedTable {
    std::vector<std::string> header;  // trimmed header cells as written
    std::size_t header_row = 1;       // the first non-blank row of the file
    std::vector<UploadedRow> rows;    // non-blank data rows
};

// Detects the format by content (XLSX = a ZIP starting with "PK\x03\x04", otherwise
// UTF-8 CSV with or without BOM) and reads the first sheet. Cells are trimmed; a
// leading "'" that an export added before = + - @ (CSV formula guard) is removed.
// Blank rows are skipped (row numbers stay those of the file); the first non-blank
// row is the header.
// Errors: kInvalidArgument naming "file" (empty, unreadable, no header row),
// kPayloadTooLarge ("file": more than kMaxImportRows data rows).
Result<UploadedTable> ReadUploadedTable(std::string_view bytes);

// Header resolution: which file column holds which spec key.
class ColumnMap {
  public:
    // Resolves the table's header against `specs`: names compare after NFKC
    // normalisation and case folding, in English or Japanese. Appends an error on the
    // header row for every unknown or repeated column and for every missing required
    // column (named by its English key).
    static ColumnMap Resolve(const UploadedTable& table, const std::vector<ColumnSpec>& specs,
                             std::vector<ImportError>& errors);

    bool Has(std::string_view key) const { return index_.count(std::string(key)) > 0; }
    // The cell of that column, or std::nullopt when the file has no such column.
    std::optional<std::string> Cell(const UploadedRow& row, std::string_view key) const;
    // The header text of the column in the file, or the key when absent.
    std::string HeaderOf(std::string_view key) const;
    // The header text of the column whose spec carries `field`, or `field`.
    std::string HeaderOfField(std::string_view field) const;

  private:
    std::map<std::string, std::size_t> index_;        // key -> column index
    std::map<std::string, std::string> header_text_;  // key -> header text as in the file
    std::map<std::string, std::string> field_to_key_;
};

enum class ExportFormat { kCsv, kXlsx };
enum class HeaderLanguage { kEnglish, kJapanese };

struct ExportFile {
    std::string body;
    std::string content_type;
    std::string filename;
};

// Parses format=csv|xlsx (default csv) and lang=en|ja (default en). Errors name the parameter.
Result<ExportFormat> ParseExportFormat(const std::optional<std::string>& value);
Result<HeaderLanguage> ParseHeaderLanguage(const std::optional<std::string>& value);

// Builds the file: header row from the specs (English keys or Japanese names), then
// `rows`. CSV is UTF-8 with BOM and formula guard; XLSX has one sheet `sheet_name`.
Result<ExportFile> BuildExportFile(const std::vector<ColumnSpec>& specs, HeaderLanguage language,
                                   const std::vector<std::vector<std::string>>& rows, ExportFormat format,
                                   const std::string& base_name, const std::string& sheet_name);

}  // namespace enshu::exercise
