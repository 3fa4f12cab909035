#include "evaluation/action_record_xlsx.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/exercise_marking.hpp"
#include "io/text.hpp"
#include "io/xlsx.hpp"

namespace enshu::evaluation {
namespace {

constexpr std::size_t kMaxRatingRows = 200;
constexpr std::size_t kBlankIssueRowsPerObjective = 3;
constexpr std::size_t kKeyRow = 4;  // B5
constexpr std::array<const char*, kSettingCount> kSettingHeaders = {"①手順書等の有無", "②参照", "③行動"};

std::string ObjectiveTitle(const ChosenObjective& objective, const std::vector<db::Objective>& reference) {
    if (objective.objective_id == kOwnObjectiveId) return "独自の課題: " + objective.custom_text;
    for (const auto& entry : reference) {
        if (entry.id == objective.objective_id) return entry.title_ja;
    }
    return "";
}

std::string LabelOf(const std::string& code, const std::vector<RatingOption>& ratings) {
    for (const auto& option : ratings) {
        if (option.code == code) return option.label_ja;
    }
    return code;
}

std::string LowerAscii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// The code of a cell's label (ja, en, or code); "" for blank; nullopt when unknown.
std::optional<std::string> CodeOfLabel(const std::string& cell, const std::vector<RatingOption>& ratings) {
    const std::string text = Trim(cell);
    if (text.empty()) return std::string();
    const std::string lower = LowerAscii(text);
    for (const auto& option : ratings) {
        if (text == option.label_ja || lower == LowerAscii(option.label_en) || lower == option.code) return option.code;
    }
    return std::nullopt;
}

std::string LabelList(const std::vector<RatingOption>& ratings) {
    std::string text;
    for (const auto& option : ratings) text += (text.empty() ? "" : "/") + option.label_ja;
    return text;
}

const io::ReadSheet* FindSheet(const std::vector<io::ReadSheet>& sheets, std::string_view name) {
    for (const auto& sheet : sheets) {
        if (sheet.name == name) return &sheet;
    }
    return nullptr;
}

std::string CellText(const io::ReadSheet& sheet, std::size_t row, std::size_t column) {
    if (row >= sheet.rows.size() || column >= sheet.rows[row].size()) return {};
    return sheet.rows[row][column];
}

}  // namespace

std::string WorkbookKey(const OrganisationFacts& organisation) {
    return "enshu-action-record:v1:" + std::to_string(organisation.exercise_id) + ":" + std::to_string(organisation.id);
}

Result<std::string> BuildActionRecordWorkbook(const ActionRecordSheet& sheet, const WorkbookContext& context) {
    using io::CellValue;
    const auto text = [](std::string value) { return CellValue(std::move(value)); };
    io::SheetToWrite instructions{
        std::string(kInstructionsSheet),
        {{text("行動記録シート / Action-record sheet"), text("")},
         {text("演習 / Exercise"), text(context.exercise_title)},
         {text("組織 / Organisation"), text(context.organisation.name)},
         {text("出力日時 / Exported at (UTC)"), text(context.exported_at)},
         {text("識別子 / Workbook key"), text(WorkbookKey(context.organisation))},
         {text("表示 / Marking"), text(std::string(kExerciseMarking))},
         {text("記入方法"),
          text("「行動記録」シートで、検証課題ごとに①手順書等の有無 ②参照 ③行動 を一覧から選んでください。")},
         {text(""), text("「課題」シートに、洗い出された課題を1行に1件ずつ記入してください（No."
                         "で検証課題を選びます。行は追加できます）。")},
         {text(""), text("A列（キー）と識別子は変更しないでください。アップロードすると内容を検証し、すべて正しい場合の"
                         "み保存します（下書き）。")},
         {text("How to fill in"), text("On the 行動記録 sheet choose ① procedures exist, ② referred to and ③ acted for "
                                       "each objective from the list.")},
         {text(""), text("On the 課題 sheet write one issue found per row, choosing its objective in column No. (you "
                         "may add rows).")},
         {text(""), text("Do not change column A (key) or the workbook key. On upload every cell is checked; the sheet "
                         "is saved as a draft only when all are valid.")}},
        {24, 100}};
    io::SheetToWrite ratings{std::string(kRatingsSheet),
                             {{text("キー"), text("No."), text("検証課題"), text(kSettingHeaders[0]),
                               text(kSettingHeaders[1]), text(kSettingHeaders[2])}},
                             {8, 8, 60, 26, 26, 26}};
    io::SheetToWrite issues{
        std::string(kIssuesSheet), {{text("No."), text("検証課題"), text("洗い出された課題")}}, {8, 40, 100}};
    std::vector<std::string> keys;
    for (const auto& record : sheet.objectives) {
        const std::string key = ObjectiveKey(record.objective);
        const std::string title = ObjectiveTitle(record.objective, context.objectives);
        keys.push_back(key);
        std::vector<CellValue> row = {text(key), text(key), text(title)};
        for (const auto& rating : record.ratings)
            row.push_back(text(rating.empty() ? "" : LabelOf(rating, context.ratings)));
        ratings.rows.push_back(std::move(row));
        for (const auto& issue : record.issues) issues.rows.push_back({text(key), text(title), text(issue)});
        for (std::size_t i = 0; i < kBlankIssueRowsPerObjective; ++i) {
            issues.rows.push_back({text(key), text(title), text("")});
        }
    }
    std::vector<std::string> labels;
    for (const auto& option : context.ratings) labels.push_back(option.label_ja);
    io::SheetOptions rating_options;
    rating_options.hidden_columns = {0};
    rating_options.protect = true;  // only ①②③ can change; the key, No. and title stay as exported
    rating_options.unlocked_columns = {3, 4, 5};
    if (!sheet.objectives.empty()) {
        rating_options.list_validations.push_back({1, sheet.objectives.size(), 3, 5, labels});
    }
    io::SheetOptions issue_options;
    if (!keys.empty()) issue_options.list_validations.push_back({1, kMaxIssueRows, 0, 0, keys});
    return io::WriteXlsx({instructions, ratings, issues}, {io::SheetOptions{}, rating_options, issue_options});
}

Result<ParsedWorkbook> ParseActionRecordWorkbook(std::string_view bytes, const ActionRecordSheet& sheet,
                                                 const OrganisationFacts& organisation,
                                                 const std::vector<RatingOption>& ratings) {
    if (bytes.empty()) return Fail(ErrorCode::kInvalidArgument, "file: is empty", "file");
    if (bytes.size() > kMaxUploadBytes) {
        return Fail(ErrorCode::kPayloadTooLarge, "file: larger than 2 MiB", "file");
    }
    io::XlsxLimits limits;
    limits.max_file_bytes = kMaxUploadBytes;
    limits.max_rows = kMaxIssueRows + 1;
    limits.max_columns = 50;
    limits.max_sheets = 10;
    auto workbook = io::ReadXlsx(bytes, limits);
    if (!workbook) {
        Error error = workbook.error();
        error.message = "file: " + error.message;
        error.field = "file";
        return tl::unexpected(error);
    }
    ParsedWorkbook parsed;
    auto& problems = parsed.problems;
    const auto problem = [&](std::string_view name, std::string cell, std::string message) {
        problems.push_back({std::string(name), std::move(cell), std::move(message)});
    };
    const io::ReadSheet* instructions = FindSheet(*workbook, kInstructionsSheet);
    const io::ReadSheet* rating_sheet = FindSheet(*workbook, kRatingsSheet);
    const io::ReadSheet* issue_sheet = FindSheet(*workbook, kIssuesSheet);
    for (auto [found, name] : {std::pair{instructions, kInstructionsSheet}, std::pair{rating_sheet, kRatingsSheet},
                               std::pair{issue_sheet, kIssuesSheet}}) {
        if (found == nullptr) problem(name, "", "the sheet is missing: download the workbook again");
    }
    if (!problems.empty()) return parsed;
    if (Trim(CellText(*instructions, kKeyRow, 1)) != WorkbookKey(organisation)) {
        problem(kInstructionsSheet, io::CellReference(kKeyRow, 1),
                "the workbook key does not match this organisation's sheet (" + WorkbookKey(organisation) + ")");
        return parsed;
    }

    std::map<std::string, ObjectiveRecordInput> inputs;
    for (const auto& record : sheet.objectives) {
        const std::string key = ObjectiveKey(record.objective);
        inputs[key] = ObjectiveRecordInput{key, {}, {}};
    }
    const std::string labels = LabelList(ratings);
    if (rating_sheet->rows.size() > kMaxRatingRows + 1) {
        problem(kRatingsSheet, "", "more than 200 rows");
        return parsed;
    }
    std::set<std::string> seen;
    for (std::size_t row = 1; row < rating_sheet->rows.size(); ++row) {
        std::string key = Trim(CellText(*rating_sheet, row, 0));
        std::size_t key_column = 0;
        if (key.empty()) {
            key = Trim(CellText(*rating_sheet, row, 1));
            key_column = 1;
        }
        bool blank = key.empty();
        for (std::size_t column = 3; column < 3 + kSettingCount; ++column) {
            blank = blank && Trim(CellText(*rating_sheet, row, column)).empty();
        }
        if (blank) continue;
        auto input = inputs.find(key);
        if (key.empty() || input == inputs.end()) {
            problem(kRatingsSheet, io::CellReference(row, key_column),
                    "'" + key + "' is not one of your chosen objectives");
            continue;
        }
        if (!seen.insert(key).second) {
            problem(kRatingsSheet, io::CellReference(row, key_column), "objective '" + key + "' has a second row");
            continue;
        }
        for (std::size_t setting = 0; setting < kSettingCount; ++setting) {
            const std::string cell = CellText(*rating_sheet, row, 3 + setting);
            auto code = CodeOfLabel(cell, ratings);
            if (!code) {
                problem(kRatingsSheet, io::CellReference(row, 3 + setting),
                        "'" + Trim(cell) + "' is not one of " + labels);
                continue;
            }
            input->second.ratings[setting] = *code;
        }
    }
    for (const auto& [key, input] : inputs) {
        if (!seen.count(key))
            problem(kRatingsSheet, "", "objective '" + key + "' has no row: download the workbook again");
    }

    for (std::size_t row = 1; row < issue_sheet->rows.size(); ++row) {
        const std::string key = Trim(CellText(*issue_sheet, row, 0));
        const std::string issue = Trim(CellText(*issue_sheet, row, 2));
        if (issue.empty()) continue;
        if (key.empty()) {
            problem(kIssuesSheet, io::CellReference(row, 0), "choose the objective (No.) of this issue");
            continue;
        }
        auto input = inputs.find(key);
        if (input == inputs.end()) {
            problem(kIssuesSheet, io::CellReference(row, 0), "'" + key + "' is not one of your chosen objectives");
            continue;
        }
        if (CharacterCount(issue) > kMaxIssueCharacters) {
            problem(kIssuesSheet, io::CellReference(row, 2), "longer than 4000 characters");
            continue;
        }
        if (input->second.issues.size() == kMaxIssuesPerObjective) {
            problem(kIssuesSheet, io::CellReference(row, 2),
                    "objective '" + key + "' already has 20 issues (the most allowed)");
            continue;
        }
        input->second.issues.push_back(issue);
    }
    if (problems.empty()) {
        for (auto& [key, input] : inputs) parsed.inputs.push_back(std::move(input));
    }
    return parsed;
}

}  // namespace enshu::evaluation
