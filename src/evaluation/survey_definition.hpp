#pragma once

// The definition of a generic survey (table survey + survey_question of migration 0006)
// as plain values, and its JSON form used by the API, the bundled templates
// (data/surveys/*.json) and the stored `options` / `show_if` columns.
// Pure: no I/O. Semantic checks live in survey_validation.hpp.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace enshu::evaluation {

// Limits of a definition (characters for texts).
inline constexpr std::size_t kMaxQuestions = 100;
inline constexpr std::size_t kMaxOptions = 30;
inline constexpr std::size_t kMaxCodeBytes = 40;  // codes: [a-z0-9_], starting with a letter
inline constexpr std::size_t kMaxTitleCharacters = 200;
inline constexpr std::size_t kMaxIntroCharacters = 4000;
inline constexpr std::size_t kMaxQuestionTextCharacters = 1000;
inline constexpr std::size_t kMaxOptionLabelCharacters = 200;

enum class QuestionKind { kSingleChoice, kMultipleChoice, kLikert, kNumber, kFreeText };
enum class Respondent { kPerson, kOrganisation };  // each person answers / the org lead answers once
enum class Anonymity { kNamed, kAnonymous };

std::string_view QuestionKindName(QuestionKind kind);  // "single_choice", ...
std::optional<QuestionKind> ParseQuestionKind(std::string_view name);
std::string_view RespondentName(Respondent respondent);  // "person" | "organisation"
std::string_view AnonymityName(Anonymity anonymity);     // "named" | "anonymous"
// True for single_choice, multiple_choice and likert (the kinds that have options).
bool HasOptions(QuestionKind kind);

struct SurveyOption {
    std::string code;
    std::string label_ja;
    std::string label_en;
};

// The question is shown only when the earlier choice question `question` is shown and
// its answer contains one of `any_of`.
struct ShowIf {
    std::string question;
    std::vector<std::string> any_of;
};

struct SurveyQuestion {
    std::int64_t id = 0;  // 0 until stored
    std::string code;
    QuestionKind kind = QuestionKind::kFreeText;
    std::string text_ja;
    std::string text_en;
    bool required = false;
    std::vector<SurveyOption> options;  // likert: levels from best to worst
    std::optional<double> number_min;
    std::optional<double> number_max;
    std::optional<ShowIf> show_if;
};

struct SurveyDefinition {
    std::string code;
    std::string title_ja;
    std::string title_en;
    std::string intro_ja;
    std::string intro_en;
    Respondent respondent = Respondent::kOrganisation;
    Anonymity anonymity = Anonymity::kAnonymous;
    // UTC 'YYYY-MM-DDTHH:MM:SS(.mmm)Z'. No opens_at = a draft nobody can answer yet;
    // no closes_at = open until closed.
    std::optional<std::string> opens_at;
    std::optional<std::string> closes_at;
    std::vector<SurveyQuestion> questions;
};

// Reads a definition from JSON ({"code","title":{"ja","en"},"intro":{"ja","en"},
// "respondent","anonymity","opens_at","closes_at","questions":[{"code","kind",
// "text":{"ja","en"},"required","options":[{"code","label":{"ja","en"}}],"number_min",
// "number_max","show_if":{"question","any_of":[…]}}]}). Checks types and sizes only;
// errors name the member ("questions[2].options[0].code"). Unknown members are refused.
Result<SurveyDefinition> ParseSurveyDefinition(const nlohmann::json& json);

// The same JSON form (questions carry their "id" when stored).
nlohmann::json SurveyDefinitionJson(const SurveyDefinition& definition);
nlohmann::json SurveyQuestionJson(const SurveyQuestion& question);

// Stored column forms: options as [{"code","label_ja","label_en"}], show_if as
// {"question","any_of"} or "" (migration 0006).
std::string OptionsColumn(const std::vector<SurveyOption>& options);
std::string ShowIfColumn(const std::optional<ShowIf>& show_if);
Result<std::vector<SurveyOption>> OptionsFromColumn(const std::string& text);
Result<std::optional<ShowIf>> ShowIfFromColumn(const std::string& text);

}  // namespace enshu::evaluation
