#pragma once

// Private to src/db: the SQLite backend of Database. Callers use OpenDatabase()
// (db/database.hpp), which dispatches here.

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/database.hpp"
#include "db/sqlite_connection.hpp"

namespace enshu::db {

// Opens (creating if missing, with its parent directory) the SQLite file at
// `path` in WAL mode. Errors: kUnavailable when the directory or the file cannot
// be created or opened.
Result<std::unique_ptr<Database>> OpenSqliteFile(const std::string& path, const DatabaseOptions& options);

// Opens a fresh in-memory database that only this Database sees. It uses a
// uniquely named database of SQLite's "memdb" VFS so that the writer and every
// reader connection share the same data; it lives as long as the Database (the
// writer connection stays open for that whole time). memdb has no WAL: a reader
// waits (up to busy_timeout_ms) while a write transaction is open.
Result<std::unique_ptr<Database>> OpenSqliteInMemory(const DatabaseOptions& options);

// Shared state and how it is protected:
// - writer_ is used only while write_mutex_ is held (Write() and the Ping() probe
//   never touch it without the lock); writer_thread_ records the holder so that a
//   nested Write() from the same thread fails instead of deadlocking.
// - readers_ is immutable after construction; free_readers_ is guarded by
//   pool_mutex_ and reader_returned_ signals when a reader goes back to it.
// - readers_in_use_ and writer_in_use_ are atomics read by PoolUsage() without locks.
class SqliteDatabase final : public Database {
  public:
    SqliteDatabase(std::unique_ptr<SqliteConnection> writer, std::vector<std::unique_ptr<SqliteConnection>> readers,
                   int busy_timeout_ms);

    Backend backend() const override { return Backend::kSqlite; }
    // Read: a deferred transaction on a reader (which has PRAGMA query_only=ON, so
    // writing fails with kInternal). Waits up to the busy timeout for a free reader,
    // then answers kUnavailable.
    Status Read(const std::function<Status(Connection&)>& work) override;
    // Write: BEGIN IMMEDIATE on the single writer; COMMIT when `work` succeeds,
    // ROLLBACK when it fails or throws (the exception is rethrown). A nested Write()
    // from inside `work` answers kInternal.
    Status Write(const std::function<Status(Connection&)>& work) override;
    bool Ping() override;
    std::pair<int, int> PoolUsage() const override;

  private:
    Result<SqliteConnection*> AcquireReader();
    void ReleaseReader(SqliteConnection* reader);

    std::unique_ptr<SqliteConnection> writer_;
    std::mutex write_mutex_;
    std::atomic<std::thread::id> writer_thread_{};
    std::atomic<int> writer_in_use_{0};

    std::vector<std::unique_ptr<SqliteConnection>> readers_;
    std::vector<SqliteConnection*> free_readers_;
    std::mutex pool_mutex_;
    std::condition_variable reader_returned_;
    std::atomic<int> readers_in_use_{0};
    int busy_timeout_ms_;
};

}  // namespace enshu::db
