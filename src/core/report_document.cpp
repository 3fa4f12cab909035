#include "core/report_document.hpp"

#include "core/report_rounding.hpp"

namespace enshu::report {

Cell Cell::Text(std::string text, bool emphasis) {
    Cell cell;
    cell.text = std::move(text);
    cell.emphasis = emphasis;
    return cell;
}

Cell Cell::Count(std::int64_t count) {
    Cell cell;
    cell.kind = CellKind::kCount;
    cell.text = FormatCount(count);
    cell.value = count;
    return cell;
}

Cell Cell::Percent(std::optional<std::int64_t> per_mille) {
    Cell cell;
    cell.kind = CellKind::kPercent;
    cell.text = FormatPercent(per_mille);
    cell.value = per_mille;
    return cell;
}

Cell Cell::PointChange(std::optional<std::int64_t> current, std::optional<std::int64_t> previous) {
    Cell cell;
    cell.kind = CellKind::kPointChange;
    cell.text = FormatPointChange(current, previous);
    if (current && previous) cell.value = *current - *previous;
    return cell;
}

Cell Cell::Suppressed() {
    Cell cell;
    cell.kind = CellKind::kPercent;
    cell.text = "—";
    cell.suppressed = true;
    return cell;
}

std::vector<const Table*> Document::Tables() const {
    std::vector<const Table*> tables;
    for (const Section& section : sections) {
        for (const Block& block : section.blocks) {
            if (block.kind == Block::Kind::kTable && block.table) tables.push_back(&*block.table);
        }
    }
    return tables;
}

namespace {

std::string_view KindName(CellKind kind) {
    switch (kind) {
        case CellKind::kText:
            return "text";
        case CellKind::kCount:
            return "count";
        case CellKind::kPercent:
            return "percent";
        case CellKind::kPointChange:
            return "change";
    }
    return "text";
}

nlohmann::json CellJson(const Cell& cell) {
    nlohmann::json json = {{"kind", KindName(cell.kind)}, {"text", cell.text}};
    if (cell.value) json["value"] = *cell.value;
    if (cell.suppressed) json["suppressed"] = true;
    if (cell.emphasis) json["emphasis"] = true;
    return json;
}

nlohmann::json TableJson(const Table& table) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
        nlohmann::json cells = nlohmann::json::array();
        for (const Cell& cell : row) cells.push_back(CellJson(cell));
        rows.push_back(std::move(cells));
    }
    return {{"id", table.id}, {"title", table.title}, {"header", table.header}, {"rows", rows}, {"notes", table.notes}};
}

nlohmann::json ChartJson(const BarChart& chart) {
    nlohmann::json series = nlohmann::json::array();
    for (const BarSeries& one : chart.series) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& value : one.values) values.push_back(value ? nlohmann::json(*value) : nlohmann::json(nullptr));
        series.push_back({{"name", one.name}, {"values", values}});
    }
    return {{"id", chart.id}, {"title", chart.title}, {"categories", chart.categories}, {"series", series}};
}

}  // namespace

nlohmann::json ToJson(const Document& document) {
    nlohmann::json sections = nlohmann::json::array();
    for (const Section& section : document.sections) {
        nlohmann::json blocks = nlohmann::json::array();
        for (const Block& block : section.blocks) {
            switch (block.kind) {
                case Block::Kind::kParagraph:
                    blocks.push_back({{"kind", "paragraph"}, {"text", block.text}});
                    break;
                case Block::Kind::kList:
                    blocks.push_back({{"kind", "list"}, {"items", block.items}});
                    break;
                case Block::Kind::kTable:
                    blocks.push_back({{"kind", "table"}, {"table", TableJson(*block.table)}});
                    break;
                case Block::Kind::kChart:
                    blocks.push_back({{"kind", "chart"}, {"chart", ChartJson(*block.chart)}});
                    break;
            }
        }
        sections.push_back({{"id", section.id}, {"title", section.title}, {"blocks", blocks}});
    }
    return {{"language", document.language},
            {"title", document.title},
            {"subtitle", document.subtitle},
            {"generated_at", document.generated_at},
            {"sections", sections}};
}

}  // namespace enshu::report
