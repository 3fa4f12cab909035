#include "archive/archive_table.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "exercise/field_validation.hpp"
#include "io/text.hpp"

namespace enshu::archive {
namespace {

bool IsGuardedKind(ColumnKind kind) {
    return kind == ColumnKind::kKey || kind == ColumnKind::kCode || kind == ColumnKind::kText ||
           kind == ColumnKind::kJson;
}

bool IsBlankRow(const std::vector<std::string>& row) { return row.size() == 1 && row.front().empty(); }

std::string JoinAllowed(const std::vector<std::string_view>& allowed) {
    std::string text;
    for (auto value : allowed) {
        if (!text.empty()) text += ", ";
        text += value;
    }
    return text;
}

}  // namespace

std::optional<FileRows> FileRows::Parse(const FileSpec& spec, std::string_view bytes, std::vector<Problem>& problems) {
    const std::string file(spec.name);
    if (bytes.size() > spec.max_bytes) {
        problems.push_back({file, 0, "",
                            "the file has " + std::to_string(bytes.size()) + " bytes; at most " +
                                std::to_string(spec.max_bytes) + " are read"});
        return std::nullopt;
    }
    io::CsvLimits limits;
    limits.max_rows = spec.max_rows + 1;
    limits.max_columns = 64;
    limits.max_input_bytes = spec.max_bytes;
    limits.max_cells = (spec.max_rows + 1) * spec.columns.size() + 64;
    auto table = io::ParseCsv(bytes, limits);
    if (!table) {
        const bool too_many_rows = table.error().message.find("max_rows") != std::string::npos;
        problems.push_back(
            {file, 0, "",
             too_many_rows ? "has more than " + std::to_string(spec.max_rows) + " data rows, the limit of this file"
                           : table.error().message});
        return std::nullopt;
    }
    if (table->empty()) {
        problems.push_back({file, 1, "", "the header row is missing"});
        return std::nullopt;
    }
    FileRows rows;
    rows.spec_ = &spec;
    const auto& header = table->front();
    bool header_ok = true;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = io::TrimSpaces(header[i]);
        bool known = false;
        for (const auto& column : spec.columns) known = known || column.name == name;
        if (!known) {
            problems.push_back({file, 1, name,
                                "unknown column (expected " + std::to_string(spec.columns.size()) +
                                    " columns, see docs/data-format.md)"});
            header_ok = false;
        } else if (!rows.column_index_.emplace(name, i).second) {
            problems.push_back({file, 1, name, "the column appears twice"});
            header_ok = false;
        }
    }
    for (const auto& column : spec.columns) {
        if (!column.optional && !rows.column_index_.count(std::string(column.name))) {
            problems.push_back({file, 1, std::string(column.name), "required column is missing"});
            header_ok = false;
        }
    }
    if (!header_ok) return std::nullopt;
    for (std::size_t i = 1; i < table->size(); ++i) {
        auto& row = (*table)[i];
        if (IsBlankRow(row)) continue;
        if (row.size() != header.size()) {
            problems.push_back(
                {file, i + 1, "",
                 "has " + std::to_string(row.size()) + " cells; the header has " + std::to_string(header.size())});
            continue;
        }
        rows.rows_.push_back(std::move(row));
        rows.row_numbers_.push_back(i + 1);
    }
    return rows;
}

std::string FileRows::RawCell(std::size_t index, std::string_view name) const {
    const auto found = column_index_.find(std::string(name));
    if (found == column_index_.end()) return "";
    return rows_[index][found->second];
}

std::string FileRows::Cell(std::size_t index, std::string_view name) const {
    std::string cell = RawCell(index, name);
    for (const auto& column : spec_->columns) {
        if (column.name == name) return IsGuardedKind(column.kind) ? UnguardCell(cell) : cell;
    }
    return cell;
}

void RowReader::Fail(std::string_view column, std::string message) {
    problems_.push_back({std::string(rows_.spec().name), row(), std::string(column), std::move(message)});
}

std::string RowReader::Text(std::string_view column, std::size_t max_characters, exercise::TextLines lines) {
    std::string value = Cell(column);
    if (value.empty()) return value;
    const auto error = exercise::CheckText(value, column, 0, max_characters == 0 ? SIZE_MAX : max_characters, lines);
    if (error) {
        std::string message = error->message;
        const std::string prefix = std::string(column) + ": ";
        if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
        Fail(column, message);
        return "";
    }
    return value;
}

std::string RowReader::RequiredText(std::string_view column, std::size_t max_characters, exercise::TextLines lines) {
    if (Cell(column).empty()) {
        Fail(column, "is required");
        return "";
    }
    return Text(column, max_characters, lines);
}

std::string RowReader::Code(std::string_view column, Presence presence) {
    std::string value = Cell(column);
    if (value.empty()) {
        if (presence == Presence::kRequired) Fail(column, "is required");
        return value;
    }
    if (!IsCode(value)) {
        Fail(column, "'" + value + "' is not a code (1-64 of A-Z a-z 0-9 . _ -)");
        return "";
    }
    return value;
}

