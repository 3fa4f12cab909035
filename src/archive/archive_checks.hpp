#pragma once

// Checks between the files of a parsed Archive: keys unique, every reference resolving
// within the archive (organisation_key, person_key, objectives, survey and question
// codes, response keys, session keys, opinion kinds), the anonymity rule (responses of
// anonymous surveys name no organisation or person), and survey answers fitting their
// question. Free-text answers are unguarded in place. Pure: no database.

#include <set>
#include <string>
#include <vector>

#include "archive/archive_format.hpp"
#include "archive/archive_model.hpp"

namespace enshu::archive {

struct CheckContext {
    // Opinion kinds known without opinion_kinds.csv: the built-in ones and those the
    // target exercise already has.
    std::set<std::string> known_opinion_kinds;
    // Built-in kinds, which opinion_kinds.csv may not redefine.
    std::set<std::string> builtin_opinion_kinds;
};

// Appends a problem for every broken rule; each names the file, row and column.
void CheckArchive(Archive& archive, const CheckContext& context, std::vector<Problem>& problems);

// The survey engine's definition rules (evaluation::ValidateSurveyDefinition: code
// spelling, 2..30 options per choice question, show_if on an earlier choice question,
// texts within limits, at least one question); the first problem of each survey is
// appended. CheckArchive runs it when the survey files have no other problem.
void CheckSurveyDefinitions(const Archive& archive, std::vector<Problem>& problems);

}  // namespace enshu::archive
