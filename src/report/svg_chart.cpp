#include "report/svg_chart.hpp"

#include <algorithm>

#include "core/report_rounding.hpp"

namespace enshu::report {
namespace {

constexpr int kWidth = 720;
constexpr int kPlotHeight = 220;
constexpr int kLeft = 44;
constexpr int kRight = 12;
constexpr int kTop = 30;
constexpr int kBottomLabels = 28;
constexpr int kLegendHeight = 24;
// Colour-blind-safe palette (Okabe–Ito), one per series in order.
constexpr const char* kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};

std::string Number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

}  // namespace

std::string EscapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string RenderBarChartSvg(const BarChart& chart) {
    const int height = kTop + kPlotHeight + kBottomLabels + kLegendHeight;
    const int plot_width = kWidth - kLeft - kRight;
    const std::size_t groups = std::max<std::size_t>(chart.categories.size(), 1);
    const std::size_t series = std::max<std::size_t>(chart.series.size(), 1);
    const double group_width = static_cast<double>(plot_width) / static_cast<double>(groups);
    const double bar_width = group_width * 0.8 / static_cast<double>(series);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(kWidth) +
                      "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                      std::to_string(height) + "\" font-family=\"'Noto Sans CJK JP','Noto Sans JP',sans-serif\">";
    svg += "<title>" + EscapeXml(chart.title) + "</title>";
    svg += "<text x=\"" + std::to_string(kLeft) + "\" y=\"18\" font-size=\"13\" font-weight=\"bold\">" +
           EscapeXml(chart.title) + "</text>";
    for (int tick = 0; tick <= 100; tick += 25) {
        const double y = kTop + kPlotHeight - kPlotHeight * tick / 100.0;
        svg += "<line x1=\"" + std::to_string(kLeft) + "\" x2=\"" + std::to_string(kWidth - kRight) + "\" y1=\"" +
               Number(y) + "\" y2=\"" + Number(y) + "\" stroke=\"#ccc\" stroke-width=\"1\"/>";
        svg += "<text x=\"" + std::to_string(kLeft - 4) + "\" y=\"" + Number(y + 4) +
               "\" font-size=\"10\" text-anchor=\"end\">" + std::to_string(tick) + "%</text>";
    }
    for (std::size_t group = 0; group < chart.categories.size(); ++group) {
        const double group_left = kLeft + group_width * static_cast<double>(group) + group_width * 0.1;
        for (std::size_t index = 0; index < chart.series.size(); ++index) {
            const BarSeries& one = chart.series[index];
            if (group >= one.values.size() || !one.values[group]) continue;
            const std::int64_t per_mille = std::clamp<std::int64_t>(*one.values[group], 0, 1000);
            const double bar_height = kPlotHeight * static_cast<double>(per_mille) / 1000.0;
            const double x = group_left + bar_width * static_cast<double>(index);
            const double y = kTop + kPlotHeight - bar_height;
            svg += "<rect x=\"" + Number(x) + "\" y=\"" + Number(y) + "\" width=\"" + Number(bar_width * 0.92) +
                   "\" height=\"" + Number(bar_height) + "\" fill=\"" + kColours[index % 6] + "\"><title>" +
                   EscapeXml(chart.categories[group] + " " + one.name + ": " + FormatPercent(per_mille)) +
                   "</title></rect>";
        }
        svg += "<text x=\"" + Number(kLeft + group_width * (static_cast<double>(group) + 0.5)) + "\" y=\"" +
               std::to_string(kTop + kPlotHeight + 16) + "\" font-size=\"11\" text-anchor=\"middle\">" +
               EscapeXml(chart.categories[group]) + "</text>";
    }
    int legend_x = kLeft;
    const int legend_y = kTop + kPlotHeight + kBottomLabels + 8;
    for (std::size_t index = 0; index < chart.series.size(); ++index) {
        svg += "<rect x=\"" + std::to_string(legend_x) + "\" y=\"" + std::to_string(legend_y) +
               "\" width=\"10\" height=\"10\" fill=\"" + kColours[index % 6] + "\"/>";
        svg += "<text x=\"" + std::to_string(legend_x + 14) + "\" y=\"" + std::to_string(legend_y + 9) +
               "\" font-size=\"11\">" + EscapeXml(chart.series[index].name) + "</text>";
        legend_x += 150;
    }
    svg += "</svg>";
    return svg;
}

}  // namespace enshu::report
