#pragma once

// The one rounding rule of the results report (docs/report.md "Rounding").
//
// A percentage is computed from the exact rational count / denominator and rounded to
// one decimal, half away from zero, in integer arithmetic: per mille = round(count *
// 1000 / denominator). No binary floating point takes part, so 1/8 = 12.5 % and
// 1/2000 = 0.05 % -> 0.1 % come out exactly. Shares displayed side by side (could /
// could not / no answer) are rounded one by one and are NOT forced to sum to 100.

#include <cstdint>
#include <optional>
#include <string>

namespace enshu::report {

// round(numerator * 1000 / denominator) half away from zero, in tenths of a percent;
// nullopt when denominator <= 0. Negative numerators round symmetrically.
std::optional<std::int64_t> PerMille(std::int64_t numerator, std::int64_t denominator);

// "89.9%" from 899; "—" for nullopt. Negative values keep their sign ("-0.4%").
std::string FormatPercent(std::optional<std::int64_t> per_mille);

// "+3.2pt", "-0.4pt", "±0.0pt"; "—" when either side is missing. Change = current - previous,
// both already rounded (the change is of the figures as displayed).
std::string FormatPointChange(std::optional<std::int64_t> current_per_mille,
                              std::optional<std::int64_t> previous_per_mille);

// The per-mille value as a decimal number (89.9) for spreadsheets.
double PerMilleAsPercentNumber(std::int64_t per_mille);

// "6,574" (thousands separators, for counts in text).
std::string FormatCount(std::int64_t count);

}  // namespace enshu::report
