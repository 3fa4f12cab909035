#pragma once

// The report as one self-contained HTML document: inline CSS, inline SVG charts, no
// scripts, no external resources; every user-written text is escaped. The PDF is this
// HTML printed by headless chromium (pdf_renderer.hpp).

#include <string>

#include "core/report_document.hpp"

namespace enshu::report {

std::string RenderHtml(const Document& document);

}  // namespace enshu::report
