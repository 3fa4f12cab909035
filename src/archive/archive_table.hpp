#pragma once

// Reading and writing one archive CSV file against its FileSpec: the header is checked
// (every required column present, none unknown or repeated; any order), cells are read by
// column name with the formula guard undone, and typed readers report problems naming
// file, row and column. Pure functions over memory.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "archive/archive_format.hpp"
#include "exercise/field_validation.hpp"
#include "io/csv.hpp"

namespace enshu::archive {

// The data rows of one parsed file.
class FileRows {
  public:
    // Parses `bytes` as `spec`'s file (UTF-8, BOM optional, RFC 4180). Returns nullopt and
    // appends problems when the file cannot be read at all (bad CSV, over a limit, bad
    // header). Rows whose cell count differs from the header's are problems too (the row
    // is then skipped); blank rows are skipped silently. Row numbers count records, the
    // header being row 1.
    static std::optional<FileRows> Parse(const FileSpec& spec, std::string_view bytes, std::vector<Problem>& problems);

    std::size_t size() const { return rows_.size(); }
    std::size_t RowNumber(std::size_t index) const { return row_numbers_[index]; }
    // The cell of column `name` in data row `index`, with the formula guard removed for
    // guarded kinds (ColumnKind); "" for an optional column absent from the header.
    std::string Cell(std::size_t index, std::string_view name) const;
    // The cell as written (guard kept).
    std::string RawCell(std::size_t index, std::string_view name) const;
    const FileSpec& spec() const { return *spec_; }

  private:
    const FileSpec* spec_ = nullptr;
    std::unordered_map<std::string, std::size_t> column_index_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::size_t> row_numbers_;
};

// Whether a cell may be empty.
enum class Presence { kRequired, kOptional };

// Typed access to one row; every failed read appends a problem naming the column and
// returns a neutral value, so that a parser reads a whole row and reports everything.
class RowReader {
  public:
    RowReader(const FileRows& rows, std::size_t index, std::vector<Problem>& problems)
        : rows_(rows), index_(index), problems_(problems) {}

    std::size_t row() const { return rows_.RowNumber(index_); }
    // The cell as text, at most `max_characters` (0 = no limit), single-line unless kMultiple.
    std::string Text(std::string_view column, std::size_t max_characters,
                     exercise::TextLines lines = exercise::TextLines::kSingle);
    // Non-empty text.
    std::string RequiredText(std::string_view column, std::size_t max_characters,
                             exercise::TextLines lines = exercise::TextLines::kSingle);
    // A code (IsCode); "" allowed when kOptional.
    std::string Code(std::string_view column, Presence presence);
    // One of `allowed`.
    std::string OneOf(std::string_view column, const std::vector<std::string_view>& allowed);
    // A decimal integer in min..max; nullopt when empty (a problem when required).
    std::optional<std::int64_t> Integer(std::string_view column, std::int64_t min, std::int64_t max, Presence presence);
    // A finite decimal number; nullopt when empty.
    std::optional<double> Number(std::string_view column);
    // A UTC timestamp ("2023-12-07T04:00:00.000Z", milliseconds optional), returned in the
    // canonical form; "" when empty (a problem when required).
    std::string Timestamp(std::string_view column, Presence presence);
    // "0" / "1".
    bool Flag(std::string_view column);
    // Codes separated by ';' (each IsCode, no repeats); [] for an empty cell.
    std::vector<std::string> CodeList(std::string_view column);
    // A JSON array of strings; [] for an empty cell.
    std::vector<std::string> StringArray(std::string_view column, std::size_t max_items, std::size_t max_characters);

    void Fail(std::string_view column, std::string message);
    std::string Cell(std::string_view column) const { return rows_.Cell(index_, column); }

  private:
    const FileRows& rows_;
    std::size_t index_;
    std::vector<Problem>& problems_;
};

// The file's bytes: header row then `rows` (already formatted cells, in spec column
// order), the guard applied to guarded kinds; UTF-8 with BOM, CRLF (io::WriteCsv).
// kAnswer cells are guarded when `guard_answer[i]` is true for row i (free-text answers).
std::string WriteFile(const FileSpec& spec, const std::vector<std::vector<std::string>>& rows,
                      const std::vector<bool>& guard_answer = {});

// Canonical text forms shared by writer and reader.
std::string FormatNumber(double value);                     // shortest text that reads back exactly ("3.0", "0.5")
std::string NormaliseTimestamp(const std::string& stored);  // canonical form, or the text as is
bool IsLocalDateTime(std::string_view text);                // 'YYYY-MM-DDTHH:MM'
bool IsDate(std::string_view text);                         // 'YYYY-MM-DD'

}  // namespace enshu::archive
