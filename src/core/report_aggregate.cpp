#include "core/report_aggregate.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/report_rounding.hpp"

namespace enshu::report {

bool IsSuppressed(std::int64_t organisations, int minimum) { return organisations < minimum; }

ReadinessFigure AggregateReadiness(Measure measure, const AnswerScale& scale,
                                   const std::vector<std::string>& option_codes) {
    ReadinessFigure figure;
    for (const std::string& code : option_codes) {
        ++figure.answers;
        auto option = scale.find(code);
        if (option == scale.end() || option->second.is_no_answer) {
            ++figure.no_answer;
            continue;
        }
        if (option->second.counts_as_yes) ++figure.yes;
        if (option->second.degree) {
            ++figure.degree_answers;
            figure.degree_hundredths += static_cast<std::int64_t>(std::llround(*option->second.degree * 100.0));
        }
    }
    if (measure == Measure::kShare) {
        figure.denominator = figure.answers;
        figure.per_mille = PerMille(figure.yes, figure.answers);
    } else {
        // Average degree in per mille = (sum of hundredths / 100) / n × 10 = sum / (10 n)
        // = PerMille(sum, 10000 n), still one exact rounding.
        figure.denominator = figure.degree_answers;
        figure.per_mille = PerMille(figure.degree_hundredths, figure.degree_answers * 10000);
    }
    return figure;
}

std::optional<std::int64_t> ObjectiveFigure::CouldPerMille(int setting_index) const {
    return PerMille(settings.at(setting_index).could, respondents);
}
std::optional<std::int64_t> ObjectiveFigure::CouldNotPerMille(int setting_index) const {
    return PerMille(settings.at(setting_index).could_not, respondents);
}
std::optional<std::int64_t> ObjectiveFigure::NoAnswerPerMille(int setting_index) const {
    return PerMille(settings.at(setting_index).no_answer, respondents);
}
std::optional<std::int64_t> ObjectiveFigure::DropPerMille() const {
    return PerMille(settings[0].could - settings[2].could, respondents);
}
std::optional<std::int64_t> ObjectiveFigure::MeanCouldPerMille() const {
    return PerMille(settings[0].could + settings[1].could + settings[2].could, respondents * kSettings);
}

std::vector<ObjectiveFigure> AggregateObjectives(const std::vector<int>& objective_ids, const AnswerScale& four_level,
                                                 const std::vector<ObjectiveRatings>& ratings) {
    std::vector<ObjectiveFigure> figures;
    std::map<int, std::size_t> index;
    for (int id : objective_ids) {
        index[id] = figures.size();
        figures.push_back(ObjectiveFigure{id, 0, {}});
    }
    for (const ObjectiveRatings& rating : ratings) {
        auto found = index.find(rating.objective_id);
        if (found == index.end()) continue;
        ObjectiveFigure& figure = figures[found->second];
        ++figure.respondents;
        for (int setting = 0; setting < kSettings; ++setting) {
            auto option = four_level.find(rating.options[setting]);
            SettingCounts& counts = figure.settings[setting];
            if (option == four_level.end() || option->second.is_no_answer) {
                ++counts.no_answer;
            } else if (option->second.counts_as_yes) {
                ++counts.could;
            } else {
                ++counts.could_not;
            }
        }
    }
    return figures;
}

namespace {

// The ids of the `count` entries with the smallest keys (ascending) or largest (descending),
// ties at the cut included; result sorted by id.
std::vector<int> Extremes(std::vector<std::pair<std::int64_t, int>> keyed, std::size_t count, bool smallest) {
    std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return smallest ? a.first < b.first : a.first > b.first;
        return a.second < b.second;
    });
    std::vector<int> ids;
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        if (i >= count && keyed[i].first != keyed[count - 1].first) break;
        ids.push_back(keyed[i].second);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

ObjectiveFindings FindObjectiveFindings(const std::vector<ObjectiveFigure>& figures, std::int64_t minimum_respondents) {
    std::vector<std::pair<std::int64_t, int>> mean_could;
    std::vector<std::pair<std::int64_t, int>> drops;
    for (const ObjectiveFigure& figure : figures) {
        if (figure.objective_id < 1 || figure.objective_id > 9) continue;
        if (figure.respondents < std::max<std::int64_t>(1, minimum_respondents)) continue;
        mean_could.emplace_back(*figure.MeanCouldPerMille(), figure.objective_id);
        drops.emplace_back(*figure.DropPerMille(), figure.objective_id);
    }
    ObjectiveFindings findings;
    if (mean_could.empty()) return findings;
    findings.lowest = Extremes(mean_could, kLowestCount, true);
    findings.smallest_drop = Extremes(drops, kSmallestDropCount, true);
    findings.largest_drop = Extremes(drops, kLargestDropCount, false);
    return findings;
}

ChoiceFigure AggregateChoice(const std::vector<std::string>& option_codes, const std::vector<std::string>& values) {
    ChoiceFigure figure;
    std::map<std::string, std::size_t> index;
    for (const std::string& code : option_codes) {
        index[code] = figure.options.size();
        figure.options.push_back(ChoiceCount{code, 0, std::nullopt});
    }
    for (const std::string& value : values) {
        auto json = nlohmann::json::parse(value, nullptr, false);
        std::set<std::string> chosen;
        if (json.is_string()) {
            chosen.insert(json.get<std::string>());
        } else if (json.is_array()) {
            for (const auto& element : json) {
                if (element.is_string()) chosen.insert(element.get<std::string>());
            }
        }
        bool counted = false;
        for (const std::string& code : chosen) {
            auto found = index.find(code);
            if (found == index.end()) continue;
            ++figure.options[found->second].count;
            counted = true;
        }
        if (counted) ++figure.respondents;
    }
    for (ChoiceCount& option : figure.options) option.per_mille = PerMille(option.count, figure.respondents);
    return figure;
}

DurationSummary SummariseDurations(std::vector<std::int64_t> durations_us) {
    DurationSummary summary;
    summary.count = static_cast<std::int64_t>(durations_us.size());
    if (durations_us.empty()) return summary;
    std::sort(durations_us.begin(), durations_us.end());
    const auto nearest_rank = [&](int percent) {
        // Smallest value with at least percent % of the values at or below it.
        std::size_t rank = (durations_us.size() * static_cast<std::size_t>(percent) + 99) / 100;
        return durations_us[std::max<std::size_t>(rank, 1) - 1];
    };
    summary.median_us = nearest_rank(50);
    summary.p90_us = nearest_rank(90);
    return summary;
}

std::string FormatDuration(std::optional<std::int64_t> duration_us, const std::string& language) {
    if (!duration_us) return "—";
    const std::int64_t seconds = (std::max<std::int64_t>(0, *duration_us) + 500000) / 1000000;
    const std::int64_t minutes = seconds / 60;
    const std::int64_t rest = seconds % 60;
    const std::string two_digit = (rest < 10 ? "0" : "") + std::to_string(rest);
    if (language == "ja") return std::to_string(minutes) + "分" + two_digit + "秒";
    return std::to_string(minutes) + " min " + two_digit + " s";
}

}  // namespace enshu::report
