#include "db/sqlite_database.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace enshu::db {

namespace {

enum class ConnectionRole { kWriter, kReader };
enum class Storage { kFile, kMemory };

constexpr std::string_view kBegin = "BEGIN";
constexpr std::string_view kBeginImmediate = "BEGIN IMMEDIATE";
constexpr std::string_view kCommit = "COMMIT";
constexpr std::string_view kRollback = "ROLLBACK";

// Rolls back the connection's open transaction, if any. Used on failure paths,
// where the original error matters more than a failing rollback.
void RollbackIfOpen(SqliteConnection& connection) {
    if (sqlite3_get_autocommit(connection.handle()) == 0) (void)connection.ExecuteScript(kRollback);
}

Status ApplyPragma(SqliteConnection& connection, std::string_view pragma) { return connection.ExecuteScript(pragma); }

// Opens one connection and applies the pragmas of its role:
// foreign_keys=ON and busy_timeout everywhere; journal_mode=WAL and
// synchronous=NORMAL on files; query_only=ON on readers.
Result<std::unique_ptr<SqliteConnection>> OpenConnection(const std::string& filename, Storage storage,
                                                         ConnectionRole role, const DatabaseOptions& options) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (storage == Storage::kMemory) flags |= SQLITE_OPEN_URI;
    sqlite3* handle = nullptr;
    const int code = sqlite3_open_v2(filename.c_str(), &handle, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string message = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
        sqlite3_close_v2(handle);
        return Fail(ErrorCode::kUnavailable, "cannot open database '" + filename + "': " + message, "database_url");
    }
    auto connection = std::make_unique<SqliteConnection>(handle);
    sqlite3_busy_timeout(handle, options.busy_timeout_ms);
    if (auto status = ApplyPragma(*connection, "PRAGMA foreign_keys = ON"); !status) {
        return tl::unexpected(status.error());
    }
    if (storage == Storage::kFile) {
        if (role == ConnectionRole::kWriter) {
            auto mode = connection->Query("PRAGMA journal_mode = WAL");
            if (!mode) return tl::unexpected(mode.error());
            if (mode->empty() || mode->front().Text(0) != "wal") {
                return Fail(ErrorCode::kUnavailable, "database '" + filename + "' cannot use WAL journal mode",
                            "database_url");
            }
        }
        if (auto status = ApplyPragma(*connection, "PRAGMA synchronous = NORMAL"); !status) {
            return tl::unexpected(status.error());
        }
    }
    if (role == ConnectionRole::kReader) {
        if (auto status = ApplyPragma(*connection, "PRAGMA query_only = ON"); !status) {
            return tl::unexpected(status.error());
        }
    }
    return connection;
}

Result<std::unique_ptr<Database>> OpenPool(const std::string& filename, Storage storage,
                                           const DatabaseOptions& options) {
    // The writer first: it creates the file and switches it to WAL before readers attach.
    auto writer = OpenConnection(filename, storage, ConnectionRole::kWriter, options);
    if (!writer) return tl::unexpected(writer.error());
    std::vector<std::unique_ptr<SqliteConnection>> readers;
    for (int i = 0; i < options.reader_connections; ++i) {
        auto reader = OpenConnection(filename, storage, ConnectionRole::kReader, options);
        if (!reader) return tl::unexpected(reader.error());
        readers.push_back(std::move(*reader));
    }
    return std::unique_ptr<Database>(
        std::make_unique<SqliteDatabase>(std::move(*writer), std::move(readers), options.busy_timeout_ms));
}

// "/enshu-<pid>-<sequence>-<random>": unique within the process (sequence) and
// not guessable by another Database of the same process (random).
std::string UniqueMemoryName() {
    static std::atomic<std::uint64_t> sequence{0};
    std::random_device random;
    return "/enshu-" + std::to_string(::getpid()) + "-" + std::to_string(++sequence) + "-" + std::to_string(random());
}

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteFile(const std::string& path, const DatabaseOptions& options) {
    const std::filesystem::path file(path);
    if (file.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(file.parent_path(), error);
        if (error) {
            return Fail(ErrorCode::kUnavailable,
                        "cannot create directory '" + file.parent_path().string() + "': " + error.message(),
                        "database_url");
        }
    }
    return OpenPool(path, Storage::kFile, options);
}

