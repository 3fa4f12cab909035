#pragma once

// Pure aggregation for the results report (docs/report.md): the figures of the
// readiness survey, the action-record sheet per verification objective, the automatic
// statements about objectives, survey questions, and response-time summaries. Inputs
// are plain records already loaded and already restricted to one group (all
// organisations, one sector, one organisation); nothing here reads a database.
//
// Denominators (each figure carries its own):
// - readiness share: organisations that submitted the part and have an answer row for
//   the item, "no answer" included; average degree: the answers that carry a degree
//   ("no answer" excluded), as data/reference/README.md defines.
// - action record: chosen objectives of submitted sheets; a setting without a rating or
//   rated "no answer" counts as no answer (shown as its own share).

#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace enshu::report {

// The default and the smallest allowed minimum group size of per-sector figures.
constexpr int kDefaultMinimumGroup = 5;
constexpr int kSmallestMinimumGroup = 3;
constexpr int kLargestMinimumGroup = 100;

// True when a group of `organisations` must be shown as "—" (fewer than `minimum`).
bool IsSuppressed(std::int64_t organisations, int minimum);

// One option of an answer scale (ref_answer_option).
struct AnswerOption {
    std::string code;
    bool counts_as_yes = false;
    std::optional<double> degree;  // 0..100 on degree scales
    bool is_no_answer = false;
};
using AnswerScale = std::map<std::string, AnswerOption>;  // by option code

enum class Measure { kShare, kAverageDegree };

struct ReadinessFigure {
    std::int64_t answers = 0;               // answer rows (share denominator)
    std::int64_t yes = 0;                   // answers counting as yes
    std::int64_t no_answer = 0;             // "no answer" rows and codes not on the scale
    std::int64_t degree_answers = 0;        // answers with a degree (average-degree denominator)
    std::int64_t degree_hundredths = 0;     // sum of degree * 100, rounded per answer
    std::optional<std::int64_t> per_mille;  // the figure: share or average degree
    std::int64_t denominator = 0;           // what per_mille is over
};

// `option_codes`: one per organisation of the group that answered the item.
ReadinessFigure AggregateReadiness(Measure measure, const AnswerScale& scale,
                                   const std::vector<std::string>& option_codes);

// The three settings of an action-record rating: ① procedures exist, ② referred to, ③ acted.
constexpr int kSettings = 3;

struct SettingCounts {
    std::int64_t could = 0;      // よく対応できた + 対応できた
    std::int64_t could_not = 0;  // あまり + ほとんど対応できなかった
    std::int64_t no_answer = 0;  // 無回答 or not rated
};

// One chosen objective of a submitted sheet: the option code per setting ("" = not rated).
struct ObjectiveRatings {
    int objective_id = 0;
    std::array<std::string, kSettings> options;
};

struct ObjectiveFigure {
    int objective_id = 0;
    std::int64_t respondents = 0;  // chosen objectives counted (the denominator)
    std::array<SettingCounts, kSettings> settings{};

    std::optional<std::int64_t> CouldPerMille(int setting_index) const;
    std::optional<std::int64_t> CouldNotPerMille(int setting_index) const;
    std::optional<std::int64_t> NoAnswerPerMille(int setting_index) const;
    // (could① − could③) / respondents, rounded (the drop from ① to ③).
    std::optional<std::int64_t> DropPerMille() const;
    // All "could" of the three settings over 3 × respondents (for "lowest objectives").
    std::optional<std::int64_t> MeanCouldPerMille() const;
};

// Figures for objectives 1..10 (every id present in `objective_ids`, in that order), from
// the ratings of one group. Ratings of other objectives are ignored.
std::vector<ObjectiveFigure> AggregateObjectives(const std::vector<int>& objective_ids, const AnswerScale& four_level,
                                                 const std::vector<ObjectiveRatings>& ratings);

// The statements the seed report makes about the objectives (2-2, 2/3), as objective ids
// in ascending order. Only standard objectives (1..9) with at least `minimum_respondents`
// count. Ties at the cut are all included.
struct ObjectiveFindings {
    std::vector<int> lowest;         // the 2 lowest mean "could" shares
    std::vector<int> smallest_drop;  // the 2 smallest drops ①→③: acted quickly
    std::vector<int> largest_drop;   // the 3 largest drops: documents exist, not used
};
constexpr int kLowestCount = 2;
constexpr int kSmallestDropCount = 2;
constexpr int kLargestDropCount = 3;
ObjectiveFindings FindObjectiveFindings(const std::vector<ObjectiveFigure>& figures, std::int64_t minimum_respondents);

// A choice question of a survey: counts per option over the responses that answered it.
struct ChoiceCount {
    std::string code;
    std::int64_t count = 0;
    std::optional<std::int64_t> per_mille;
};
struct ChoiceFigure {
    std::int64_t respondents = 0;      // responses with an answer to the question
    std::vector<ChoiceCount> options;  // in the question's option order
};
// `option_codes`: the question's options in order; `values`: survey_answer.value JSON of
// each response ("code" or ["code", ...]). Codes not among the options are ignored;
// a multiple-choice answer counts once per chosen option (shares need not sum to 100).
ChoiceFigure AggregateChoice(const std::vector<std::string>& option_codes, const std::vector<std::string>& values);

// Durations in microseconds summarised for the activity tables.
struct DurationSummary {
    std::int64_t count = 0;
    std::optional<std::int64_t> median_us;  // nearest-rank median (lower of the two middles)
    std::optional<std::int64_t> p90_us;     // nearest-rank 90th percentile
};
DurationSummary SummariseDurations(std::vector<std::int64_t> durations_us);

// "4分05秒" / "4 min 05 s" style text of a duration, rounded to whole seconds.
std::string FormatDuration(std::optional<std::int64_t> duration_us, const std::string& language);

}  // namespace enshu::report
