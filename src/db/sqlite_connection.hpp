#pragma once

// Private to src/db: the SQLite implementation of Connection. Only .cpp files of
// src/db include sqlite3.h; this header forward-declares the handle types.
//
// Threading: a SqliteConnection is used by one thread at a time. SqliteDatabase
// guarantees that (the writer behind a mutex, readers handed out from a pool).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "db/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace enshu::db {

class SqliteConnection final : public Connection {
  public:
    // Takes ownership of `handle` (closed in the destructor).
    explicit SqliteConnection(sqlite3* handle);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Result<Rows> Query(std::string_view sql, const Params& params = {}) override;
    Result<std::int64_t> Execute(std::string_view sql, const Params& params = {}) override;
    Status ExecuteScript(std::string_view sql) override;

    sqlite3* handle() const { return handle_; }

    // Limits on what callers may pass: longer SQL or values answer kInvalidArgument.
    static constexpr std::size_t kMaxSqlLength = 1 << 20;     // 1 MiB of SQL text
    static constexpr std::size_t kMaxValueLength = 64 << 20;  // 64 MiB per text value
    static constexpr std::size_t kMaxParameters = 999;
    static constexpr std::size_t kStatementCacheCapacity = 128;

  private:
    // A prepared statement from the cache (or freshly prepared), reset and with
    // all bindings cleared. The cache owns it.
    Result<sqlite3_stmt*> Prepare(std::string_view sql);
    // Binds params[i] to the parameter named "$<i+1>"; every parameter the SQL uses
    // must get a value and every value must be used.
    Status Bind(sqlite3_stmt* statement, std::string_view sql, const Params& params);
    // Steps to completion; collects rows when `rows` is not null.
    Status Run(sqlite3_stmt* statement, std::string_view sql, Rows* rows);
    void ClearCache();

    sqlite3* handle_;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// The error for SQLite result code `code` (primary or extended) on `handle`:
// constraint violations are kConflict with SQLite's message, busy/locked are
// kUnavailable, anything else is kInternal with the message and the first 200
// characters of `sql`.
Error SqliteError(sqlite3* handle, int code, std::string_view sql);

}  // namespace enshu::db
