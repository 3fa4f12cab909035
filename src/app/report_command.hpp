#pragma once

// `enshu report --exercise ID --format pdf|html|xlsx|csv --out PATH` (docs/report.md
// "Command line"): the national report (or a ministry's / an organisation's) of one
// exercise, built by report::ReportService exactly as the web UI builds it.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "app/commands.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace enshu::app {

struct ReportCommandOptions {
    std::int64_t exercise_id = 0;
    std::string format = "pdf";                   // pdf | html | xlsx | csv
    std::string out;                              // file; for csv a .zip file or a directory (one CSV per table)
    std::string language = "ja";                  // ja | en
    std::optional<std::string> ministry;          // a ministry's report (its sectors only)
    std::optional<std::int64_t> organisation_id;  // an organisation's feedback report
    std::optional<int> minimum_group;             // suppression threshold override (3..100)
};

// Exit codes: 0 written (one line on `out`: path, size, time); 1 a missing exercise or
// organisation, a database, file or rendering error (printed on `err` naming the input);
// 2 bad options.
int WriteReport(db::Database& database, const Clock& clock, const ReportCommandOptions& options, std::ostream& out,
                std::ostream& err);

// Opens the configured database (migrating it) and runs WriteReport on stdout/stderr.
int RunReport(const ServerOptions& server, const ReportCommandOptions& options);

}  // namespace enshu::app
