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

struct SheetToWrite {
    std::string name;                             // <= 31 characters, no []:*?/\ (sanitised if needed)
    std::vector<std::vector<CellValue>> rows;     // row 0 is written bold as the header
    std::vector<double> column_widths;            // optional, in characters
};

// Returns the bytes of an .xlsx file.
Result<std::string> WriteXlsx(const std::vector<SheetToWrite>& sheets);

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
};

// Errors name the part and the problem ("xl/worksheets/sheet1.xml: malformed XML at offset 120").
Result<std::vector<ReadSheet>> ReadXlsx(std::string_view bytes, const XlsxLimits& limits = {});

// "A1"-style reference of a zero-based (row, column): CellReference(0, 0) == "A1", (9, 27) == "AB10".
std::string CellReference(std::size_t row, std::size_t column);

}  // namespace enshu::io
