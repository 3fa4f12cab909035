#pragma once

// Export and import of an exercise's data archive as a directory of CSV files
// (docs/data-format.md), used by `enshu export` / `enshu import` (src/app/archive_command).
//
// Export reads the exercise in one read transaction and never writes to the database.
// Import reads and checks every file first (every problem is reported with its file, row
// and column); only an archive without problems is stored, in one write transaction with
// one audit entry "archive.import". A dry run (the default) does the whole import inside
// the transaction and rolls it back, so it reports exactly what --apply would change
// (also conflicts with data outside the archive).

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "archive/archive_format.hpp"
#include "archive/archive_repository.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::archive {

struct ExportReport {
    std::map<std::string, std::size_t> rows;  // data file name → data rows written
    std::vector<std::string> warnings;        // rows left out (see LoadArchive)
};

// Writes manifest.csv and every data file into `directory`, which must not exist or be
// empty (it is created, with its parents). The files are written into a temporary
// sibling directory first and moved into place, so `directory` never holds half an archive.
// Errors: kNotFound (no exercise; field "--exercise"), kInvalidArgument (directory not
// empty or not writable; field "--out"), database errors.
Result<ExportReport> ExportArchive(db::Database& database, std::int64_t exercise_id,
                                   const std::filesystem::path& directory);

enum class ImportMode { kDryRun, kApply };

struct ImportReport {
    std::vector<Problem> problems;            // empty = the archive is valid (and, with kApply, stored)
    std::vector<std::string> notes;           // ignored files, a fiscal year that differs from the exercise's
    std::map<std::string, std::size_t> rows;  // data file name → data rows read
    ImportSummary summary;                    // what was (or would be) changed; meaningful without problems
    bool applied = false;
};

// Reads `directory` and imports it into the exercise (see the file comment). Problems in
// the files are in the report, not errors. Errors: kNotFound (no exercise; field
// "--exercise"), kInvalidArgument (directory unreadable; field "DIR"), database errors.
Result<ImportReport> ImportArchive(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                   const audit::Actor& actor, std::int64_t exercise_id,
                                   const std::filesystem::path& directory, ImportMode mode);

}  // namespace enshu::archive
