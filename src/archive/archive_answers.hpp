#pragma once

// Survey answer values between their cell form in survey_answers.csv and their stored
// JSON form (survey_answer.value, 0006_evaluation.sql), by question kind:
//   single_choice, likert   cell "code"        JSON "code"
//   multiple_choice         cell "a;b" or ""   JSON ["a","b"] or []
//   number                  cell "3", "-1.5"   JSON 3, -1.5
//   free_text               cell "text"        JSON "text"
// Pure functions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace enshu::archive {

struct QuestionShape {
    std::string kind;
    std::vector<std::string> option_codes;  // in display order
    std::optional<double> number_min, number_max;
};

// Checks `cell` (free text already unguarded) against the question; returns the JSON text
// to store, or kInvalidArgument with a message for the value column.
Result<std::string> AnswerJsonFromCell(const QuestionShape& question, const std::string& cell);
// The cell of a stored JSON value; kInvalidArgument when the JSON does not fit the kind.
Result<std::string> AnswerCellFromJson(const std::string& kind, const std::string& json_text);

}  // namespace enshu::archive
