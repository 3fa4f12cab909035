#pragma once

// Aggregation of survey answers and response rates (pure). Percentages follow the
// report's one rounding rule: per mille = round(count * 1000 / denominator), half away
// from zero, in integer arithmetic; every share carries its denominator.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/report_aggregate.hpp"
#include "evaluation/survey_definition.hpp"
#include "evaluation/survey_validation.hpp"

namespace enshu::evaluation {

// Groups (sectors) with fewer organisations than this are suppressed in per-sector
// figures shown to ministries: the results report's default minimum (core/report_aggregate.hpp).
inline constexpr std::int64_t kMinimumGroupSize = report::kDefaultMinimumGroup;

// round(numerator * 1000 / denominator) half away from zero; nullopt when denominator <= 0
// (report::PerMille, core/report_rounding.hpp).
std::optional<std::int64_t> SharePerMille(std::int64_t numerator, std::int64_t denominator);

struct OptionCount {
    std::string code;
    std::int64_t count = 0;
    std::optional<std::int64_t> per_mille;  // of QuestionResult::answered
};

struct NumberSummary {
    double minimum = 0;
    double maximum = 0;
    double mean = 0;  // rounded to one decimal
    double median = 0;
};

struct QuestionResult {
    std::string code;
    QuestionKind kind = QuestionKind::kFreeText;
    std::int64_t answered = 0;             // responses that answered it: the denominator of its shares
    std::vector<OptionCount> options;      // choice and likert, in the question's order
    std::optional<NumberSummary> numbers;  // number questions with answers
    std::vector<std::string> texts;        // free text, sorted by value (never by submission)
};

struct SurveyResults {
    std::int64_t responses = 0;
    std::vector<QuestionResult> questions;  // in the definition's order
};

// Counts every response's answers (AnswerMap by question code) against the definition.
SurveyResults AggregateAnswers(const SurveyDefinition& definition, const std::vector<AnswerMap>& responses);

// {"responses", "questions":[{"code","kind","answered","options":[{"code","count",
// "percent","denominator"}],"numbers":{…}|null,"texts":[…]}]}; percent is a number with
// one decimal (89.9) or null.
nlohmann::json SurveyResultsJson(const SurveyResults& results);

// Response rates: who was eligible and who answered (survey_participation).
struct EligibleOrganisation {
    std::int64_t id = 0;
    std::string name;
    std::string sector_code;
    std::int64_t people = 0;  // people of the organisation (eligible for person surveys)
};
struct Participation {
    std::int64_t organisation_id = 0;
    std::int64_t person_id = 0;  // 0 for organisation surveys
};

struct RateRow {
    std::int64_t eligible = 0;  // organisations (organisation surveys) or people (person surveys)
    std::int64_t answered = 0;
    std::optional<std::int64_t> per_mille;
};
struct OrganisationRate {
    std::int64_t organisation_id = 0;
    std::string name;
    std::string sector_code;
    RateRow rate;
};
struct SectorRate {
    std::string sector_code;
    std::int64_t organisations = 0;  // eligible organisations of the sector
    bool suppressed = false;         // fewer than kMinimumGroupSize organisations (ministry view)
    RateRow organisation_rate;       // organisations with at least one answer
    RateRow rate;                    // the respondent unit (same as organisation_rate for organisation surveys)
};
struct ResponseRates {
    RateRow total;
    std::vector<SectorRate> sectors;              // by sector code
    std::vector<OrganisationRate> organisations;  // by name
};

// kSuppress (ministry view): sectors under kMinimumGroupSize organisations show no
// rates, and their organisations are left out of the per-organisation rows.
enum class SmallGroups { kShow, kSuppress };

ResponseRates ComputeResponseRates(Respondent respondent, const std::vector<EligibleOrganisation>& organisations,
                                   const std::vector<Participation>& participations, SmallGroups small_groups);

nlohmann::json ResponseRatesJson(const ResponseRates& rates);

}  // namespace enshu::evaluation
