#include "report/html_renderer.hpp"

#include "report/svg_chart.hpp"

namespace enshu::report {
namespace {

constexpr const char* kStyle = R"CSS(
@page { size: A4; margin: 14mm 12mm; }
body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif; color: #1a1a1a;
       font-size: 10.5pt; line-height: 1.55; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 18pt; border-bottom: 3px solid #0b3d91; padding-bottom: 4px; margin-bottom: 2px; }
h2 { font-size: 13.5pt; color: #0b3d91; border-left: 6px solid #0b3d91; padding-left: 8px; margin-top: 22px;
     break-after: avoid; }
h3 { font-size: 11pt; margin: 14px 0 4px; break-after: avoid; }
.subtitle { color: #444; margin: 2px 0; }
.generated { color: #666; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; }
th { background: #dfe7f3; text-align: center; }
td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.emphasis td { background: #f0f0f0; font-weight: bold; }
tr { break-inside: avoid; }
.note { color: #444; font-size: 8.5pt; margin: 2px 0; }
.chart { margin: 8px 0; break-inside: avoid; }
ul { margin: 4px 0 8px; padding-left: 20px; }
)CSS";

std::string RenderTable(const Table& table) {
    std::string html =
        "<h3>" + EscapeXml(table.title) + "</h3><table data-table=\"" + EscapeXml(table.id) + "\"><thead><tr>";
    for (const std::string& heading : table.header) html += "<th scope=\"col\">" + EscapeXml(heading) + "</th>";
    html += "</tr></thead><tbody>";
    for (const auto& row : table.rows) {
        const bool emphasis = !row.empty() && row.front().emphasis;
        html += emphasis ? "<tr class=\"emphasis\">" : "<tr>";
        for (const Cell& cell : row) {
            html += cell.kind == CellKind::kText ? "<td>" : "<td class=\"number\">";
            html += EscapeXml(cell.text);
            html += "</td>";
        }
        html += "</tr>";
    }
    html += "</tbody></table>";
    for (const std::string& note : table.notes) html += "<p class=\"note\">※ " + EscapeXml(note) + "</p>";
    return html;
}

}  // namespace

std::string RenderHtml(const Document& document) {
    std::string html = "<!DOCTYPE html><html lang=\"" + EscapeXml(document.language) +
                       "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                       "'unsafe-inline'; img-src data:\">"
                       "<title>" +
                       EscapeXml(document.title) + "</title><style>" + kStyle + "</style></head><body>";
    html += "<h1>" + EscapeXml(document.title) + "</h1>";
    html += "<p class=\"subtitle\">" + EscapeXml(document.subtitle) + "</p>";
    html += "<p class=\"generated\">" + EscapeXml(document.generated_at) + "</p>";
    for (const Section& section : document.sections) {
        html += "<section id=\"" + EscapeXml(section.id) + "\"><h2>" + EscapeXml(section.title) + "</h2>";
        for (const Block& block : section.blocks) {
            switch (block.kind) {
                case Block::Kind::kParagraph:
                    html += "<p>" + EscapeXml(block.text) + "</p>";
                    break;
                case Block::Kind::kList:
                    html += "<ul>";
                    for (const std::string& item : block.items) html += "<li>" + EscapeXml(item) + "</li>";
                    html += "</ul>";
                    break;
                case Block::Kind::kTable:
                    html += RenderTable(*block.table);
                    break;
                case Block::Kind::kChart:
                    html += "<div class=\"chart\">" + RenderBarChartSvg(*block.chart) + "</div>";
                    break;
            }
        }
        html += "</section>";
    }
    html += "</body></html>\n";
    return html;
}

}  // namespace enshu::report
