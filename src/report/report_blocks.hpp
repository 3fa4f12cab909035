#pragma once

// Shorthands for the blocks of a report Document (core/report_document.hpp).

#include <string>
#include <utility>
#include <vector>

#include "core/report_document.hpp"

namespace enshu::report {

inline Block Paragraph(std::string text) {
    Block block;
    block.kind = Block::Kind::kParagraph;
    block.text = std::move(text);
    return block;
}

inline Block List(std::vector<std::string> items) {
    Block block;
    block.kind = Block::Kind::kList;
    block.items = std::move(items);
    return block;
}

inline Block TableBlock(Table table) {
    Block block;
    block.kind = Block::Kind::kTable;
    block.table = std::move(table);
    return block;
}

inline Block ChartBlock(BarChart chart) {
    Block block;
    block.kind = Block::Kind::kChart;
    block.chart = std::move(chart);
    return block;
}

}  // namespace enshu::report
