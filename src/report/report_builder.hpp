#pragma once

// Builds the report Document (core/report_document.hpp) from loaded records: the
// national report (or a ministry's, restricted to its sectors) and one organisation's
// feedback report. Pure: no database, no clock (generated_at is passed in).

#include <cstdint>
#include <string>
#include <vector>

#include "core/report_document.hpp"
#include "report/report_inputs.hpp"

namespace enshu::report {

enum class ScopeKind { kNational, kMinistry, kOrganisation };

struct ReportScope {
    ScopeKind kind = ScopeKind::kNational;
    std::string ministry_code;         // kMinistry
    std::int64_t organisation_id = 0;  // kOrganisation
};

struct ReportOptions {
    std::string language = "ja";               // ja | en
    int minimum_group = kDefaultMinimumGroup;  // suppression threshold (organisations)
    ReportScope scope;
    std::string generated_at;  // shown on the title page
};

struct ReportInput {
    const ReferenceSet& reference;
    const ExerciseData& current;
    std::vector<const ExerciseData*> past;  // compared years, ascending fiscal year, before `current`
};

// National or ministry report (options.scope kNational / kMinistry).
Document BuildExerciseReport(const ReportInput& input, const ReportOptions& options);

// Feedback report of options.scope.organisation_id (must be an organisation of `current`).
// Past years are matched by external_ref (see docs/report.md "Across years").
Document BuildOrganisationReport(const ReportInput& input, const ReportOptions& options);

}  // namespace enshu::report
