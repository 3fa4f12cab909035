#pragma once

// Small pieces shared by the evaluation services: loading an organisation's facts,
// the status of an answer set, field problems of a refused submission.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "evaluation/evaluation_access.hpp"

namespace enshu::evaluation {

// The organisation when it belongs to the exercise; kNotFound ("organisation_id") otherwise.
Result<OrganisationFacts> LoadOrganisationFacts(db::Connection& connection, std::int64_t exercise_id,
                                                std::int64_t organisation_id);
Result<OrganisationFacts> LoadOrganisationFacts(db::Database& database, std::int64_t exercise_id,
                                                std::int64_t organisation_id);

// The exercise's Japanese title (English when it has none); kNotFound "exercise_id".
Result<std::string> LoadExerciseTitle(db::Database& database, std::int64_t exercise_id);

// Where an answer set stands: nothing stored yet, saved as a draft, or submitted.
enum class AnswerStatus { kNotStarted, kDraft, kSubmitted };
std::string_view AnswerStatusName(AnswerStatus status);   // "not_started", "draft", "submitted"
AnswerStatus ParseStoredStatus(const std::string& text);  // "draft" | "submitted" (stored values)

// Save a draft, or save and submit.
enum class SaveMode { kDraft, kSubmit };

// One reason a submission was refused: the input field ("answers.csirt.prepared") and why.
struct FieldProblem {
    std::string field;
    std::string message;
};

// A submission refused because of field problems: nothing was stored. Carried as the
// error kUnprocessable whose message lists the fields; `problems` has them one by one.
struct Refusal {
    Error error;
    std::vector<FieldProblem> problems;
};

// The result of a save or submit: a value, or a Refusal (an Error alone when problems is empty).
template <typename T>
using Checked = tl::expected<T, Refusal>;
inline tl::unexpected<Refusal> Refuse(Error error) { return tl::unexpected<Refusal>(Refusal{std::move(error), {}}); }
// kUnprocessable "<what>: N problems (first: ...)" with the problems listed.
tl::unexpected<Refusal> RefuseProblems(const std::string& what, std::vector<FieldProblem> problems);

// Unicode code points of UTF-8 text.
std::size_t CharacterCount(const std::string& text);
// Trims ASCII and ideographic (U+3000) spaces at both ends.
std::string Trim(const std::string& text);

}  // namespace enshu::evaluation
