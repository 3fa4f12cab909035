// The survey engine's own definition rules (evaluation::ValidateSurveyDefinition) applied
// to the surveys of an archive, so that an import stores only surveys the web UI could
// have created; its member names are mapped back to file, row and column.

#include <algorithm>
#include <map>

#include "archive/archive_checks.hpp"
#include "evaluation/survey_validation.hpp"

namespace enshu::archive {
namespace {

struct SurveyRows {
    const SurveyRecord* survey = nullptr;
    std::vector<const QuestionRecord*> questions;           // by position
    std::vector<std::vector<const OptionRecord*>> options;  // per question, by position
};

evaluation::SurveyDefinition Definition(const SurveyRows& rows) {
    evaluation::SurveyDefinition definition;
    const auto& s = *rows.survey;
    definition.code = s.code;
    definition.title_ja = s.title_ja;
    definition.title_en = s.title_en;
    definition.intro_ja = s.intro_ja;
    definition.intro_en = s.intro_en;
    definition.respondent =
        s.respondent == "person" ? evaluation::Respondent::kPerson : evaluation::Respondent::kOrganisation;
    definition.anonymity = s.anonymity == "named" ? evaluation::Anonymity::kNamed : evaluation::Anonymity::kAnonymous;
    if (!s.opens_at.empty()) definition.opens_at = s.opens_at;
    if (!s.closes_at.empty()) definition.closes_at = s.closes_at;
    for (std::size_t i = 0; i < rows.questions.size(); ++i) {
        const auto& q = *rows.questions[i];
        evaluation::SurveyQuestion question;
        question.code = q.code;
        question.kind = evaluation::ParseQuestionKind(q.kind).value_or(evaluation::QuestionKind::kFreeText);
        question.text_ja = q.text_ja;
        question.text_en = q.text_en;
        question.required = q.required;
        question.number_min = q.number_min;
        question.number_max = q.number_max;
        for (const auto* option : rows.options[i]) {
            question.options.push_back({option->code, option->label_ja, option->label_en});
        }
        if (!q.show_if_question.empty()) question.show_if = evaluation::ShowIf{q.show_if_question, q.show_if_any_of};
        definition.questions.push_back(std::move(question));
    }
    return definition;
}

// "questions[3].options[1].label.ja" -> {3, "options[1].label.ja"}; other fields -> nullopt.
std::optional<std::pair<std::size_t, std::string>> QuestionField(const std::string& field) {
    const std::string prefix = "questions[";
    if (field.rfind(prefix, 0) != 0) return std::nullopt;
    const auto close = field.find(']');
    if (close == std::string::npos) return std::nullopt;
    const std::size_t index = std::stoul(field.substr(prefix.size(), close - prefix.size()));
    const std::string rest = close + 2 <= field.size() ? field.substr(std::min(close + 2, field.size())) : "";
    return std::make_pair(index, rest);
}

std::string Underscored(std::string member) {
    std::replace(member.begin(), member.end(), '.', '_');
    return member;
}

Problem Locate(const SurveyRows& rows, const Error& error) {
    std::string message = error.message;
    const std::string prefix = error.field + ": ";
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    const auto question = QuestionField(error.field);
    if (!question || question->first >= rows.questions.size()) {
        const std::string column = error.field == "code"        ? "survey_code"
                                   : error.field == "questions" ? ""
                                                                : Underscored(error.field);
        return {std::string(files::kSurveys), rows.survey->row, column, message};
    }
    const auto& [index, member] = *question;
    const auto* record = rows.questions[index];
    if (member.rfind("options[", 0) == 0) {
        const auto close = member.find(']');
        const std::size_t option = std::stoul(member.substr(8, close - 8));
        if (option < rows.options[index].size()) {
            const std::string option_member = close + 2 <= member.size() ? member.substr(close + 2) : "";
            const std::string column = option_member == "code" ? "option_code" : Underscored(option_member);
            return {std::string(files::kSurveyOptions), rows.options[index][option]->row, column, message};
        }
    }
    std::string column = member == "code" ? "question_code" : member == "options" ? "kind" : Underscored(member);
    if (member.rfind("show_if.any_of", 0) == 0) column = "show_if_any_of";
    if (member.rfind("show_if.question", 0) == 0) column = "show_if_question";
    if (member.rfind("text.", 0) == 0) column = Underscored(member);
    return {std::string(files::kSurveyQuestions), record->row, column, message};
}

}  // namespace

void CheckSurveyDefinitions(const Archive& archive, std::vector<Problem>& problems) {
    std::map<std::string, SurveyRows> surveys;
    for (const auto& survey : archive.surveys) surveys[survey.code].survey = &survey;
    for (const auto& question : archive.questions) {
        auto found = surveys.find(question.survey_code);
        if (found != surveys.end()) found->second.questions.push_back(&question);
    }
    std::map<std::pair<std::string, std::string>, std::vector<const OptionRecord*>> options;
    for (const auto& option : archive.options) options[{option.survey_code, option.question_code}].push_back(&option);
    for (auto& [code, rows] : surveys) {
        std::sort(rows.questions.begin(), rows.questions.end(),
                  [](const QuestionRecord* a, const QuestionRecord* b) { return a->position < b->position; });
        for (const auto* question : rows.questions) {
            auto list = options[{code, question->code}];
            std::sort(list.begin(), list.end(),
                      [](const OptionRecord* a, const OptionRecord* b) { return a->position < b->position; });
            rows.options.push_back(std::move(list));
        }
        if (auto valid = evaluation::ValidateSurveyDefinition(Definition(rows)); !valid) {
            problems.push_back(Locate(rows, valid.error()));
        }
    }
}

}  // namespace enshu::archive
