#include "io/csv.hpp"

#include <string>
#include <utility>

#include "io/text.hpp"

namespace enshu::io {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// 1-based physical line of byte `offset`: CRLF, LF and lone CR each end a line.
std::size_t LineOfOffset(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
    }
    return line;
}

// Single-use parser over already validated UTF-8 (BOM removed). Not thread-safe; each call
// of ParseCsv owns one.
class CsvParser {
  public:
    CsvParser(std::string_view text, const CsvLimits& limits) : text_(text), limits_(limits) {
        const std::size_t last = text_.find_last_not_of("\r\n");
        content_end_ = last == std::string_view::npos ? 0 : last + 1;
    }

    Result<Table> Parse() {
        Table table;
        std::size_t cells = 0;
        while (position_ < content_end_) {
            if (table.size() == limits_.max_rows) {
                return Fail(ErrorCode::kPayloadTooLarge, "line " + std::to_string(line_) + ": more than max_rows=" +
                                                             std::to_string(limits_.max_rows) + " rows");
            }
            std::vector<std::string> row;
            column_ = 1;
            for (;;) {
                if (row.size() == limits_.max_columns) {
                    return Fail(ErrorCode::kPayloadTooLarge, Where() + ": more than max_columns=" +
                                                                 std::to_string(limits_.max_columns) + " columns");
                }
                if (cells == limits_.max_cells) {
                    return Fail(ErrorCode::kPayloadTooLarge,
                                Where() + ": more than max_cells=" + std::to_string(limits_.max_cells) + " cells");
                }
                std::string cell;
                const bool quoted = position_ < text_.size() && text_[position_] == '"';
                const std::size_t cell_line = line_;
                if (Status status = quoted ? ReadQuoted(cell) : ReadUnquoted(cell); !status) {
                    return tl::unexpected(std::move(status.error()));
                }
                if (cell.size() > limits_.max_cell_bytes) {
                    return Fail(ErrorCode::kPayloadTooLarge,
                                "line " + std::to_string(cell_line) + ", column " + std::to_string(column_) +
                                    ": cell is " + std::to_string(cell.size()) +
                                    " bytes, over max_cell_bytes=" + std::to_string(limits_.max_cell_bytes));
                }
                row.push_back(std::move(cell));
                ++cells;
                if (position_ >= text_.size()) break;
                if (text_[position_] == ',') {
                    ++position_;
                    ++column_;
                    continue;
                }
                SkipLineBreak();  // ReadQuoted/ReadUnquoted stop only at a comma, a line break or the end.
                break;
            }
            table.push_back(std::move(row));
        }
        return table;
    }

  private:
    std::string Where() const { return "line " + std::to_string(line_) + ", column " + std::to_string(column_); }

    // Reads up to the next comma, line break or the end. A quote inside is an error.
    Status ReadUnquoted(std::string& cell) {
        const std::size_t end = text_.find_first_of(",\r\n\"", position_);
        if (end != std::string_view::npos && text_[end] == '"') {
            return Fail(ErrorCode::kInvalidArgument,
                        Where() +
                            ": quote inside an unquoted field (a field containing quotes must be quoted and "
                            "its quotes doubled)");
        }
        const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
        cell.assign(text_.substr(position_, stop - position_));
        position_ = stop;
        return Ok();
    }

    // position_ is at the opening quote. Reads through the closing quote, which must be followed
    // by a comma, a line break or the end.
    Status ReadQuoted(std::string& cell) {
        const std::size_t start_line = line_;
        ++position_;
        for (;;) {
            const std::size_t next = text_.find_first_of("\"\r\n", position_);
            if (next == std::string_view::npos) {
                return Fail(ErrorCode::kInvalidArgument, "line " + std::to_string(start_line) + ", column " +
                                                             std::to_string(column_) +
                                                             ": unterminated quoted field (no closing quote)");
            }
            cell.append(text_.substr(position_, next - position_));
            position_ = next;
            const char c = text_[position_];
            if (c == '"') {
                if (position_ + 1 < text_.size() && text_[position_ + 1] == '"') {
                    cell.push_back('"');
                    position_ += 2;
                    continue;
                }
                ++position_;
                break;
            }
            const std::size_t before = position_;
            SkipLineBreak();
            cell.append(text_.substr(before, position_ - before));
        }
        if (position_ < text_.size() && text_[position_] != ',' && text_[position_] != '\r' &&
            text_[position_] != '\n') {
            return Fail(ErrorCode::kInvalidArgument,
                        Where() + ": unexpected character after the closing quote of a quoted field");
        }
        return Ok();
    }

    // position_ is at CR or LF: consumes CRLF, CR or LF and counts the line.
    void SkipLineBreak() {
        if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') ++position_;
        ++position_;
        ++line_;
    }

    std::string_view text_;
    const CsvLimits& limits_;
    std::size_t content_end_ = 0;  // end of the text without its trailing line breaks
    std::size_t position_ = 0;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
};

bool NeedsQuotes(std::string_view cell) { return cell.find_first_of(",\"\r\n") != std::string_view::npos; }

bool LooksLikeFormula(std::string_view cell) {
    if (cell.empty()) return false;
    const char first = cell.front();
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}

void AppendCell(std::string& out, std::string_view cell, FormulaGuard guard) {
    std::string guarded;
    if (guard == FormulaGuard::kEscape && LooksLikeFormula(cell)) {
        guarded = "'";
        guarded.append(cell);
        cell = guarded;
    }
    if (!NeedsQuotes(cell)) {
        out.append(cell);
        return;
    }
    out.push_back('"');
    for (const char c : cell) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace

Result<Table> ParseCsv(std::string_view text, const CsvLimits& limits) {
    if (text.size() > limits.max_input_bytes) {
        return Fail(ErrorCode::kPayloadTooLarge,
                    "input is " + std::to_string(text.size()) +
                        " bytes, over max_input_bytes=" + std::to_string(limits.max_input_bytes));
    }
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    if (const auto invalid = FirstInvalidUtf8Offset(text)) {
        return Fail(ErrorCode::kInvalidArgument, "line " + std::to_string(LineOfOffset(text, *invalid)) +
                                                     ": invalid UTF-8 (save the file as UTF-8)");
    }
    return CsvParser(text, limits).Parse();
}

std::string WriteCsv(const Table& table, FormulaGuard guard) {
    std::string out(kBom);
    for (const auto& row : table) {
        if (row.empty() || (row.size() == 1 && row[0].empty())) {
            out.append("\"\"");
        } else {
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (i > 0) out.push_back(',');
                AppendCell(out, row[i], guard);
            }
        }
        out.append("\r\n");
    }
    return out;
}

}  // namespace enshu::io