Result<std::unique_ptr<Database>> OpenSqliteInMemory(const DatabaseOptions& options) {
    return OpenPool("file:" + UniqueMemoryName() + "?vfs=memdb", Storage::kMemory, options);
}

SqliteDatabase::SqliteDatabase(std::unique_ptr<SqliteConnection> writer,
                               std::vector<std::unique_ptr<SqliteConnection>> readers, int busy_timeout_ms)
    : writer_(std::move(writer)), readers_(std::move(readers)), busy_timeout_ms_(busy_timeout_ms) {
    for (auto& reader : readers_) free_readers_.push_back(reader.get());
}

Result<SqliteConnection*> SqliteDatabase::AcquireReader() {
    std::unique_lock lock(pool_mutex_);
    const bool available = reader_returned_.wait_for(lock, std::chrono::milliseconds(busy_timeout_ms_),
                                                     [this] { return !free_readers_.empty(); });
    if (!available) {
        return Fail(ErrorCode::kUnavailable,
                    "all " + std::to_string(readers_.size()) + " database reader connections are busy");
    }
    SqliteConnection* reader = free_readers_.back();
    free_readers_.pop_back();
    ++readers_in_use_;
    return reader;
}

void SqliteDatabase::ReleaseReader(SqliteConnection* reader) {
    {
        std::lock_guard lock(pool_mutex_);
        free_readers_.push_back(reader);
        --readers_in_use_;
    }
    reader_returned_.notify_one();
}

Status SqliteDatabase::Read(const std::function<Status(Connection&)>& work) {
    auto acquired = AcquireReader();
    if (!acquired) return tl::unexpected(acquired.error());
    SqliteConnection& reader = **acquired;
    // Returns the reader to the pool on every path, exceptions included.
    struct Release {
        SqliteDatabase* database;
        SqliteConnection* reader;
        ~Release() {
            reader->TakeAfterCommit();  // callbacks registered in a read are dropped
            RollbackIfOpen(*reader);
            database->ReleaseReader(reader);
        }
    } release{this, &reader};

    if (auto begun = reader.ExecuteScript(kBegin); !begun) return begun;
    Status status = work(reader);
    if (!status) return status;  // Release rolls back
    return reader.ExecuteScript(kCommit);
}

Status SqliteDatabase::Write(const std::function<Status(Connection&)>& work) {
    if (writer_thread_.load() == std::this_thread::get_id()) {
        return Fail(ErrorCode::kInternal, "Database::Write called inside a Write callback");
    }
    std::lock_guard lock(write_mutex_);
    writer_thread_ = std::this_thread::get_id();
    writer_in_use_ = 1;
    struct Release {
        SqliteDatabase* database;
        ~Release() {
            database->writer_->TakeAfterCommit();  // dropped on rollback (no-op after commit)
            RollbackIfOpen(*database->writer_);
            database->writer_in_use_ = 0;
            database->writer_thread_ = std::thread::id();
        }
    } release{this};

    writer_->TakeAfterCommit();  // nothing left from an earlier failed transaction
    if (auto begun = writer_->ExecuteScript(kBeginImmediate); !begun) return begun;
    Status status = work(*writer_);  // an exception propagates; Release rolls back
    if (!status) {
        writer_->TakeAfterCommit();
        return status;
    }
    if (auto committed = writer_->ExecuteScript(kCommit); !committed) {
        writer_->TakeAfterCommit();
        return committed;  // Release rolls back
    }
    // Still under write_mutex_: callbacks of successive transactions run in commit order.
    for (auto& callback : writer_->TakeAfterCommit()) callback();
    return Ok();
}

bool SqliteDatabase::Ping() {
    bool answered = false;
    const Status status = Read([&](Connection& connection) -> Status {
        auto row = connection.QueryOne("SELECT 1");
        if (!row) return tl::unexpected(row.error());
        answered = row->has_value() && (*row)->Int(0) == 1;
        return Ok();
    });
    return status.has_value() && answered;
}

std::pair<int, int> SqliteDatabase::PoolUsage() const {
    return {readers_in_use_.load() + writer_in_use_.load(), static_cast<int>(readers_.size()) + 1};
}

}  // namespace enshu::db
