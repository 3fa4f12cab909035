// Parsers of the instrument files: instrument windows, readiness survey, chosen
// objectives and the action-record sheet (0006_evaluation.sql).

#include "archive/archive_parse.hpp"

namespace enshu::archive {
namespace {

const std::vector<std::string_view> kInstruments = {"readiness_before", "readiness_day_of", "objectives",
                                                    "action_record"};
const std::vector<std::string_view> kParts = {"before", "day_of"};
const std::vector<std::string_view> kStatuses = {"draft", "submitted"};
constexpr std::string_view kFourLevelScale = "four_level";
constexpr int kCustomObjectiveId = 10;

std::string Key(RowReader& row, std::string_view column, Presence presence) {
    return presence == Presence::kRequired ? row.RequiredText(column, kMaxKeyCharacters)
                                           : row.Text(column, kMaxKeyCharacters);
}

void CheckOption(RowReader& row, const db::AnswerScale* scale, const std::string& option_code) {
    if (!scale || option_code.empty()) return;
    if (!scale->FindOption(option_code)) {
        std::string allowed;
        for (const auto& option : scale->options) allowed += (allowed.empty() ? "" : ", ") + option.code;
        row.Fail("option_code",
                 "'" + option_code + "' is not an option of scale " + scale->code + " (" + allowed + ")");
    }
}

// objective_id and custom_index of objectives, ratings and issues: the schema's rule that
// the own objective (10) is numbered 1, 2, ... and standard ones have custom_index 0.
bool ReadObjectiveReference(RowReader& row, const ArchiveReference& reference, int& objective_id, int& custom_index) {
    const auto id = row.Integer("objective_id", 1, 99, Presence::kRequired);
    const auto index = row.Integer("custom_index", 0, 1000, Presence::kRequired);
    if (!id || !index) return false;
    if (!reference.data.FindObjective(static_cast<int>(*id))) {
        row.Fail("objective_id", "no verification objective " + std::to_string(*id));
        return false;
    }
    if ((*id == kCustomObjectiveId) != (*index > 0)) {
        row.Fail("custom_index", *id == kCustomObjectiveId ? "the own objective (10) is numbered from 1"
                                                           : "must be 0 for objectives 1-9");
        return false;
    }
    objective_id = static_cast<int>(*id);
    custom_index = static_cast<int>(*index);
    return true;
}

void ParseWindows(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        InstrumentWindowRecord record{row.row(), row.OneOf("instrument", kInstruments),
                                      row.Timestamp("opens_at", Presence::kOptional),
                                      row.Timestamp("closes_at", Presence::kOptional)};
        if (!record.opens_at.empty() && !record.closes_at.empty() && record.closes_at < record.opens_at) {
            row.Fail("closes_at", "is before opens_at");
        }
        if (problems.size() == before) archive.instrument_windows.push_back(std::move(record));
    }
}

void ParseReadinessResponses(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        ReadinessResponseRecord record;
        record.row = row.row();
        record.organisation_key = Key(row, "organisation_key", Presence::kRequired);
        record.part = row.OneOf("part", kParts);
        record.status = row.OneOf("status", kStatuses);
        record.submitted_at =
            row.Timestamp("submitted_at", record.status == "submitted" ? Presence::kRequired : Presence::kOptional);
        record.submitted_by = Key(row, "submitted_by", Presence::kOptional);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (problems.size() == before) archive.readiness_responses.push_back(std::move(record));
    }
}

void ParseReadinessAnswers(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                           std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        ReadinessAnswerRecord record;
        record.row = row.row();
        record.organisation_key = Key(row, "organisation_key", Presence::kRequired);
        record.item_id = row.RequiredText("item_id", kMaxKeyCharacters);
        record.option_code = row.Code("option_code", Presence::kRequired);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (!record.item_id.empty()) {
            const auto* item = reference.data.FindReadinessItem(record.item_id);
            if (!item) {
                row.Fail("item_id", "no readiness-survey item '" + record.item_id + "'");
            } else {
                CheckOption(row, reference.data.FindAnswerScale(item->scale_code), record.option_code);
            }
        }
        if (problems.size() == before) archive.readiness_answers.push_back(std::move(record));
    }
}

