#pragma once

// Our own small SVG generator for report charts: a grouped bar chart of percentages
// (0..100 %) with axis, grid, value labels and legend. Output is a self-contained
// <svg> element (no scripts, no external references); every text is XML-escaped.

#include <string>
#include <string_view>

#include "core/report_document.hpp"

namespace enshu::report {

// Escapes & < > " ' for HTML/XML text and attribute values.
std::string EscapeXml(std::string_view text);

// The chart as an <svg> element sized for an A4 page (width 720 px).
std::string RenderBarChartSvg(const BarChart& chart);

}  // namespace enshu::report
