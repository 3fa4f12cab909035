#pragma once

// Numbered schema migrations. Each migration is one SQL file under
// src/db/migrations/NNNN_name.sql, compiled into the binary, plus optional
// reference-data loading (data/reference/*.json) tied to a migration number.
// Applied in order, each inside its own transaction, recorded in `schema_migration`.

#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::db {

struct MigrationStatus {
    int current_version = 0;       // highest applied migration, 0 for an empty database
    int latest_version = 0;        // highest migration this binary knows
    std::vector<int> applied_now;  // versions applied by this call
};

// Applies every pending migration. Fails with kConflict ("database schema version N
// is newer than this binary (latest M); upgrade enshu") when the database is newer,
// before changing anything.
Result<MigrationStatus> Migrate(Database& database);

// Reads the versions without changing anything.
Result<MigrationStatus> InspectMigrations(Database& database);

}  // namespace enshu::db