void ParseObjectives(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                     std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        ObjectiveRecord record;
        record.row = row.row();
        record.organisation_key = Key(row, "organisation_key", Presence::kRequired);
        const bool ids_ok = ReadObjectiveReference(row, reference, record.objective_id, record.custom_index);
        record.custom_text = row.Text("custom_text", kMaxCustomObjectiveCharacters, exercise::TextLines::kMultiple);
        if (ids_ok && (record.objective_id == kCustomObjectiveId) == record.custom_text.empty()) {
            row.Fail("custom_text", record.objective_id == kCustomObjectiveId
                                        ? "the own objective (10) needs its text"
                                        : "only the own objective (10) has a text");
        }
        record.created_at = row.Timestamp("created_at", Presence::kOptional);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (problems.size() == before) archive.objectives.push_back(std::move(record));
    }
}

void ParseActionRecords(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        ActionRecordRecord record;
        record.row = row.row();
        record.organisation_key = Key(row, "organisation_key", Presence::kRequired);
        record.status = row.OneOf("status", kStatuses);
        record.submitted_at =
            row.Timestamp("submitted_at", record.status == "submitted" ? Presence::kRequired : Presence::kOptional);
        record.submitted_by = Key(row, "submitted_by", Presence::kOptional);
        record.reopened_at = row.Timestamp("reopened_at", Presence::kOptional);
        record.reopened_by = Key(row, "reopened_by", Presence::kOptional);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (problems.size() == before) archive.action_records.push_back(std::move(record));
    }
}

void ParseRatings(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                  std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        RatingRecord record;
        record.row = row.row();
        record.organisation_key = Key(row, "organisation_key", Presence::kRequired);
        ReadObjectiveReference(row, reference, record.objective_id, record.custom_index);
        record.setting = static_cast<int>(row.Integer("setting", 1, 3, Presence::kRequired).value_or(0));
        record.option_code = row.Code("option_code", Presence::kRequired);
        CheckOption(row, reference.data.FindAnswerScale(kFourLevelScale), record.option_code);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (problems.size() == before) archive.ratings.push_back(std::move(record));
    }
}

void ParseIssues(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                 std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        IssueRecord record;
        record.row = row.row();
        record.organisation_key = Key(row, "organisation_key", Presence::kRequired);
        ReadObjectiveReference(row, reference, record.objective_id, record.custom_index);
        record.position = static_cast<int>(row.Integer("position", 1, 1'000'000, Presence::kRequired).value_or(0));
        record.text = row.RequiredText("text", kMaxIssueCharacters, exercise::TextLines::kMultiple);
        record.created_at = row.Timestamp("created_at", Presence::kOptional);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (problems.size() == before) archive.issues.push_back(std::move(record));
    }
}

}  // namespace

void ParseInstrumentFile(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                         std::vector<Problem>& problems) {
    const auto name = rows.spec().name;
    if (name == files::kInstrumentWindows) {
        ParseWindows(rows, archive, problems);
    } else if (name == files::kReadinessResponses) {
        ParseReadinessResponses(rows, archive, problems);
    } else if (name == files::kReadinessAnswers) {
        ParseReadinessAnswers(rows, reference, archive, problems);
    } else if (name == files::kObjectives) {
        ParseObjectives(rows, reference, archive, problems);
    } else if (name == files::kActionRecords) {
        ParseActionRecords(rows, archive, problems);
    } else if (name == files::kActionRecordRatings) {
        ParseRatings(rows, reference, archive, problems);
    } else if (name == files::kActionRecordIssues) {
        ParseIssues(rows, reference, archive, problems);
    }
}

}  // namespace enshu::archive
