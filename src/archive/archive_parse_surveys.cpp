// Parsers of the survey files (survey, survey_question and its options, survey_response,
// survey_answer, survey_participation of 0006_evaluation.sql). Answer values are checked
// against their questions by CheckArchive, which knows every file.

#include "archive/archive_parse.hpp"

namespace enshu::archive {
namespace {

const std::vector<std::string_view> kRespondents = {"person", "organisation"};
const std::vector<std::string_view> kAnonymities = {"named", "anonymous"};
const std::vector<std::string_view> kQuestionKinds = {"single_choice", "multiple_choice", "likert", "number",
                                                      "free_text"};

void ParseSurveys(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        SurveyRecord record;
        record.row = row.row();
        record.code = row.Code("survey_code", Presence::kRequired);
        record.title_ja = row.RequiredText("title_ja", kMaxTitleCharacters);
        record.title_en = row.Text("title_en", kMaxTitleCharacters);
        record.intro_ja = row.Text("intro_ja", kMaxIntroCharacters, exercise::TextLines::kMultiple);
        record.intro_en = row.Text("intro_en", kMaxIntroCharacters, exercise::TextLines::kMultiple);
        record.respondent = row.OneOf("respondent", kRespondents);
        record.anonymity = row.OneOf("anonymity", kAnonymities);
        record.opens_at = row.Timestamp("opens_at", Presence::kOptional);
        record.closes_at = row.Timestamp("closes_at", Presence::kOptional);
        if (!record.opens_at.empty() && !record.closes_at.empty() && record.closes_at < record.opens_at) {
            row.Fail("closes_at", "is before opens_at");
        }
        record.created_at = row.Timestamp("created_at", Presence::kOptional);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (problems.size() == before) archive.surveys.push_back(std::move(record));
    }
}

void ParseQuestions(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        QuestionRecord record;
        record.row = row.row();
        record.survey_code = row.Code("survey_code", Presence::kRequired);
        record.code = row.Code("question_code", Presence::kRequired);
        record.position = static_cast<int>(row.Integer("position", 1, 100'000, Presence::kRequired).value_or(0));
        record.kind = row.OneOf("kind", kQuestionKinds);
        record.text_ja = row.RequiredText("text_ja", kMaxQuestionCharacters, exercise::TextLines::kMultiple);
        record.text_en = row.Text("text_en", kMaxQuestionCharacters, exercise::TextLines::kMultiple);
        record.required = row.Flag("required");
        record.number_min = row.Number("number_min");
        record.number_max = row.Number("number_max");
        if (record.kind != "number" && (record.number_min || record.number_max)) {
            row.Fail(record.number_min ? "number_min" : "number_max", "only number questions have bounds");
        }
        if (record.number_min && record.number_max && *record.number_max < *record.number_min) {
            row.Fail("number_max", "is below number_min");
        }
        record.show_if_question = row.Code("show_if_question", Presence::kOptional);
        record.show_if_any_of = row.CodeList("show_if_any_of");
        if (record.show_if_question.empty() != record.show_if_any_of.empty()) {
            row.Fail(record.show_if_question.empty() ? "show_if_question" : "show_if_any_of",
                     "show_if_question and show_if_any_of are given together or not at all");
        }
        if (problems.size() == before) archive.questions.push_back(std::move(record));
    }
}

void ParseOptions(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        OptionRecord record;
        record.row = row.row();
        record.survey_code = row.Code("survey_code", Presence::kRequired);
        record.question_code = row.Code("question_code", Presence::kRequired);
        record.position = static_cast<int>(row.Integer("position", 1, 1000, Presence::kRequired).value_or(0));
        record.code = row.Code("option_code", Presence::kRequired);
        record.label_ja = row.RequiredText("label_ja", kMaxLabelCharacters);
        record.label_en = row.Text("label_en", kMaxLabelCharacters);
        if (problems.size() == before) archive.options.push_back(std::move(record));
    }
}

void ParseResponses(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                    std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        ResponseRecord record;
        record.row = row.row();
        record.survey_code = row.Code("survey_code", Presence::kRequired);
        record.key = row.RequiredText("response_key", kMaxKeyCharacters);
        record.organisation_key = row.Text("organisation_key", kMaxKeyCharacters);
        record.person_key = row.Text("person_key", kMaxKeyCharacters);
        record.sector_code = row.Code("sector_code", Presence::kRequired);
        if (!record.sector_code.empty() && !reference.data.FindSector(record.sector_code)) {
            row.Fail("sector_code", "unknown sector '" + record.sector_code + "'");
        }
        record.submitted_on = row.Cell("submitted_on");
        if (!IsDate(record.submitted_on))
            row.Fail("submitted_on", "'" + record.submitted_on + "' is not a date YYYY-MM-DD");
        if (problems.size() == before) archive.responses.push_back(std::move(record));
    }
}

void ParseAnswers(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        AnswerRecord record;
        record.row = row.row();
        record.survey_code = row.Code("survey_code", Presence::kRequired);
        record.response_key = row.RequiredText("response_key", kMaxKeyCharacters);
        record.question_code = row.Code("question_code", Presence::kRequired);
        record.value = rows.RawCell(i, "value");  // unguarded by CheckArchive for free-text questions
        if (problems.size() == before) archive.answers.push_back(std::move(record));
    }
}

void ParseParticipation(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        ParticipationRecord record;
        record.row = row.row();
        record.survey_code = row.Code("survey_code", Presence::kRequired);
        record.organisation_key = row.RequiredText("organisation_key", kMaxKeyCharacters);
        record.person_key = row.Text("person_key", kMaxKeyCharacters);
        if (problems.size() == before) archive.participation.push_back(std::move(record));
    }
}

}  // namespace

void ParseSurveyFile(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                     std::vector<Problem>& problems) {
    const auto name = rows.spec().name;
    if (name == files::kSurveys) {
        ParseSurveys(rows, archive, problems);
    } else if (name == files::kSurveyQuestions) {
        ParseQuestions(rows, archive, problems);
    } else if (name == files::kSurveyOptions) {
        ParseOptions(rows, archive, problems);
    } else if (name == files::kSurveyResponses) {
        ParseResponses(rows, reference, archive, problems);
    } else if (name == files::kSurveyAnswers) {
        ParseAnswers(rows, archive, problems);
    } else if (name == files::kSurveyParticipation) {
        ParseParticipation(rows, archive, problems);
    }
}

}  // namespace enshu::archive
