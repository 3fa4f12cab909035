#pragma once

// Reads the records of the results report straight from the evaluation, exercise and
// live tables with named SQL (below in the .cpp). Read-only; one read transaction per
// call, so a report sees one consistent state.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "report/report_inputs.hpp"

namespace enshu::report {

// The reference data (sectors, ministries, objectives, readiness items, answer scales).
Result<ReferenceSet> LoadReferenceSet(db::Database& database);

enum class IssueLoading { kSelectedOnly, kWithOrganisationIssues };

// Everything of `exercise_id`; kNotFound "exercise_id" when it does not exist. With
// kWithOrganisationIssues, `organisation_issues` holds the issues of `organisation_id`.
Result<ExerciseData> LoadExerciseData(db::Database& database, std::int64_t exercise_id,
                                      IssueLoading issues = IssueLoading::kSelectedOnly,
                                      std::int64_t organisation_id = 0);

// The installation's exercises as (id, fiscal year), ordered by fiscal year then id.
struct ExerciseYear {
    std::int64_t id = 0;
    int fiscal_year = 0;
};
Result<std::vector<ExerciseYear>> ListExerciseYears(db::Database& database);

}  // namespace enshu::report
