#include "evaluation/survey_validation.hpp"

#include <algorithm>
#include <cmath>

#include "core/clock.hpp"
#include "exercise/field_validation.hpp"

namespace enshu::evaluation {
namespace {

tl::unexpected<Error> Invalid(const std::string& field, const std::string& problem) {
    return Fail(ErrorCode::kInvalidArgument, field + ": " + problem, field);
}

bool IsCode(const std::string& code) {
    if (code.empty() || code.size() > kMaxCodeBytes) return false;
    if (code[0] < 'a' || code[0] > 'z') return false;
    return std::all_of(code.begin(), code.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

Status CheckCode(const std::string& code, const std::string& field) {
    if (IsCode(code)) return Ok();
    return Invalid(field, "must be 1..40 characters a-z, 0-9 or _ starting with a letter");
}

Status CheckText(const std::string& text, const std::string& field, std::size_t min, std::size_t max,
                 exercise::TextLines lines = exercise::TextLines::kSingle) {
    if (auto error = exercise::CheckText(text, field, min, max, lines)) return tl::unexpected(*error);
    return Ok();
}

bool IsChoice(QuestionKind kind) { return HasOptions(kind); }

const SurveyOption* FindOption(const SurveyQuestion& question, const std::string& code) {
    for (const auto& option : question.options) {
        if (option.code == code) return &option;
    }
    return nullptr;
}

Status ValidateQuestion(const SurveyDefinition& definition, std::size_t index) {
    const SurveyQuestion& question = definition.questions[index];
    const std::string field = "questions[" + std::to_string(index) + "]";
    if (auto s = CheckCode(question.code, field + ".code"); !s) return s;
    for (std::size_t earlier = 0; earlier < index; ++earlier) {
        if (definition.questions[earlier].code == question.code) {
            return Invalid(field + ".code", "'" + question.code + "' is used by questions[" + std::to_string(earlier) +
                                                "]; question codes must be unique");
        }
    }
    if (auto s = CheckText(question.text_ja, field + ".text.ja", 1, kMaxQuestionTextCharacters,
                           exercise::TextLines::kMultiple);
        !s) {
        return s;
    }
    if (auto s = CheckText(question.text_en, field + ".text.en", 0, kMaxQuestionTextCharacters,
                           exercise::TextLines::kMultiple);
        !s) {
        return s;
    }
    if (HasOptions(question.kind)) {
        if (question.options.size() < 2 || question.options.size() > kMaxOptions) {
            return Invalid(field + ".options",
                           "a " + std::string(QuestionKindName(question.kind)) + " question needs 2..30 options");
        }
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            const auto& option = question.options[i];
            const std::string option_field = field + ".options[" + std::to_string(i) + "]";
            if (auto s = CheckCode(option.code, option_field + ".code"); !s) return s;
            for (std::size_t j = 0; j < i; ++j) {
                if (question.options[j].code == option.code) {
                    return Invalid(option_field + ".code", "'" + option.code + "' appears twice in this question");
                }
            }
            if (auto s = CheckText(option.label_ja, option_field + ".label.ja", 1, kMaxOptionLabelCharacters); !s) {
                return s;
            }
            if (auto s = CheckText(option.label_en, option_field + ".label.en", 0, kMaxOptionLabelCharacters); !s) {
                return s;
            }
        }
    } else if (!question.options.empty()) {
        return Invalid(field + ".options", "only choice and likert questions have options");
    }
    if (question.kind == QuestionKind::kNumber) {
        for (auto [value, name] :
             {std::pair{question.number_min, ".number_min"}, std::pair{question.number_max, ".number_max"}}) {
            if (value && !std::isfinite(*value)) return Invalid(field + name, "must be a finite number");
        }
        if (question.number_min && question.number_max && *question.number_min > *question.number_max) {
            return Invalid(field + ".number_max", "must not be less than number_min");
        }
    } else if (question.number_min || question.number_max) {
        return Invalid(field + (question.number_min ? ".number_min" : ".number_max"),
                       "only number questions have a range");
    }
    if (question.show_if) {
        const std::string show_field = field + ".show_if";
        const SurveyQuestion* condition = nullptr;
        for (std::size_t earlier = 0; earlier < index; ++earlier) {
            if (definition.questions[earlier].code == question.show_if->question) {
                condition = &definition.questions[earlier];
            }
        }
        if (condition == nullptr) {
            return Invalid(show_field + ".question",
                           "'" + question.show_if->question + "' is not the code of an earlier question");
        }
        if (!IsChoice(condition->kind)) {
            return Invalid(show_field + ".question", "'" + condition->code + "' is not a choice or likert question");
        }
        if (question.show_if->any_of.empty()) return Invalid(show_field + ".any_of", "name at least one option");
        for (std::size_t i = 0; i < question.show_if->any_of.size(); ++i) {
            const auto& code = question.show_if->any_of[i];
            if (FindOption(*condition, code) == nullptr) {
                return Invalid(show_field + ".any_of[" + std::to_string(i) + "]",
                               "'" + code + "' is not an option of question '" + condition->code + "'");
            }
        }
    }
    return Ok();
}

Status CheckTimestamp(const std::optional<std::string>& text, const std::string& field) {
    if (!text) return Ok();
    TimePoint parsed;
    if (text->size() > 40 || !ParseTimestamp(*text, parsed)) {
        return Invalid(field, "must be a UTC timestamp like 2023-12-14T00:00:00Z");
    }
    return Ok();
}

// Does this answer of a choice question contain one of `codes`?
bool Selects(const nlohmann::json& value, const std::vector<std::string>& codes) {
    const auto listed = [&](const std::string& code) {
        return std::find(codes.begin(), codes.end(), code) != codes.end();
    };
    if (value.is_string()) return listed(value.get<std::string>());
    if (value.is_array()) {
        return std::any_of(value.begin(), value.end(), [&](const nlohmann::json& item) {
            return item.is_string() && listed(item.get<std::string>());
        });
    }
    return false;
}

Status ValidateValue(const SurveyQuestion& question, const nlohmann::json& value, const std::string& field) {
    switch (question.kind) {
        case QuestionKind::kSingleChoice:
        case QuestionKind::kLikert:
            if (!value.is_string()) return Invalid(field, "expected one option code");
            if (FindOption(question, value.get<std::string>()) == nullptr) {
                return Invalid(field, "'" + value.get<std::string>() + "' is not an option of this question");
            }
            return Ok();
        case QuestionKind::kMultipleChoice: {
            if (!value.is_array()) return Invalid(field, "expected an array of option codes");
            std::set<std::string> seen;
            for (const auto& item : value) {
                if (!item.is_string()) return Invalid(field, "expected an array of option codes");
                const std::string code = item.get<std::string>();
                if (FindOption(question, code) == nullptr) {
                    return Invalid(field, "'" + code + "' is not an option of this question");
                }
                if (!seen.insert(code).second) return Invalid(field, "'" + code + "' is chosen twice");
            }
            return Ok();
        }
        case QuestionKind::kNumber: {
            if (!value.is_number()) return Invalid(field, "expected a number");
            const double number = value.get<double>();
            if (!std::isfinite(number)) return Invalid(field, "expected a finite number");
            if (question.number_min && number < *question.number_min) {
                return Invalid(field, "must be at least " + nlohmann::json(*question.number_min).dump());
            }
            if (question.number_max && number > *question.number_max) {
                return Invalid(field, "must be at most " + nlohmann::json(*question.number_max).dump());
            }
            return Ok();
        }
        case QuestionKind::kFreeText:
            if (!value.is_string()) return Invalid(field, "expected text");
            return CheckText(value.get<std::string>(), field, 1, kMaxFreeTextCharacters,
                             exercise::TextLines::kMultiple);
    }
    return Ok();
}

}  // namespace

Status ValidateSurveyDefinition(const SurveyDefinition& definition) {
    if (auto s = CheckCode(definition.code, "code"); !s) return s;
    if (auto s = CheckText(definition.title_ja, "title.ja", 1, kMaxTitleCharacters); !s) return s;
    if (auto s = CheckText(definition.title_en, "title.en", 0, kMaxTitleCharacters); !s) return s;
    if (auto s = CheckText(definition.intro_ja, "intro.ja", 0, kMaxIntroCharacters, exercise::TextLines::kMultiple);
        !s) {
        return s;
    }
    if (auto s = CheckText(definition.intro_en, "intro.en", 0, kMaxIntroCharacters, exercise::TextLines::kMultiple);
        !s) {
        return s;
    }
    if (auto s = CheckTimestamp(definition.opens_at, "opens_at"); !s) return s;
    if (auto s = CheckTimestamp(definition.closes_at, "closes_at"); !s) return s;
    if (definition.opens_at && definition.closes_at) {
        TimePoint opens;
        TimePoint closes;
        ParseTimestamp(*definition.opens_at, opens);
        ParseTimestamp(*definition.closes_at, closes);
        if (closes <= opens) return Invalid("closes_at", "must be after opens_at");
    }
    if (definition.questions.empty()) return Invalid("questions", "a survey needs at least one question");
    if (definition.questions.size() > kMaxQuestions) return Invalid("questions", "at most 100 questions");
    for (std::size_t i = 0; i < definition.questions.size(); ++i) {
        if (auto s = ValidateQuestion(definition, i); !s) return s;
    }
    return Ok();
}

Result<AnswerMap> ParseAnswers(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    if (auto s = exercise::RejectUnknownMembers(body, {"answers"}, {}); !s) return tl::unexpected(s.error());
    auto answers = body.find("answers");
    if (answers == body.end() || !answers->is_object()) {
        return Fail(ErrorCode::kInvalidArgument, "answers: expected an object of question code to answer", "answers");
    }
    if (answers->size() > kMaxQuestions) {
        return Fail(ErrorCode::kInvalidArgument, "answers: at most 100 answers", "answers");
    }
    AnswerMap map;
    for (const auto& [code, value] : answers->items()) map.emplace(code, value);
    return map;
}

bool IsEmptyAnswer(const nlohmann::json& value) {
    if (value.is_null()) return true;
    if (value.is_array()) return value.empty();
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        return std::all_of(text.begin(), text.end(),
                           [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    }
    return false;
}

std::set<std::string> VisibleQuestions(const SurveyDefinition& definition, const AnswerMap& answers) {
    std::set<std::string> visible;
    for (const auto& question : definition.questions) {
        if (!question.show_if) {
            visible.insert(question.code);
            continue;
        }
        if (!visible.count(question.show_if->question)) continue;
        auto answer = answers.find(question.show_if->question);
        if (answer != answers.end() && Selects(answer->second, question.show_if->any_of)) {
            visible.insert(question.code);
        }
    }
    return visible;
}

Result<AnswerMap> ValidateAnswers(const SurveyDefinition& definition, const AnswerMap& answers) {
    for (const auto& [code, value] : answers) {
        const bool known = std::any_of(definition.questions.begin(), definition.questions.end(),
                                       [&](const SurveyQuestion& question) { return question.code == code; });
        if (!known) {
            const std::string field = "answers." + code.substr(0, kMaxCodeBytes);
            return Invalid(field, "no such question in this survey");
        }
    }
    const std::set<std::string> visible = VisibleQuestions(definition, answers);
    AnswerMap stored;
    for (const auto& question : definition.questions) {
        const std::string field = "answers." + question.code;
        auto answer = answers.find(question.code);
        const bool empty = answer == answers.end() || IsEmptyAnswer(answer->second);
        if (!visible.count(question.code)) {
            if (!empty) return Invalid(field, "must be empty: the question is not shown for the answers given");
            continue;
        }
        if (empty) {
            if (question.required) return Invalid(field, "is required");
            continue;
        }
        if (auto s = ValidateValue(question, answer->second, field); !s) return tl::unexpected(s.error());
        stored.emplace(question.code, answer->second);
    }
    return stored;
}

}  // namespace enshu::evaluation
