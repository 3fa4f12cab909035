#pragma once

// `enshu scenario import` and `enshu scenario export` (docs/scenario-format.md
// "Command line"): the master scenario of one exercise from or to a YAML or XLSX
// file, validated exactly as PUT /api/exercises/{id}/scenario validates it (same
// readers, same api::ExerciseValidationContext) and saved through
// scenario::ScenarioStore with the audit actor "cli".
//
// A running server caches the scenario it has loaded: import before `enshu serve`
// starts (or restart it), or use the web UI / API while it runs.

#include <cstdint>
#include <iosfwd>
#include <string>

#include "app/commands.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace enshu::app {

struct ScenarioImportOptions {
    std::int64_t exercise_id = 0;
    std::string file;  // .yaml / .yml (YAML) or .xlsx (MSEL workbook)
    bool dry_run = false;
};

struct ScenarioExportOptions {
    std::int64_t exercise_id = 0;
    std::string format = "yaml";  // yaml or xlsx
    std::string out;              // file to write
};

// Exit codes: 0 done; 1 problems in the file (each printed to `err` with its line or
// sheet/cell and field; nothing is stored), a missing exercise or scenario, or a
// database/file error; 2 bad options (unknown extension or format).
// On success `out` gets one line: "... N injects in M scenes ... version V".
int ImportScenario(db::Database& database, const Clock& clock, const ScenarioImportOptions& options, std::ostream& out,
                   std::ostream& err);
int ExportScenario(db::Database& database, const Clock& clock, const ScenarioExportOptions& options, std::ostream& out,
                   std::ostream& err);

// Open the configured database (migrating it) and run the above on stdout/stderr.
int RunScenarioImport(const ServerOptions& options, const ScenarioImportOptions& import);
int RunScenarioExport(const ServerOptions& options, const ScenarioExportOptions& exported);

}  // namespace enshu::app
