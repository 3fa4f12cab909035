#include "io/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/exercise_marking.hpp"
#include "io/text.hpp"
#include "io/xlsx_cells.hpp"

namespace enshu::io {
namespace {

constexpr std::size_t kMaxStringCharacters = 32767;
constexpr double kMaxColumnWidth = 255;
constexpr std::size_t kMaxListCharacters = 255;

// A file created with mkstemp and removed when this goes out of scope.
class TemporaryFile {
  public:
    static Result<TemporaryFile> Create() {
        std::error_code error;
        const std::filesystem::path directory = std::filesystem::temp_directory_path(error);
        if (error) return Fail(ErrorCode::kInternal, "xlsx: no temporary directory: " + error.message());
        std::string pattern = (directory / "enshu-xlsx-XXXXXX").string();
        const int descriptor = mkstemp(pattern.data());
        if (descriptor < 0) {
            return Fail(ErrorCode::kInternal, "xlsx: cannot create a temporary file: " + std::string(strerror(errno)));
        }
        close(descriptor);
        return TemporaryFile(std::move(pattern));
    }

    TemporaryFile(TemporaryFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
    TemporaryFile& operator=(TemporaryFile&&) = delete;
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (!path_.empty()) unlink(path_.c_str());
    }

    const std::string& Path() const { return path_; }

