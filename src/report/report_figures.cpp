#include "report/report_figures.hpp"

#include <set>

namespace enshu::report {

bool Everyone(const OrganisationInfo&) { return true; }

IndexedExercise::IndexedExercise(const ExerciseData& data) : data_(data) {
    for (const OrganisationInfo& organisation : data.organisations) organisations_[organisation.id] = &organisation;
    for (const ReadinessAnswerRow& answer : data.readiness_answers) answers_by_item_[answer.item_id].push_back(&answer);
}

const OrganisationInfo* IndexedExercise::Organisation(std::int64_t id) const {
    auto found = organisations_.find(id);
    return found == organisations_.end() ? nullptr : found->second;
}

ReadinessFigure IndexedExercise::Readiness(const ReferenceSet& reference, const ReadinessItemInfo& item,
                                           const OrganisationFilter& filter) const {
    std::vector<std::string> codes;
    auto answers = answers_by_item_.find(item.id);
    if (answers != answers_by_item_.end()) {
        for (const ReadinessAnswerRow* answer : answers->second) {
            const OrganisationInfo* organisation = Organisation(answer->organisation_id);
            if (organisation && filter(*organisation)) codes.push_back(answer->option_code);
        }
    }
    static const AnswerScale kEmpty;
    auto scale = reference.scales.find(item.scale_code);
    return AggregateReadiness(item.measure, scale == reference.scales.end() ? kEmpty : scale->second, codes);
}

std::vector<ObjectiveFigure> IndexedExercise::Objectives(const ReferenceSet& reference,
                                                         const OrganisationFilter& filter) const {
    std::vector<int> ids;
    for (const ObjectiveInfo& objective : reference.objectives) ids.push_back(objective.id);
    std::vector<ObjectiveRatings> ratings;
    for (const ChosenObjectiveRow& chosen : data_.chosen_objectives) {
        const OrganisationInfo* organisation = Organisation(chosen.organisation_id);
        if (organisation && filter(*organisation)) ratings.push_back({chosen.objective_id, chosen.ratings});
    }
    static const AnswerScale kEmpty;
    auto scale = reference.scales.find("four_level");
    return AggregateObjectives(ids, scale == reference.scales.end() ? kEmpty : scale->second, ratings);
}

std::int64_t IndexedExercise::ActionRecordOrganisations(const OrganisationFilter& filter) const {
    std::set<std::int64_t> organisations;
    for (const ChosenObjectiveRow& chosen : data_.chosen_objectives) {
        const OrganisationInfo* organisation = Organisation(chosen.organisation_id);
        if (organisation && filter(*organisation)) organisations.insert(chosen.organisation_id);
    }
    return static_cast<std::int64_t>(organisations.size());
}

std::string IndexedExercise::AnswerOf(std::int64_t organisation_id, const std::string& item_id) const {
    auto answers = answers_by_item_.find(item_id);
    if (answers == answers_by_item_.end()) return "";
    for (const ReadinessAnswerRow* answer : answers->second) {
        if (answer->organisation_id == organisation_id) return answer->option_code;
    }
    return "";
}

}  // namespace enshu::report
