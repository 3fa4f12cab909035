#pragma once

// The offline path of the action-record sheet: the org lead downloads its sheet as a
// pre-filled XLSX workbook, fills it in Excel and uploads it back. Pure (no database):
// the caller loads the sheet and passes it in, and stores what the upload yields through
// ActionRecordService::Save (all or nothing).
//
// Workbook (docs/evaluation.md "Offline: the XLSX workbook"):
//   説明      instructions, the exercise and organisation, in B5 the workbook key
//             "enshu-action-record:v1:<exercise id>:<organisation id>" checked on upload,
//             in B6 the exercise marking;
//   行動記録  one row per chosen objective (protected: only D–F change): A key (hidden), B No.,
//             C objective, D ①, E ②,
//             F ③ with a drop-down list of the scale's Japanese labels;
//   課題      one row per issue: A No. (drop-down of the chosen objectives), B objective,
//             C the issue text; empty rows are ignored.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "db/reference.hpp"
#include "evaluation/action_record_sheet.hpp"
#include "evaluation/evaluation_access.hpp"

namespace enshu::evaluation {

inline constexpr std::string_view kInstructionsSheet = "説明";
inline constexpr std::string_view kRatingsSheet = "行動記録";
inline constexpr std::string_view kIssuesSheet = "課題";
inline constexpr std::size_t kMaxIssueRows = 1000;
inline constexpr std::size_t kMaxUploadBytes = 2 * 1024 * 1024;

struct WorkbookContext {
    const OrganisationFacts& organisation;
    std::string exercise_title;
    const std::vector<db::Objective>& objectives;  // reference titles
    const std::vector<RatingOption>& ratings;      // four_level, display order
    std::string exported_at;
};

// "enshu-action-record:v1:<exercise id>:<organisation id>"
std::string WorkbookKey(const OrganisationFacts& organisation);

// The workbook bytes for `sheet`. Errors: those of io::WriteXlsx (kInternal).
Result<std::string> BuildActionRecordWorkbook(const ActionRecordSheet& sheet, const WorkbookContext& context);

// One problem of an uploaded workbook: "行動記録!D7" and what is wrong.
struct CellProblem {
    std::string sheet;
    std::string cell;  // "D7"; "" when about the whole sheet
    std::string message;
};

struct ParsedWorkbook {
    std::vector<ObjectiveRecordInput> inputs;  // one per chosen objective, when `problems` is empty
    std::vector<CellProblem> problems;         // every problem found (nothing may be stored if any)
};

// Reads an uploaded workbook against the organisation's chosen objectives. Fails only
// when the bytes are not a readable workbook (kInvalidArgument "file", kPayloadTooLarge);
// everything else is a CellProblem. Labels are accepted in Japanese or English or as
// codes; blank cells are unanswered.
Result<ParsedWorkbook> ParseActionRecordWorkbook(std::string_view bytes, const ActionRecordSheet& sheet,
                                                 const OrganisationFacts& organisation,
                                                 const std::vector<RatingOption>& ratings);

}  // namespace enshu::evaluation
