#include "core/report_rounding.hpp"

#include <cstdlib>

namespace enshu::report {

std::optional<std::int64_t> PerMille(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) return std::nullopt;
    const bool negative = numerator < 0;
    const std::int64_t magnitude = negative ? -numerator : numerator;
    // round(m * 1000 / d) half up on the magnitude = floor((2 * m * 1000 + d) / (2 * d)).
    const std::int64_t rounded = (2 * magnitude * 1000 + denominator) / (2 * denominator);
    return negative ? -rounded : rounded;
}

std::string FormatPercent(std::optional<std::int64_t> per_mille) {
    if (!per_mille) return "—";
    const std::int64_t value = *per_mille;
    const std::int64_t magnitude = value < 0 ? -value : value;
    std::string text = value < 0 ? "-" : "";
    text += std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10) + "%";
    return text;
}

std::string FormatPointChange(std::optional<std::int64_t> current_per_mille,
                              std::optional<std::int64_t> previous_per_mille) {
    if (!current_per_mille || !previous_per_mille) return "—";
    const std::int64_t change = *current_per_mille - *previous_per_mille;
    const std::int64_t magnitude = change < 0 ? -change : change;
    std::string sign = change > 0 ? "+" : (change < 0 ? "-" : "±");
    return sign + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10) + "pt";
}

double PerMilleAsPercentNumber(std::int64_t per_mille) { return static_cast<double>(per_mille) / 10.0; }

std::string FormatCount(std::int64_t count) {
    const bool negative = count < 0;
    std::string digits = std::to_string(negative ? -count : count);
    std::string out;
    const std::size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    out += digits.substr(0, first_group);
    for (std::size_t i = first_group; i < digits.size(); i += 3) out += "," + digits.substr(i, 3);
    return negative ? "-" + out : out;
}

}  // namespace enshu::report
