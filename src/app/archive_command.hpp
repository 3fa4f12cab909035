#pragma once

// `enshu export` and `enshu import` (docs/data-format.md, README "Exercise data archive"):
// an exercise's data as a directory of CSV files, and back. Thin: options → archive::
// ExportArchive / ImportArchive → printed report. Import is a dry run unless --apply.

#include <cstdint>
#include <iosfwd>
#include <string>

#include "app/commands.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace enshu::app {

struct ArchiveExportOptions {
    std::int64_t exercise_id = 0;
    std::string out;  // directory to create (absent or empty)
};

struct ArchiveImportOptions {
    std::int64_t exercise_id = 0;
    std::string directory;
    bool dry_run = false;  // the default; given explicitly for clarity in scripts
    bool apply = false;
};

// At most this many problems are printed (then "... and N more").
inline constexpr std::size_t kMaxPrintedProblems = 1000;

// Exit codes: 0 done (export written; import valid and, with --apply, stored); 1 problems
// in the files (each printed to `err` as "people.csv row 12, column email: ..."; nothing
// stored), a missing exercise, or a database/file error; 2 bad options (--dry-run with --apply).
int ExportArchiveCommand(db::Database& database, const ArchiveExportOptions& options, std::ostream& out,
                         std::ostream& err);
int ImportArchiveCommand(db::Database& database, const Clock& clock, const ArchiveImportOptions& options,
                         std::ostream& out, std::ostream& err);

// Open the configured database (migrating it) and run the above on stdout/stderr.
int RunArchiveExport(const ServerOptions& options, const ArchiveExportOptions& exported);
int RunArchiveImport(const ServerOptions& options, const ArchiveImportOptions& imported);

}  // namespace enshu::app