std::string RowReader::OneOf(std::string_view column, const std::vector<std::string_view>& allowed) {
    const std::string value = Cell(column);
    for (auto candidate : allowed) {
        if (candidate == value) return value;
    }
    Fail(column, (value.empty() ? std::string("is required") : "'" + value + "' is not allowed") + " (one of " +
                     JoinAllowed(allowed) + ")");
    return "";
}

std::optional<std::int64_t> RowReader::Integer(std::string_view column, std::int64_t min, std::int64_t max,
                                               Presence presence) {
    const std::string value = Cell(column);
    if (value.empty()) {
        if (presence == Presence::kRequired) Fail(column, "is required");
        return std::nullopt;
    }
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < min || number > max) {
        Fail(column,
             "'" + value + "' is not a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return std::nullopt;
    }
    return number;
}

std::optional<double> RowReader::Number(std::string_view column) {
    const std::string value = Cell(column);
    if (value.empty()) return std::nullopt;
    const auto parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_number() || !std::isfinite(parsed.get<double>())) {
        Fail(column, "'" + value + "' is not a number (e.g. 3, -1.5)");
        return std::nullopt;
    }
    return parsed.get<double>();
}

std::string RowReader::Timestamp(std::string_view column, Presence presence) {
    const std::string value = Cell(column);
    if (value.empty()) {
        if (presence == Presence::kRequired) Fail(column, "is required");
        return value;
    }
    TimePoint point;
    if (!ParseTimestamp(value, point)) {
        Fail(column, "'" + value + "' is not a UTC timestamp like 2023-12-07T04:00:00.000Z");
        return "";
    }
    return FormatTimestamp(point);
}

bool RowReader::Flag(std::string_view column) {
    const std::string value = Cell(column);
    if (value == "1") return true;
    if (value != "0") Fail(column, "'" + value + "' must be 0 or 1");
    return false;
}

std::vector<std::string> RowReader::CodeList(std::string_view column) {
    std::vector<std::string> codes;
    const std::string value = Cell(column);
    if (value.empty()) return codes;
    std::set<std::string> seen;
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto end = std::min(value.find(kCodeListSeparator, start), value.size());
        const std::string code = value.substr(start, end - start);
        if (!IsCode(code)) {
            Fail(column, "'" + code + "' is not a code (codes are separated by ';')");
            return {};
        }
        if (!seen.insert(code).second) {
            Fail(column, "'" + code + "' is repeated");
            return {};
        }
        codes.push_back(code);
        start = end + 1;
    }
    return codes;
}

std::vector<std::string> RowReader::StringArray(std::string_view column, std::size_t max_items,
                                                std::size_t max_characters) {
    std::vector<std::string> items;
    const std::string value = Cell(column);
    if (value.empty()) return items;
    const auto parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_array()) {
        Fail(column, "must be a JSON array of strings, e.g. [\"a\",\"b\"]");
        return {};
    }
    if (parsed.size() > max_items) {
        Fail(column, "has " + std::to_string(parsed.size()) + " entries; at most " + std::to_string(max_items));
        return {};
    }
    for (const auto& item : parsed) {
        if (!item.is_string()) {
            Fail(column, "must be a JSON array of strings, e.g. [\"a\",\"b\"]");
            return {};
        }
        const auto text = item.get<std::string>();
        if (text.empty() || io::CharacterCount(text) > max_characters) {
            Fail(column, "each entry must have 1 to " + std::to_string(max_characters) + " characters");
            return {};
        }
        items.push_back(text);
    }
    return items;
}

std::string WriteFile(const FileSpec& spec, const std::vector<std::vector<std::string>>& rows,
                      const std::vector<bool>& guard_answer) {
    io::Table table;
    table.reserve(rows.size() + 1);
    std::vector<std::string> header;
    for (const auto& column : spec.columns) header.emplace_back(column.name);
    table.push_back(std::move(header));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<std::string> cells;
        cells.reserve(spec.columns.size());
        for (std::size_t c = 0; c < spec.columns.size(); ++c) {
            const auto kind = spec.columns[c].kind;
            const bool guard =
                IsGuardedKind(kind) || (kind == ColumnKind::kAnswer && r < guard_answer.size() && guard_answer[r]);
            cells.push_back(guard ? GuardCell(rows[r][c]) : rows[r][c]);
        }
        table.push_back(std::move(cells));
    }
    return io::WriteCsv(table, io::FormulaGuard::kNone);
}

std::string FormatNumber(double value) { return nlohmann::json(value).dump(); }

std::string NormaliseTimestamp(const std::string& stored) {
    TimePoint point;
    if (stored.empty() || !ParseTimestamp(stored, point)) return stored;
    return FormatTimestamp(point);
}

bool IsLocalDateTime(std::string_view text) {
    return text.size() == 16 && text[10] == 'T' && exercise::IsPhaseDateTime(text);
}

bool IsDate(std::string_view text) { return text.size() == 10 && exercise::IsPhaseDateTime(text); }

}  // namespace enshu::archive
