#pragma once

// The raw records of one exercise that the results report aggregates, as loaded by
// report_repository.hpp. Plain values; no logic.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/report_aggregate.hpp"

namespace enshu::report {

struct Localised {
    std::string ja;
    std::string en;
    const std::string& In(const std::string& language) const { return language == "en" && !en.empty() ? en : ja; }
};

struct SectorInfo {
    std::string code;
    std::string ministry_code;
    Localised name;
};

struct MinistryInfo {
    std::string code;
    Localised name;
};

struct ObjectiveInfo {
    int id = 0;
    Localised title;
    std::string action_plan_item;
};

struct ReadinessItemInfo {
    std::string id;
    std::string area_code;
    Localised area;
    Localised text;
    std::string timing;  // before | day_of
    std::string scale_code;
    Measure measure = Measure::kShare;
    Localised yes_label;
};

struct OptionLabel {
    std::string code;
    Localised label;
};

// Reference data shared by every exercise of the installation.
struct ReferenceSet {
    std::vector<SectorInfo> sectors;                               // sort order
    std::vector<MinistryInfo> ministries;                          // sort order
    std::vector<ObjectiveInfo> objectives;                         // 1..10
    std::vector<ReadinessItemInfo> readiness_items;                // sort order
    std::map<std::string, AnswerScale> scales;                     // by scale code
    std::map<std::string, std::vector<OptionLabel>> scale_labels;  // by scale code, in position order

    const SectorInfo* Sector(const std::string& code) const;
    const ObjectiveInfo* Objective(int id) const;
    std::string OptionLabelOf(const std::string& scale_code, const std::string& option_code,
                              const std::string& language) const;
};

struct ExerciseInfo {
    std::int64_t id = 0;
    int fiscal_year = 0;
    Localised title;
    std::string description;
};

struct PhaseInfo {
    std::string kind;
    std::string starts_at;
    std::string ends_at;
    std::string note;
};

struct OrganisationInfo {
    std::int64_t id = 0;
    std::string external_ref;  // "" when none (never matched across years)
    std::string name;
    std::string sector_code;
    std::string ministry_code;
    std::string participation_mode;  // venue | online | simulated
    std::int64_t people = 0;
};

struct ReadinessAnswerRow {
    std::int64_t organisation_id = 0;
    std::string item_id;
    std::string option_code;
};

// A chosen objective of a submitted action-record sheet with its three ratings.
struct ChosenObjectiveRow {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    int objective_id = 0;
    int custom_index = 0;
    std::string custom_text;
    std::array<std::string, kSettings> ratings;  // "" = not rated
};

struct IssueRow {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    int objective_id = 0;
    std::string text;
};

struct SurveyQuestionData {
    std::string code;
    std::string kind;  // single_choice | multiple_choice | likert | number | free_text
    Localised text;
    std::vector<OptionLabel> options;
    std::vector<std::string> values;   // survey_answer.value of each response that answered
    std::vector<std::string> sectors;  // the sector of each of those responses (same order)
};

struct SurveyData {
    std::string code;
    Localised title;
    std::int64_t responses = 0;
    std::map<std::string, std::int64_t> responses_by_sector;
    std::vector<SurveyQuestionData> questions;  // in position order
};

struct ForumSessionData {
    std::string kind;  // roundtable | feedback
    Localised title;
    std::string starts_at;
    std::string ends_at;
    std::string format;
    std::vector<std::string> themes;
    std::vector<std::string> experts;
    std::int64_t attending_organisations = 0;  // registered (attended is not 0)
    std::int64_t attending_people = 0;
};

struct OpinionKindData {
    std::string code;
    Localised label;
    std::vector<std::string> opinions;
};

// Response times of one organisation to one inject (live::ResponseTimes).
struct ResponseTimeRow {
    std::int64_t organisation_id = 0;
    std::string inject_id;
    std::optional<std::int64_t> acknowledge_us;
    std::optional<std::int64_t> first_action_us;
};

// Activity in the simulated world (world_activity.hpp loads it).
struct LabelledCount {
    std::string key;
    Localised label;
    std::int64_t count = 0;
};

struct OrganisationWorldActivity {
    int statements = 0;
    std::optional<double> minutes_to_first_statement;  // wall minutes from the PR trigger inject
    std::optional<double> minutes_to_first_report;     // from the reporting trigger inject
    int inquiries = 0;                                 // inquiries it sent to the mock homepages
    std::vector<std::int64_t> inquiry_reply_us;        // arrival to first reply, of the replied ones
};

struct WorldActivity {
    std::map<std::int64_t, OrganisationWorldActivity> by_organisation;
    std::vector<LabelledCount> inquiries_per_desk;
    std::vector<LabelledCount> inquiries_per_sector;
    std::vector<LabelledCount> reports_per_recipient;
    std::int64_t inquiries = 0;
    std::int64_t inquiries_replied = 0;
    std::optional<double> median_minutes_to_reply;
    std::optional<double> p90_minutes_to_reply;
    std::int64_t organisations_reported = 0;  // sent at least one incident report
    std::int64_t organisations_total = 0;
};

// Everything the report needs of one exercise. Past exercises compared in year columns
// load the same (their surveys and sessions are not shown).
struct ExerciseData {
    ExerciseInfo exercise;
    std::vector<PhaseInfo> phases;
    std::vector<OrganisationInfo> organisations;
    std::vector<ReadinessAnswerRow> readiness_answers;  // submitted parts only
    std::int64_t action_record_respondents = 0;         // submitted sheets
    std::vector<ChosenObjectiveRow> chosen_objectives;  // of submitted sheets
    std::vector<IssueRow> selected_issues;              // the organiser's choice, in order
    std::vector<IssueRow> organisation_issues;          // only when loaded for one organisation
    std::map<std::string, SurveyData> surveys;          // by survey code
    std::vector<ForumSessionData> sessions;
    std::vector<OpinionKindData> opinion_kinds;             // feedback-session opinions by kind
    std::vector<OpinionKindData> roundtable_opinion_kinds;  // what was said at the roundtable, by kind
    std::vector<ResponseTimeRow> response_times;
    std::int64_t released_injects = 0;
    std::optional<Localised> scenario_title;
    std::optional<Localised> scenario_summary;
    std::optional<WorldActivity> world;  // the current exercise only; nullopt when not loaded

    const OrganisationInfo* Organisation(std::int64_t id) const;
};

}  // namespace enshu::report
