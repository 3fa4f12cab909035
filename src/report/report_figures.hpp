#pragma once

// Figures of one group of organisations of one exercise (all, a ministry's sectors,
// one sector, one organisation), computed with core/report_aggregate.hpp from the
// records of report_inputs.hpp. An IndexedExercise indexes the records once so that
// many groups can be computed cheaply.

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "core/report_aggregate.hpp"
#include "report/report_inputs.hpp"

namespace enshu::report {

using OrganisationFilter = std::function<bool(const OrganisationInfo&)>;

// Every organisation.
bool Everyone(const OrganisationInfo&);

class IndexedExercise {
  public:
    explicit IndexedExercise(const ExerciseData& data);
    const ExerciseData& data() const { return data_; }
    const OrganisationInfo* Organisation(std::int64_t id) const;

    ReadinessFigure Readiness(const ReferenceSet& reference, const ReadinessItemInfo& item,
                              const OrganisationFilter& filter) const;
    // Objectives 1..10 (reference order).
    std::vector<ObjectiveFigure> Objectives(const ReferenceSet& reference, const OrganisationFilter& filter) const;
    // Submitted sheets of the group (organisations with at least one chosen objective).
    std::int64_t ActionRecordOrganisations(const OrganisationFilter& filter) const;
    // The organisation's answer code to an item ("" when none).
    std::string AnswerOf(std::int64_t organisation_id, const std::string& item_id) const;

  private:
    const ExerciseData& data_;
    std::map<std::int64_t, const OrganisationInfo*> organisations_;
    std::map<std::string, std::vector<const ReadinessAnswerRow*>> answers_by_item_;
};

}  // namespace enshu::report
