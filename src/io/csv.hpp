#pragma once

// RFC 4180 CSV. Reading accepts UTF-8 with or without a BOM, CRLF or LF line ends,
// quoted fields with embedded commas, quotes ("") and line breaks. Writing produces
// UTF-8 with a BOM (so Excel opens Japanese text correctly) and CRLF line ends, and
// quotes a field only when needed. Cells starting with = + - @ are prefixed with a
// single quote on export (CSV injection), see WriteCsv.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace enshu::io {

using Table = std::vector<std::vector<std::string>>;  // rows of cells; row 0 is the header when there is one

// Exceeding any limit is kPayloadTooLarge with a message naming the limit and the line.
struct CsvLimits {
    std::size_t max_rows = 100000;
    std::size_t max_columns = 200;
    std::size_t max_cell_bytes = 64 * 1024;
    std::size_t max_input_bytes = 16 * 1024 * 1024;  // the whole text, BOM included
    std::size_t max_cells = 2000000;                 // sum of the cells of all rows
};

// Parses `text` into rows of cells. Lines are numbered from 1 and count physical lines (a
// quoted field spanning two lines advances the count); columns are 1-based field numbers.
// Line breaks inside quoted fields are kept byte for byte. Rows may have different widths.
// Line breaks at the end of the text are ignored; an empty line elsewhere is a row with one
// empty cell. Errors (kInvalidArgument / kPayloadTooLarge) name the line and column:
// "line 12, column 3: unterminated quoted field". Invalid UTF-8 is an error naming the line.
Result<Table> ParseCsv(std::string_view text, const CsvLimits& limits = {});

// kEscape prefixes a cell that starts with = + - @ tab or CR with a single quote, so that
// spreadsheet programs do not evaluate it as a formula (this also applies to "-5").
enum class FormulaGuard { kEscape, kNone };

// Returns UTF-8 with a BOM, CRLF after every row (the last included). A cell is quoted when it
// contains a comma, a quote, CR or LF; quotes inside are doubled. A row with no cells or a
// single empty cell is written as "" so that ParseCsv reads it back as one empty cell.
// With kNone, ParseCsv(WriteCsv(t)) == t for every table whose rows each have at least one cell.
std::string WriteCsv(const Table& table, FormulaGuard guard = FormulaGuard::kEscape);

}  // namespace enshu::io
