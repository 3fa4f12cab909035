#pragma once

// Private to src/db: the migration runner with explicit inputs, so that tests can
// run it on a subset of the embedded migrations. Migrate() and InspectMigrations()
// (db/migrations.hpp) call it with EmbeddedMigrations() and EmbeddedReferenceData().

#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace enshu::db {

struct Migration {
    int version = 0;       // NNNN of the file name
    std::string name;      // "foundation" for 0001_foundation.sql
    std::string_view sql;  // the file's text (owned by the embedded list)
};

// Parses and orders migration files named NNNN_name.sql (four digits, then
// [a-z0-9_]+). kInternal when a name has another form, a number repeats, or the
// numbers are not exactly 1..N: a shipped migration list with a gap is a bug.
Result<std::vector<Migration>> ParseMigrationList(const std::vector<EmbeddedFile>& files);

// Applies the pending migrations of `migration_files`, each in its own write
// transaction that also records it in schema_migration and, for a migration
// carrying the reference-data marker, loads the datasets it names from
// `reference_files` after running its SQL. A database whose highest version is
// above the list's latest answers kConflict before anything changes.
Result<MigrationStatus> MigrateWith(Database& database, const std::vector<EmbeddedFile>& migration_files,
                                    const std::vector<EmbeddedFile>& reference_files);

// Reads the database's version and the list's latest without changing anything.
Result<MigrationStatus> InspectWith(Database& database, const std::vector<EmbeddedFile>& migration_files);

}  // namespace enshu::db
