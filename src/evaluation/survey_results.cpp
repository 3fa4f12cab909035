#include "evaluation/survey_results.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "core/report_rounding.hpp"

namespace enshu::evaluation {
namespace {

nlohmann::json PercentJson(const std::optional<std::int64_t>& per_mille) {
    if (!per_mille) return nullptr;
    return static_cast<double>(*per_mille) / 10.0;
}

nlohmann::json RateJson(const RateRow& rate) {
    return {{"eligible", rate.eligible}, {"answered", rate.answered}, {"percent", PercentJson(rate.per_mille)}};
}

RateRow MakeRate(std::int64_t eligible, std::int64_t answered) {
    return {eligible, answered, SharePerMille(answered, eligible)};
}

double RoundToTenth(double value) { return std::round(value * 10.0) / 10.0; }

NumberSummary Summarise(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    NumberSummary summary;
    summary.minimum = values.front();
    summary.maximum = values.back();
    double sum = 0;
    for (double value : values) sum += value;
    summary.mean = RoundToTenth(sum / static_cast<double>(values.size()));
    const std::size_t middle = values.size() / 2;
    summary.median = values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    return summary;
}

}  // namespace

std::optional<std::int64_t> SharePerMille(std::int64_t numerator, std::int64_t denominator) {
    return report::PerMille(numerator, denominator);  // the report's one rounding rule
}

SurveyResults AggregateAnswers(const SurveyDefinition& definition, const std::vector<AnswerMap>& responses) {
    SurveyResults results;
    results.responses = static_cast<std::int64_t>(responses.size());
    for (const SurveyQuestion& question : definition.questions) {
        QuestionResult result;
        result.code = question.code;
        result.kind = question.kind;
        std::map<std::string, std::int64_t> counts;
        std::vector<double> numbers;
        for (const AnswerMap& response : responses) {
            auto answer = response.find(question.code);
            if (answer == response.end() || IsEmptyAnswer(answer->second)) continue;
            const nlohmann::json& value = answer->second;
            ++result.answered;
            if (value.is_string() && HasOptions(question.kind)) {
                ++counts[value.get<std::string>()];
            } else if (value.is_array()) {
                for (const auto& item : value) {
                    if (item.is_string()) ++counts[item.get<std::string>()];
                }
            } else if (value.is_number()) {
                numbers.push_back(value.get<double>());
            } else if (value.is_string()) {
                result.texts.push_back(value.get<std::string>());
            }
        }
        for (const SurveyOption& option : question.options) {
            const std::int64_t count = counts[option.code];
            result.options.push_back({option.code, count, SharePerMille(count, result.answered)});
        }
        if (!numbers.empty()) result.numbers = Summarise(std::move(numbers));
        std::sort(result.texts.begin(), result.texts.end());
        results.questions.push_back(std::move(result));
    }
    return results;
}

nlohmann::json SurveyResultsJson(const SurveyResults& results) {
    nlohmann::json questions = nlohmann::json::array();
    for (const QuestionResult& question : results.questions) {
        nlohmann::json options = nlohmann::json::array();
        for (const OptionCount& option : question.options) {
            options.push_back({{"code", option.code},
                               {"count", option.count},
                               {"percent", PercentJson(option.per_mille)},
                               {"denominator", question.answered}});
        }
        nlohmann::json numbers = nullptr;
        if (question.numbers) {
            numbers = {{"min", question.numbers->minimum},
                       {"max", question.numbers->maximum},
                       {"mean", question.numbers->mean},
                       {"median", question.numbers->median}};
        }
        questions.push_back({{"code", question.code},
                             {"kind", QuestionKindName(question.kind)},
                             {"answered", question.answered},
                             {"options", std::move(options)},
                             {"numbers", std::move(numbers)},
                             {"texts", question.texts}});
    }
    return {{"responses", results.responses}, {"questions", std::move(questions)}};
}

ResponseRates ComputeResponseRates(Respondent respondent, const std::vector<EligibleOrganisation>& organisations,
                                   const std::vector<Participation>& participations, SmallGroups small_groups) {
    std::map<std::int64_t, std::set<std::int64_t>> answered_by;  // organisation → people (or {0})
    for (const Participation& participation : participations) {
        answered_by[participation.organisation_id].insert(participation.person_id);
    }
    ResponseRates rates;
    struct SectorTotals {
        std::int64_t organisations = 0, organisations_answered = 0, eligible = 0, answered = 0;
    };
    std::map<std::string, SectorTotals> sectors;
    std::int64_t total_eligible = 0;
    std::int64_t total_answered = 0;
    for (const EligibleOrganisation& organisation : organisations) {
        const auto found = answered_by.find(organisation.id);
        const std::int64_t answers = found == answered_by.end() ? 0 : static_cast<std::int64_t>(found->second.size());
        const std::int64_t eligible = respondent == Respondent::kPerson ? organisation.people : 1;
        const std::int64_t answered =
            respondent == Respondent::kPerson ? std::min(answers, eligible) : std::min<std::int64_t>(answers, 1);
        rates.organisations.push_back(
            {organisation.id, organisation.name, organisation.sector_code, MakeRate(eligible, answered)});
        SectorTotals& sector = sectors[organisation.sector_code];
        ++sector.organisations;
        if (answers > 0) ++sector.organisations_answered;
        sector.eligible += eligible;
        sector.answered += answered;
        total_eligible += eligible;
        total_answered += answered;
    }
    for (const auto& [code, totals] : sectors) {
        SectorRate sector;
        sector.sector_code = code;
        sector.organisations = totals.organisations;
        sector.suppressed = small_groups == SmallGroups::kSuppress && totals.organisations < kMinimumGroupSize;
        if (!sector.suppressed) {
            sector.organisation_rate = MakeRate(totals.organisations, totals.organisations_answered);
            sector.rate = MakeRate(totals.eligible, totals.answered);
        }
        rates.sectors.push_back(std::move(sector));
    }
    if (small_groups == SmallGroups::kSuppress) {
        // Whether an organisation answered would reveal a suppressed sector's figures.
        std::erase_if(rates.organisations, [&](const OrganisationRate& row) {
            return std::any_of(rates.sectors.begin(), rates.sectors.end(), [&](const SectorRate& sector) {
                return sector.suppressed && sector.sector_code == row.sector_code;
            });
        });
    }
    std::sort(rates.organisations.begin(), rates.organisations.end(), [](const auto& a, const auto& b) {
        return std::tie(a.name, a.organisation_id) < std::tie(b.name, b.organisation_id);
    });
    rates.total = MakeRate(total_eligible, total_answered);
    return rates;
}

nlohmann::json ResponseRatesJson(const ResponseRates& rates) {
    nlohmann::json sectors = nlohmann::json::array();
    for (const SectorRate& sector : rates.sectors) {
        nlohmann::json row = {{"sector_code", sector.sector_code},
                              {"organisations", sector.organisations},
                              {"suppressed", sector.suppressed}};
        if (sector.suppressed) {
            row["organisation_rate"] = nullptr;
            row["rate"] = nullptr;
        } else {
            row["organisation_rate"] = RateJson(sector.organisation_rate);
            row["rate"] = RateJson(sector.rate);
        }
        sectors.push_back(std::move(row));
    }
    nlohmann::json organisations = nlohmann::json::array();
    for (const OrganisationRate& organisation : rates.organisations) {
        organisations.push_back({{"organisation_id", organisation.organisation_id},
                                 {"name", organisation.name},
                                 {"sector_code", organisation.sector_code},
                                 {"rate", RateJson(organisation.rate)}});
    }
    return {
        {"total", RateJson(rates.total)}, {"sectors", std::move(sectors)}, {"organisations", std::move(organisations)}};
}

}  // namespace enshu::evaluation