  private:
    explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
    std::string path_;
};

std::string SheetLabel(std::size_t index, const std::string& name) {
    return "sheet " + std::to_string(index + 1) + " (" + name + ")";
}

// Drop-down lists and hidden columns: what Excel would reject.
Status ValidateSheetExtras(const SheetOptions& sheet, const std::string& label) {
    for (std::size_t index = 0; index < sheet.list_validations.size(); ++index) {
        const ListValidation& list = sheet.list_validations[index];
        const std::string where = label + ", list validation " + std::to_string(index + 1);
        if (list.options.empty()) return Fail(ErrorCode::kInvalidArgument, where + ": no options");
        std::size_t characters = list.options.size() - 1;  // the commas
        for (const auto& option : list.options) {
            if (option.empty() || option.find(',') != std::string::npos || !IsValidUtf8(option)) {
                return Fail(ErrorCode::kInvalidArgument,
                            where + ": option '" + option + "' must be non-empty UTF-8 text without commas");
            }
            characters += CharacterCount(option);
        }
        if (characters > kMaxListCharacters) {
            return Fail(ErrorCode::kInvalidArgument, where + ": the options exceed Excel's 255 characters");
        }
        if (list.first_row > list.last_row || list.first_column > list.last_column || list.last_row >= kXlsxMaxRows ||
            list.last_column >= kXlsxMaxColumns) {
            return Fail(ErrorCode::kInvalidArgument, where + ": the cell block is empty or outside Excel's grid");
        }
    }
    for (std::size_t column : sheet.unlocked_columns) {
        if (column >= kXlsxMaxColumns) {
            return Fail(ErrorCode::kInvalidArgument,
                        label + ": unlocked column " + std::to_string(column + 1) + " is outside Excel's grid");
        }
    }
    for (std::size_t column : sheet.hidden_columns) {
        if (column >= kXlsxMaxColumns) {
            return Fail(ErrorCode::kInvalidArgument,
                        label + ": hidden column " + std::to_string(column + 1) + " is outside Excel's grid");
        }
    }
    return Ok();
}

// Checks what libxlsxwriter or Excel would reject, before anything is written.
Status ValidateSheet(const SheetToWrite& sheet, std::size_t index) {
    const std::string label = SheetLabel(index, sheet.name);
    if (sheet.rows.size() > kXlsxMaxRows) {
        return Fail(ErrorCode::kPayloadTooLarge, label + ": " + std::to_string(sheet.rows.size()) +
                                                     " rows, more than Excel's " + std::to_string(kXlsxMaxRows));
    }
    if (sheet.column_widths.size() > kXlsxMaxColumns) {
        return Fail(ErrorCode::kPayloadTooLarge,
                    label + ": more column widths than Excel's " + std::to_string(kXlsxMaxColumns) + " columns");
    }
    for (std::size_t column = 0; column < sheet.column_widths.size(); ++column) {
        const double width = sheet.column_widths[column];
        if (!std::isfinite(width) || width < 0 || width > kMaxColumnWidth) {
            return Fail(ErrorCode::kInvalidArgument,
                        label + ", column " + std::to_string(column + 1) + ": width must be between 0 and 255");
        }
    }
    for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
        const auto& cells = sheet.rows[row];
        if (cells.size() > kXlsxMaxColumns) {
            return Fail(ErrorCode::kPayloadTooLarge, label + ", row " + std::to_string(row + 1) + ": " +
                                                         std::to_string(cells.size()) + " cells, more than Excel's " +
                                                         std::to_string(kXlsxMaxColumns) + " columns");
        }
        for (std::size_t column = 0; column < cells.size(); ++column) {
            const std::string where = label + ", cell " + CellReference(row, column);
            if (const auto* text = std::get_if<std::string>(&cells[column])) {
                if (!IsValidUtf8(*text)) return Fail(ErrorCode::kInvalidArgument, where + ": text is not valid UTF-8");
                if (CharacterCount(*text) > kMaxStringCharacters) {
                    return Fail(ErrorCode::kPayloadTooLarge, where + ": text is longer than Excel's " +
                                                                 std::to_string(kMaxStringCharacters) + " characters");
                }
            } else if (const auto* number = std::get_if<double>(&cells[column])) {
                if (!std::isfinite(*number)) {
                    return Fail(ErrorCode::kInvalidArgument, where + ": number is not finite");
                }
            }
        }
    }
    return Ok();
}

Status Check(lxw_error error, const std::string& where) {
    if (error == LXW_NO_ERROR) return Ok();
    return Fail(ErrorCode::kInternal, where + ": libxlsxwriter: " + lxw_strerror(error));
}

// Writes one sheet into `worksheet`; `bold` formats row 0.
// `unlocked` is the format of the cells of options.unlocked_columns on a protected sheet.
Status WriteSheet(lxw_worksheet* worksheet, const SheetToWrite& sheet, const SheetOptions& options, lxw_format* bold,
                  lxw_format* unlocked, const std::string& label) {
    for (std::size_t column = 0; column < sheet.column_widths.size(); ++column) {
        const auto index = static_cast<lxw_col_t>(column);
        if (Status status = Check(worksheet_set_column(worksheet, index, index, sheet.column_widths[column], nullptr),
                                  label + ", column " + std::to_string(column + 1));
            !status) {
            return status;
        }
    }
    for (std::size_t column : options.hidden_columns) {
        const auto index = static_cast<lxw_col_t>(column);
        const double width =
            column < sheet.column_widths.size() ? sheet.column_widths[column] : static_cast<double>(LXW_DEF_COL_WIDTH);
        lxw_row_col_options hidden{};
        hidden.hidden = LXW_TRUE;
        if (Status status = Check(worksheet_set_column_opt(worksheet, index, index, width, nullptr, &hidden),
                                  label + ", hidden column " + std::to_string(column + 1));
            !status) {
            return status;
        }
    }
    for (std::size_t index = 0; index < options.list_validations.size(); ++index) {
        const ListValidation& list = options.list_validations[index];
        std::vector<char*> values;
        values.reserve(list.options.size() + 1);
        for (const auto& option : list.options) values.push_back(const_cast<char*>(option.c_str()));
        values.push_back(nullptr);
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        validation.value_list = values.data();
        validation.ignore_blank = LXW_VALIDATION_ON;
        validation.dropdown = LXW_VALIDATION_ON;
        validation.show_error = LXW_VALIDATION_ON;
        if (Status status =
                Check(worksheet_data_validation_range(
                          worksheet, static_cast<lxw_row_t>(list.first_row), static_cast<lxw_col_t>(list.first_column),
                          static_cast<lxw_row_t>(list.last_row), static_cast<lxw_col_t>(list.last_column), &validation),
                      label + ", list validation " + std::to_string(index + 1));
            !status) {
            return status;
        }
    }
    // Unlocked columns: the column format covers empty cells; written cells get it explicitly.
    const auto is_unlocked = [&](std::size_t column) {
        return options.protect && std::find(options.unlocked_columns.begin(), options.unlocked_columns.end(), column) !=
                                      options.unlocked_columns.end();
    };
    for (std::size_t column : options.unlocked_columns) {
        if (!options.protect) break;
        const auto index = static_cast<lxw_col_t>(column);
        const double width =
            column < sheet.column_widths.size() ? sheet.column_widths[column] : static_cast<double>(LXW_DEF_COL_WIDTH);
        if (Status status = Check(worksheet_set_column(worksheet, index, index, width, unlocked),
                                  label + ", unlocked column " + std::to_string(column + 1));
            !status) {
            return status;
        }
    }
    if (options.protect) {
        lxw_protection protection{};
        protection.format_columns = LXW_TRUE;  // people may still widen columns
        protection.format_rows = LXW_TRUE;
        worksheet_protect(worksheet, nullptr, &protection);
    }
    for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
        const auto& cells = sheet.rows[row];
        for (std::size_t column = 0; column < cells.size(); ++column) {
            lxw_format* format = row == 0 ? bold : (is_unlocked(column) ? unlocked : nullptr);
            const auto row_index = static_cast<lxw_row_t>(row);
            const auto column_index = static_cast<lxw_col_t>(column);
            lxw_error error = LXW_NO_ERROR;
            if (const auto* text = std::get_if<std::string>(&cells[column])) {
                if (text->empty()) continue;
                // libxlsxwriter escapes control characters but not text that already looks escaped.
                const std::string stored = EscapeXlsxLookalikes(*text);
                error = worksheet_write_string(worksheet, row_index, column_index, stored.c_str(), format);
            } else if (const auto* number = std::get_if<double>(&cells[column])) {
                error = worksheet_write_number(worksheet, row_index, column_index, *number, format);
            } else {
                continue;
            }
            if (Status status = Check(error, label + ", cell " + CellReference(row, column)); !status) return status;
        }
    }
    return Ok();
}

