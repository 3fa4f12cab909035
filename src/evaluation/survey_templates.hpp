#pragma once

// The survey templates shipped in data/surveys/*.json (compiled into the binary, see
// CMakeLists.txt): the roundtable survey (サブコン座談会), the exercise-day survey and
// the feedback-session survey (意見交換会). The organiser instantiates one into an
// exercise (SurveyService::CreateFromTemplate); the copy is then editable.

#include <string>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/result.hpp"
#include "evaluation/survey_definition.hpp"

namespace enshu::evaluation {

// File name ("feedback_session.json") and exact content of each bundled template.
const std::vector<EmbeddedFile>& EmbeddedSurveyTemplates();

// Every bundled template parsed, in file-name order. A template that fails to parse or
// validate is a build defect: answered as kInternal naming the file.
Result<std::vector<SurveyDefinition>> SurveyTemplates();

// The template whose code is `code`; kNotFound naming "template" otherwise.
Result<SurveyDefinition> SurveyTemplate(const std::string& code);

}  // namespace enshu::evaluation
