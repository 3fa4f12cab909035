#pragma once

// The exercise data archive format (docs/data-format.md): which CSV files exist, their
// columns in order, their row limits, the format version, and how a problem in a file is
// named ("people.csv row 12, column email: ..."). Pure data and pure functions.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace enshu::archive {

// The version this program writes and the newest it reads. Files from a newer version
// are refused; older versions (none yet) would be upgraded on read.
inline constexpr int kFormatVersion = 1;
inline constexpr std::string_view kFormatName = "enshu-exercise-archive";
inline constexpr std::string_view kManifestFile = "manifest.csv";

// How a column's cells are written. kText cells are user-written text: a cell starting
// with = + - @ tab CR or ' gets one extra leading ' on export (so that spreadsheets do not
// evaluate it as a formula) and loses exactly one leading ' on import (GuardCell /
// UnguardCell), which keeps every text byte-for-byte through a round trip. Other kinds
// hold codes, numbers, keys and timestamps and are written as they are.
enum class ColumnKind { kKey, kCode, kText, kInteger, kNumber, kTimestamp, kDate, kJson, kAnswer };

struct ColumnSpec {
    std::string_view name;
    ColumnKind kind;
    // An optional column may be missing from a hand-made file's header; its cells then
    // read as empty (timestamps default to the time of the import).
    bool optional = false;
};

struct FileSpec {
    std::string_view name;  // "people.csv"
    std::vector<ColumnSpec> columns;
    std::size_t max_rows;   // data rows, header excluded
    std::size_t max_bytes;  // the whole file
};

// Every data file in the order they are written, listed in the manifest and read
// (organisations and people first: later files refer to their keys).
const std::vector<FileSpec>& DataFiles();
// manifest.csv: columns key, value (format, format_version, fiscal_year, title_ja,
// title_en, and "rows:<file>" with each data file's row count).
const FileSpec& ManifestSpec();
// The spec of a data file by name, or nullptr.
const FileSpec* FindDataFile(std::string_view name);

// The names of the data files, as constants used by the reader and writer.
namespace files {
inline constexpr std::string_view kOrganisations = "organisations.csv";
inline constexpr std::string_view kPeople = "people.csv";
inline constexpr std::string_view kInstrumentWindows = "instrument_windows.csv";
inline constexpr std::string_view kReadinessResponses = "readiness_responses.csv";
inline constexpr std::string_view kReadinessAnswers = "readiness_answers.csv";
inline constexpr std::string_view kObjectives = "objectives.csv";
inline constexpr std::string_view kActionRecords = "action_records.csv";
inline constexpr std::string_view kActionRecordRatings = "action_record_ratings.csv";
inline constexpr std::string_view kActionRecordIssues = "action_record_issues.csv";
inline constexpr std::string_view kSurveys = "surveys.csv";
inline constexpr std::string_view kSurveyQuestions = "survey_questions.csv";
inline constexpr std::string_view kSurveyOptions = "survey_options.csv";
inline constexpr std::string_view kSurveyResponses = "survey_responses.csv";
inline constexpr std::string_view kSurveyAnswers = "survey_answers.csv";
inline constexpr std::string_view kSurveyParticipation = "survey_participation.csv";
inline constexpr std::string_view kForumSessions = "forum_sessions.csv";
inline constexpr std::string_view kForumRegistrations = "forum_registrations.csv";
inline constexpr std::string_view kOpinionKinds = "opinion_kinds.csv";
inline constexpr std::string_view kOpinions = "opinions.csv";
}  // namespace files

// Where a problem is: a file, a 1-based row (the header is row 1; 0 = the whole file)
// and a column name ("" = the whole row).
struct Problem {
    std::string file;
    std::size_t row = 0;
    std::string column;
    std::string message;
};

// "people.csv row 12, column email: not an e-mail address"; "people.csv row 12: ...";
// "people.csv: ...".
std::string ToString(const Problem& problem);

// Formula guard of kText cells (see ColumnKind); UnguardCell(GuardCell(x)) == x.
std::string GuardCell(std::string_view cell);
std::string UnguardCell(std::string_view cell);

// Separator of code lists in one cell (multiple-choice answers, show_if_any_of).
inline constexpr char kCodeListSeparator = ';';

// Keys and codes written in the files (external refs, survey/question/option codes,
// opinion kind codes): 1..64 of A-Z a-z 0-9 . _ -
bool IsCode(std::string_view text);

}  // namespace enshu::archive
