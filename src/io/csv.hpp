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

struct CsvLimits {
    std::size_t max_rows = 100000;
    std::size_t max_columns = 200;
    std::size_t max_cell_bytes = 64 * 1024;
};

// Errors (kInvalidArgument / kPayloadTooLarge) name the line and column: "line 12: unterminated quoted field".
// Invalid UTF-8 is an error naming the line.
Result<Table> ParseCsv(std::string_view text, const CsvLimits& limits = {});

enum class FormulaGuard { kEscape, kNone };
std::string WriteCsv(const Table& table, FormulaGuard guard = FormulaGuard::kEscape);

}  // namespace enshu::io