Result<std::string> ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && !in.eof()) return Fail(ErrorCode::kInternal, "xlsx: cannot read the temporary file back");
    return content.str();
}

}  // namespace

Result<std::string> WriteXlsx(const std::vector<SheetToWrite>& sheets) { return WriteXlsx(sheets, {}); }

Result<std::string> WriteXlsx(const std::vector<SheetToWrite>& sheets, const std::vector<SheetOptions>& options) {
    if (sheets.empty()) return Fail(ErrorCode::kInvalidArgument, "sheets: at least one sheet is required", "sheets");
    if (options.size() > sheets.size()) {
        return Fail(ErrorCode::kInvalidArgument, "options: more entries than sheets", "options");
    }
    const SheetOptions no_options;
    const auto options_of = [&](std::size_t i) -> const SheetOptions& {
        return i < options.size() ? options[i] : no_options;
    };
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (Status status = ValidateSheet(sheets[i], i); !status) return tl::unexpected(std::move(status.error()));
        if (Status status = ValidateSheetExtras(options_of(i), SheetLabel(i, sheets[i].name)); !status) {
            return tl::unexpected(std::move(status.error()));
        }
    }
    std::vector<std::string> names;
    names.reserve(sheets.size());
    for (const auto& sheet : sheets) names.push_back(sheet.name);
    names = SanitiseSheetNames(names);

    auto file = TemporaryFile::Create();
    if (!file) return tl::unexpected(std::move(file.error()));
    lxw_workbook_options workbook_options{};
    workbook_options.constant_memory = LXW_FALSE;
    workbook_options.use_zip64 = LXW_FALSE;
    lxw_workbook* workbook = workbook_new_opt(file->Path().c_str(), &workbook_options);
    if (workbook == nullptr) return Fail(ErrorCode::kInternal, "xlsx: libxlsxwriter could not create a workbook");

    // From here on the workbook must be closed (which also frees it) on every path.
    Status written = Ok();
    // "&C": centred in the page header / footer.
    static const std::string kPrintMarking = "&C" + std::string(kExerciseMarking);
    std::string subject(kExerciseMarking);
    lxw_doc_properties properties{};
    properties.subject = subject.data();
    workbook_set_properties(workbook, &properties);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* unlocked = workbook_add_format(workbook);
    format_set_unlocked(unlocked);
    for (std::size_t i = 0; i < sheets.size() && written; ++i) {
        const std::string label = SheetLabel(i, names[i]);
        lxw_worksheet* worksheet = workbook_add_worksheet(workbook, names[i].c_str());
        if (worksheet == nullptr) {
            written = Fail(ErrorCode::kInternal, label + ": libxlsxwriter rejected the sheet name");
            break;
        }
        written = WriteSheet(worksheet, sheets[i], options_of(i), bold, unlocked, label);
        // Every printed page of every sheet says it is an exercise (core/exercise_marking.hpp).
        if (written) written = Check(worksheet_set_header(worksheet, kPrintMarking.c_str()), label);
        if (written) written = Check(worksheet_set_footer(worksheet, kPrintMarking.c_str()), label);
    }
    const lxw_error closed = workbook_close(workbook);
    if (!written) return tl::unexpected(std::move(written.error()));
    if (Status status = Check(closed, "xlsx"); !status) return tl::unexpected(std::move(status.error()));
    return ReadWholeFile(file->Path());
}

}  // namespace enshu::io
