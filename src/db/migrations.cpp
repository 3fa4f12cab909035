#include "db/migrations.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "db/embedded.hpp"
#include "db/migration_runner.hpp"
#include "db/reference_loader.hpp"

namespace enshu::db {

namespace {

constexpr std::string_view kCreateSchemaMigration =
    "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";
constexpr std::string_view kSelectAppliedVersions = "SELECT version FROM schema_migration ORDER BY version";
constexpr std::string_view kInsertMigration =
    "INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, $3)";
constexpr std::string_view kSqliteHasSchemaMigration =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'";
constexpr std::string_view kPostgresHasSchemaMigration = "SELECT 1 WHERE to_regclass('schema_migration') IS NOT NULL";

constexpr std::size_t kMaxMigrations = 9999;

bool IsNameCharacter(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Reads the applied versions and checks they are exactly 1..current.
Result<int> CurrentVersion(Connection& connection) {
    auto rows = connection.Query(kSelectAppliedVersions);
    if (!rows) return tl::unexpected(rows.error());
    int expected = 1;
    for (const Row& row : *rows) {
        if (row.Int(0) != expected) {
            return Fail(ErrorCode::kConflict, "schema_migration lacks version " + std::to_string(expected) +
                                                  " below applied version " + std::to_string(row.Int(0)));
        }
        ++expected;
    }
    return expected - 1;
}

tl::unexpected<Error> NewerDatabase(int current, int latest) {
    return Fail(ErrorCode::kConflict, "database schema version " + std::to_string(current) +
                                          " is newer than this binary (latest " + std::to_string(latest) +
                                          "); upgrade enshu");
}

// Runs one migration inside the caller's write transaction.
Status ApplyMigration(Connection& connection, const Migration& migration,
                      const std::vector<EmbeddedFile>& reference_files) {
    const std::string label = "migration " + std::to_string(migration.version) + "_" + migration.name + ": ";
    const auto annotate = [&](Error error) {
        error.message = label + error.message;
        return tl::unexpected(std::move(error));
    };
    if (auto status = connection.ExecuteScript(migration.sql); !status) return annotate(status.error());
    const std::string now = FormatTimestamp(std::chrono::system_clock::now());
    if (const auto marker = FindReferenceDataMarker(migration.sql)) {
        if (auto status = LoadReferenceDatasets(connection, *marker, reference_files, now); !status) {
            return annotate(status.error());
        }
    }
    auto recorded = connection.Execute(kInsertMigration, {std::int64_t{migration.version}, migration.name, now});
    if (!recorded) return annotate(recorded.error());
    return Ok();
}

}  // namespace

Result<std::vector<Migration>> ParseMigrationList(const std::vector<EmbeddedFile>& files) {
    if (files.size() > kMaxMigrations) return Fail(ErrorCode::kInternal, "more than 9999 migrations", "migrations");
    std::vector<Migration> migrations;
    for (const EmbeddedFile& file : files) {
        const std::string_view name = file.name;
        const bool digits =
            name.size() > 9 && std::all_of(name.begin(), name.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
        const bool shape = digits && name[4] == '_' && name.substr(name.size() - 4) == ".sql" &&
                           std::all_of(name.begin() + 5, name.end() - 4, IsNameCharacter);
        if (!shape) {
            return Fail(ErrorCode::kInternal, "migration file '" + std::string(name) + "' is not named NNNN_name.sql",
                        "migrations");
        }
        migrations.push_back(Migration{std::stoi(std::string(name.substr(0, 4))),
                                       std::string(name.substr(5, name.size() - 9)), file.content});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const int expected = static_cast<int>(i) + 1;
        if (migrations[i].version != expected) {
            const bool duplicate = i > 0 && migrations[i].version == migrations[i - 1].version;
            return Fail(ErrorCode::kInternal,
                        duplicate ? "migration number " + std::to_string(migrations[i].version) + " is used twice"
                                  : "migration " + std::to_string(expected) + " is missing (next is " +
                                        std::to_string(migrations[i].version) + ")",
                        "migrations");
        }
    }
    return migrations;
}

Result<MigrationStatus> MigrateWith(Database& database, const std::vector<EmbeddedFile>& migration_files,
                                    const std::vector<EmbeddedFile>& reference_files) {
    auto migrations = ParseMigrationList(migration_files);
    if (!migrations) return tl::unexpected(migrations.error());
    MigrationStatus status;
    status.latest_version = static_cast<int>(migrations->size());
    bool first = true;
    // One write transaction per migration. Each re-reads the applied versions, so
    // two processes migrating the same file at once apply every migration once.
    while (true) {
        bool applied = false;
        const Status step = database.Write([&](Connection& connection) -> Status {
            if (auto created = connection.Execute(kCreateSchemaMigration); !created) {
                return tl::unexpected(created.error());
            }
            auto current = CurrentVersion(connection);
            if (!current) return tl::unexpected(current.error());
            if (first) {
                status.current_version = *current;
                first = false;
            }
            if (*current > status.latest_version) return NewerDatabase(*current, status.latest_version);
            if (*current == status.latest_version) return Ok();
            const Migration& next = (*migrations)[static_cast<std::size_t>(*current)];
            if (auto result = ApplyMigration(connection, next, reference_files); !result) return result;
            status.applied_now.push_back(next.version);
            applied = true;
            return Ok();
        });
        if (!step) return tl::unexpected(step.error());
        if (!applied) break;
    }
    status.current_version = status.applied_now.empty() ? status.current_version : status.applied_now.back();
    return status;
}

Result<MigrationStatus> InspectWith(Database& database, const std::vector<EmbeddedFile>& migration_files) {
    auto migrations = ParseMigrationList(migration_files);
    if (!migrations) return tl::unexpected(migrations.error());
    MigrationStatus status;
    status.latest_version = static_cast<int>(migrations->size());
    const std::string_view has_table =
        database.backend() == Backend::kSqlite ? kSqliteHasSchemaMigration : kPostgresHasSchemaMigration;
    const Status read = database.Read([&](Connection& connection) -> Status {
        auto exists = connection.QueryOne(has_table);
        if (!exists) return tl::unexpected(exists.error());
        if (!exists->has_value()) return Ok();
        auto current = CurrentVersion(connection);
        if (!current) return tl::unexpected(current.error());
        status.current_version = *current;
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return status;
}

Result<MigrationStatus> Migrate(Database& database) {
    return MigrateWith(database, EmbeddedMigrations(), EmbeddedReferenceData());
}

Result<MigrationStatus> InspectMigrations(Database& database) { return InspectWith(database, EmbeddedMigrations()); }

}  // namespace enshu::db
