#pragma once

// The report's tables as spreadsheets: one CSV per table (UTF-8 with BOM, see
// io/csv.hpp), bundled in a .zip, and one XLSX workbook with one sheet per table
// (counts and percentages as numbers, see docs/report.md "Formats").

#include <string>
#include <vector>

#include "core/report_document.hpp"
#include "core/result.hpp"

namespace enshu::report {

struct NamedFile {
    std::string name;  // "01_readiness.csv"
    std::string bytes;
};

// One CSV per table, named "<NN>_<table id>.csv" in document order. Each holds the
// header row and the displayed cell texts ("83.5%", "—" when suppressed).
std::vector<NamedFile> RenderCsvFiles(const Document& document);

// The CSV files in one .zip archive (stored with deflate). kInternal when zipping fails.
Result<std::string> RenderCsvZip(const Document& document);

// Writes `files` as a zip archive at `path`. kInternal naming the path on failure.
Status WriteZip(const std::string& path, const std::vector<NamedFile>& files);

// One sheet per table (named by its title, cut to 31 characters): row 1 the header,
// then the rows (counts and percentages as numbers: 83.5 means 83.5 %, point changes as
// numbers of points, suppressed cells as the text "—"), then the notes below an empty row.
Result<std::string> RenderXlsx(const Document& document);

}  // namespace enshu::report
