#pragma once

// Internal to src/io: cell references and cell text conversions shared by the XLSX writer,
// the reader and their tests. CellReference itself is declared in xlsx.hpp.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace enshu::io {

// Excel's sheet size.
inline constexpr std::size_t kXlsxMaxRows = 1048576;
inline constexpr std::size_t kXlsxMaxColumns = 16384;

struct CellPosition {
    std::size_t row = 0;     // zero-based
    std::size_t column = 0;  // zero-based
};

// Parses an "A1"-style reference ("$" signs allowed, letters in either case) within Excel's
// sheet size; nullopt when malformed or outside it.
std::optional<CellPosition> ParseCellReference(std::string_view reference);

// Formats the stored text of a numeric cell: integers below 1e15 without a fraction ("42"),
// others with up to 15 significant digits ("0.3", "1.5e-07"). Text that is not a finite
// number is returned unchanged.
std::string FormatXlsxNumber(std::string_view stored);

// Decodes OOXML "_xHHHH_" escapes (how Excel stores control characters such as CR) into
// UTF-8; "_x005F_" is a literal "_". Surrogate pairs are joined; lone surrogates and NUL
// become U+FFFD.
std::string DecodeXlsxEscapes(std::string_view text);

// Protects text that looks like an escape before it is stored: each "_xHHHH_" becomes
// "_x005F_xHHHH_", so that DecodeXlsxEscapes (and Excel) give back the original text.
std::string EscapeXlsxLookalikes(std::string_view text);

}  // namespace enshu::io
