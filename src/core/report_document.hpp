#pragma once

// The rendered shape of a results report, independent of the output format: sections
// with paragraphs, tables and bar charts, already in one language. The report module
// builds it from the aggregated figures (report_aggregate.hpp); the HTML, CSV, XLSX
// and PDF renderers and the web view (JSON) only lay it out, so every format shows the
// same figures.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace enshu::report {

// What a cell holds: text, a count, a percentage (per mille, see report_rounding.hpp)
// or a change in percentage points (per mille). Suppressed cells show "—" and carry no
// number (the group was below the minimum size).
enum class CellKind { kText, kCount, kPercent, kPointChange };

struct Cell {
    CellKind kind = CellKind::kText;
    std::string text;                   // what is displayed ("83.5%", "468", "—")
    std::optional<std::int64_t> value;  // count, or per mille for kPercent / kPointChange
    bool suppressed = false;
    bool emphasis = false;  // a group heading row (e.g. a readiness area)

    static Cell Text(std::string text, bool emphasis = false);
    static Cell Count(std::int64_t count);
    static Cell Percent(std::optional<std::int64_t> per_mille);
    static Cell PointChange(std::optional<std::int64_t> current, std::optional<std::int64_t> previous);
    static Cell Suppressed();
};

struct Table {
    std::string id;  // stable: "readiness", "objectives_settings", ... (file and sheet names)
    std::string title;
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> notes;  // denominators, suppression footnotes, definitions
};

// A grouped bar chart: one group per category, one bar per series; values in per mille
// (0..1000) of one axis 0..100 %. Missing values (suppressed) are not drawn.
struct BarSeries {
    std::string name;
    std::vector<std::optional<std::int64_t>> values;  // one per category
};
struct BarChart {
    std::string id;
    std::string title;
    std::vector<std::string> categories;
    std::vector<BarSeries> series;
};

// A block of a section, in order.
struct Block {
    enum class Kind { kParagraph, kList, kTable, kChart } kind = Kind::kParagraph;
    std::string text;                // kParagraph
    std::vector<std::string> items;  // kList
    std::optional<Table> table;      // kTable
    std::optional<BarChart> chart;   // kChart
};

struct Section {
    std::string id;  // "overview", "readiness", "objectives", "roundtable", "feedback", "activity", ...
    std::string title;
    std::vector<Block> blocks;
};

struct Document {
    std::string language;      // "ja" or "en"
    std::string title;         // includes the exercise-results marking (演習結果)
    std::string subtitle;      // exercise title and scope ("全国", a ministry, an organisation)
    std::string generated_at;  // UTC ISO 8601
    std::vector<Section> sections;

    // Every table of the document in order (CSV files, XLSX sheets).
    std::vector<const Table*> Tables() const;
};

nlohmann::json ToJson(const Document& document);

}  // namespace enshu::report
