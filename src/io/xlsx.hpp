#pragma once

// XLSX (Office Open XML spreadsheets). Writing uses libxlsxwriter; reading uses
// minizip + pugixml and understands shared strings, inline strings, numbers,
// booleans and formulas' cached values. Dates are read as their serial number text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace enshu::io {

// A cell to write: text, a number (written as a number, not text), or empty.
using CellValue = std::variant<std::monostate, std::string, double>;

// A drop-down list of allowed values over a block of cells (Excel data validation, type
// "list"): Excel refuses other values typed into those cells. Rows and columns are zero-based
// and inclusive. The options are joined with commas, so none may contain a comma, and all
// together (with the commas) are at most 255 characters (Excel's limit).
struct ListValidation {
    std::size_t first_row = 0;
    std::size_t last_row = 0;
    std::size_t first_column = 0;
    std::size_t last_column = 0;
    std::vector<std::string> options;
};

struct SheetToWrite {
    std::string name;                          // <= 31 characters, no []:*?/\ (sanitised if needed)
    std::vector<std::vector<CellValue>> rows;  // row 0 is written bold as the header
    std::vector<double> column_widths;         // optional, in characters
};

// What a sheet may have besides its cells (separate from SheetToWrite so that existing
// aggregate initialisations stay complete).
struct SheetOptions {
    std::vector<ListValidation> list_validations;  // drop-down lists
    std::vector<std::size_t> hidden_columns;       // zero-based (e.g. a key column)
    // When set, the sheet is protected (no password: it guards against slips, not people)
    // and only the cells of `unlocked_columns` below the header row can be changed.
    bool protect = false;
    std::vector<std::size_t> unlocked_columns;  // zero-based
};

// Returns the bytes of an .xlsx file with one worksheet per entry of `sheets`, in order.
// Strings are stored as shared strings, numbers as numbers; row 0 is bold. Sheet names are
// sanitised: []:*?/\ and control characters become "_", leading and trailing apostrophes are
// dropped, an empty name or one that is not valid UTF-8 becomes "Sheet<n>" (n from 1), names are cut to 31 characters
// and made unique (case-insensitively) by appending " (2)", " (3)"... Errors: kInvalidArgument when there is no sheet,
// a string is not valid UTF-8, a number is not finite or a column width is outside 0..255; kPayloadTooLarge when a
// sheet has more than 1,048,576 rows or 16,384 columns or a string exceeds 32,767 characters (Excel's limits);
// kInvalidArgument too for a list validation with no option, an option with a comma or more than 255 characters
// in all, or a block outside Excel's grid, and for a hidden column outside it;
// kInvalidArgument too for a list validation without options, with an option holding a comma, longer than 255
// characters in all or outside Excel's grid, and for a hidden column outside it;
// kInternal when libxlsxwriter or the temporary file fails. Messages name the sheet and cell ("sheet 2 (集計), cell C7:
// ..."). Thread-safe: each call has its own workbook.
Result<std::string> WriteXlsx(const std::vector<SheetToWrite>& sheets);
// The same, with options[i] applied to sheets[i] (options may be shorter than sheets).
Result<std::string> WriteXlsx(const std::vector<SheetToWrite>& sheets, const std::vector<SheetOptions>& options);

// The names WriteXlsx gives to sheets named `names`, in the same order (see WriteXlsx).
std::vector<std::string> SanitiseSheetNames(const std::vector<std::string>& names);

struct ReadSheet {
    std::string name;
    // Cells as text: numbers formatted without a trailing ".0" for integers; empty
    // string for empty cells. Rows are padded so every row has the same width.
    std::vector<std::vector<std::string>> rows;
};

struct XlsxLimits {
    std::size_t max_file_bytes = 8 * 1024 * 1024;
    std::size_t max_uncompressed_bytes = 64 * 1024 * 1024;  // zip-bomb guard, per part
    std::size_t max_rows = 100000;
    std::size_t max_columns = 200;
    std::size_t max_sheets = 50;
    std::size_t max_total_uncompressed_bytes = 128 * 1024 * 1024;  // zip-bomb guard, all parts read
    std::size_t max_cells = 2000000;                               // rows x width of every sheet after padding, summed
};

// Reads the worksheets of an .xlsx file in workbook order (chart sheets are skipped). Parts are
// found through the relationships (_rels/.rels, xl/_rels/workbook.xml.rels), not [Content_Types].
// Cells are placed by their reference ("C7"), so skipped cells and rows come out empty; rows and
// columns after the last cell with a value are dropped. Cell text: shared and inline strings
// (rich-text runs joined, phonetic runs dropped, _xHHHH_ escapes decoded), numbers as described
// in ReadSheet (up to 15 significant digits), booleans as TRUE/FALSE, errors and formula strings
// as stored. Errors name the part and the problem ("xl/worksheets/sheet1.xml: malformed XML at
// offset 120"): kInvalidArgument for a malformed zip, XML, reference or missing part;
// kPayloadTooLarge when a limit is exceeded (the message names the limit). `bytes` is only read.
Result<std::vector<ReadSheet>> ReadXlsx(std::string_view bytes, const XlsxLimits& limits = {});

// "A1"-style reference of a zero-based (row, column): CellReference(0, 0) == "A1", (9, 27) == "AB10".
std::string CellReference(std::size_t row, std::size_t column);

}  // namespace enshu::io
