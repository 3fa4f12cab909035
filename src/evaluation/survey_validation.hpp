#pragma once

// Pure checks of a survey definition and of a set of answers to it. Every error is
// kInvalidArgument naming the failing member: "questions[3].show_if.question" for a
// definition, "answers.<question code>" for an answer.

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/result.hpp"
#include "evaluation/survey_definition.hpp"

namespace enshu::evaluation {

inline constexpr std::size_t kMaxFreeTextCharacters = 4000;

// Codes [a-z][a-z0-9_]* of 1..40 bytes, unique among the questions and among the options
// of one question; choice and likert questions have 2..30 options, the others none;
// number_min <= number_max and only on number questions; show_if names an EARLIER choice
// or likert question and option codes of it; texts within their limits; opens_at and
// closes_at UTC timestamps with opens_at < closes_at; at least one question.
Status ValidateSurveyDefinition(const SurveyDefinition& definition);

// Answers by question code. A value is JSON: "code" (single_choice, likert), ["code", …]
// (multiple_choice), a number, or "text" (free_text). null, "", whitespace-only text and
// [] mean "not answered".
using AnswerMap = std::map<std::string, nlohmann::json>;

// {"answers": {"<code>": value, …}} → AnswerMap. Errors name "answers".
Result<AnswerMap> ParseAnswers(const nlohmann::json& body);

// True when `value` counts as not answered (see AnswerMap).
bool IsEmptyAnswer(const nlohmann::json& value);

// The codes of the questions shown for these answers: a question without show_if is
// shown; one with show_if is shown when its condition question is shown and answered
// with one of the listed options (so hiding cascades).
std::set<std::string> VisibleQuestions(const SurveyDefinition& definition, const AnswerMap& answers);

// Checks `answers` against `definition`: known question codes only; every shown required
// question answered; hidden questions empty; choices among the options (multiple choice:
// no repeats); numbers finite and within number_min..number_max; free text at most 4000
// characters of valid UTF-8. Answers the non-empty answers of shown questions (what is
// stored), free text as given.
Result<AnswerMap> ValidateAnswers(const SurveyDefinition& definition, const AnswerMap& answers);

}  // namespace enshu::evaluation
