#include "io/xlsx_cells.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "io/xlsx.hpp"

namespace enshu::io {
namespace {

void AppendUtf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

// The code unit of an escape "_xHHHH_" starting at text[position], or nullopt.
std::optional<std::uint32_t> EscapeAt(std::string_view text, std::size_t position) {
    if (text.size() - position < 7 || text[position] != '_' || (text[position + 1] != 'x') ||
        text[position + 6] != '_') {
        return std::nullopt;
    }
    std::uint32_t value = 0;
    const char* begin = text.data() + position + 2;
    const auto [end, error] = std::from_chars(begin, begin + 4, value, 16);
    if (error != std::errc{} || end != begin + 4) return std::nullopt;
    return value;
}

constexpr std::uint32_t kReplacementCharacter = 0xFFFD;

}  // namespace

std::string CellReference(std::size_t row, std::size_t column) {
    std::string letters;
    std::size_t remaining = column + 1;
    while (remaining > 0) {
        const std::size_t digit = (remaining - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + digit));
        remaining = (remaining - 1) / 26;
    }
    return letters + std::to_string(row + 1);
}

std::optional<CellPosition> ParseCellReference(std::string_view reference) {
    std::size_t position = 0;
    if (position < reference.size() && reference[position] == '$') ++position;
    std::size_t column = 0;
    std::size_t letters = 0;
    while (position < reference.size() && letters < 4) {
        char c = reference[position];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
        ++letters;
        ++position;
    }
    if (letters == 0 || column > kXlsxMaxColumns) return std::nullopt;
    if (position < reference.size() && reference[position] == '$') ++position;
    const std::string_view digits = reference.substr(position);
    if (digits.empty() || digits.size() > 7 || digits.front() == '0') return std::nullopt;
    std::size_t row = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), row);
    if (error != std::errc{} || end != digits.data() + digits.size() || row > kXlsxMaxRows) return std::nullopt;
    return CellPosition{row - 1, column - 1};
}

std::string FormatXlsxNumber(std::string_view stored) {
    double value = 0;
    const auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (error != std::errc{} || end != stored.data() + stored.size() || !std::isfinite(value)) {
        return std::string(stored);
    }
    if (value == 0) return "0";  // also -0
    char buffer[64];
    std::to_chars_result written{};
    if (std::trunc(value) == value && std::fabs(value) < 1e15) {
        written = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value));
    } else {
        written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
    }
    return std::string(buffer, written.ptr);
}

std::string DecodeXlsxEscapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        const auto unit = EscapeAt(text, position);
        if (!unit) {
            out.push_back(text[position]);
            ++position;
            continue;
        }
        position += 7;
        std::uint32_t code_point = *unit;
        if (code_point >= 0xD800 && code_point <= 0xDBFF) {
            const auto low = position < text.size() ? EscapeAt(text, position) : std::nullopt;
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
                position += 7;
            } else {
                code_point = kReplacementCharacter;
            }
        } else if ((code_point >= 0xDC00 && code_point <= 0xDFFF) || code_point == 0) {
            code_point = kReplacementCharacter;
        }
        AppendUtf8(out, code_point);
    }
    return out;
}

std::string EscapeXlsxLookalikes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size() + 14);
    for (std::size_t position = 0; position < text.size(); ++position) {
        if (EscapeAt(text, position)) out.append("_x005F");
        out.push_back(text[position]);
    }
    return out;
}

}  // namespace enshu::io
