#pragma once

// The storage layer: a thin Database / Connection / Transaction interface that the
// SQLite backend implements now and a PostgreSQL backend will implement later
// without changing callers.
//
// SQL is written once with `$1..$n` placeholders (SQLite binds them by name, libpq
// natively). Values are always bound, never concatenated into SQL. Use
// `INSERT ... RETURNING id` to learn generated keys (both backends support it).
//
// Threading: a Database is shared by all threads. Read() and Write() borrow a
// connection for the duration of the callback; SQLite has one writer connection
// (writes are serialised) and a pool of reader connections (WAL). Callbacks must not
// keep the Connection after they return. All calls block: run them off the network
// threads (api handlers already run on the worker pool).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace enshu::db {

// A bound parameter or a column value. std::monostate is SQL NULL.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

// One result row; columns are addressed by index (0-based) in SELECT order.
class Row {
public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
    std::size_t size() const { return values_.size(); }
    bool IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
    // Integer column; NULL reads as 0. A text column holding digits is parsed.
    std::int64_t Int(std::size_t i) const;
    double Real(std::size_t i) const;
    // Text column; NULL reads as "". Integers are formatted in decimal.
    std::string Text(std::size_t i) const;
    std::optional<std::string> OptionalText(std::size_t i) const;
    std::optional<std::int64_t> OptionalInt(std::size_t i) const;
    const Value& at(std::size_t i) const { return values_.at(i); }

private:
    std::vector<Value> values_;
};

using Rows = std::vector<Row>;

// A connection borrowed inside Read() or Write(). Errors: kConflict for a
// uniqueness/foreign-key violation, kUnavailable when the database is busy beyond
// the busy timeout or unreachable, kInternal for SQL errors (bugs).
class Connection {
public:
    virtual ~Connection() = default;
    virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
    // First row or std::nullopt.
    Result<std::optional<Row>> QueryOne(std::string_view sql, const Params& params = {});
    // Runs a statement; returns the number of rows changed.
    virtual Result<std::int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
    // Runs several statements without parameters (migrations).
    virtual Status ExecuteScript(std::string_view sql) = 0;
    // Registers `callback` to run once the surrounding Write() transaction has
    // committed, in registration order, before the next write transaction can begin
    // (so callbacks of successive transactions run in commit order). Dropped if the
    // transaction rolls back. Callbacks must be quick and must not call Write().
    // Only valid inside Write(); inside Read() the callback is dropped.
    void AfterCommit(std::function<void()> callback) { after_commit_.push_back(std::move(callback)); }
    // Used by backends: takes the registered callbacks (clearing them).
    std::vector<std::function<void()>> TakeAfterCommit() { return std::exchange(after_commit_, {}); }

private:
    std::vector<std::function<void()>> after_commit_;
};

enum class Backend { kSqlite, kPostgres };

class Database {
public:
    virtual ~Database() = default;
    virtual Backend backend() const = 0;
    // Runs `work` in a read-only transaction on a reader connection.
    virtual Status Read(const std::function<Status(Connection&)>& work) = 0;
    // Runs `work` in a write transaction; commits if it returns success, rolls back
    // otherwise (and on exception). Writes are serialised.
    virtual Status Write(const std::function<Status(Connection&)>& work) = 0;
    // True when a trivial query succeeds (used by /readyz).
    virtual bool Ping() = 0;
    // Connections in use / total, for /metrics.
    virtual std::pair<int, int> PoolUsage() const = 0;
};

struct DatabaseOptions {
    int reader_connections = 4;
    int busy_timeout_ms = 5000;
};

// Opens the database named by `url`: a file path, `sqlite://PATH`, or `:memory:`
// (a shared in-memory database for tests). `postgresql://` is recognised and
// answered with kInvalidArgument until that backend exists. The parent directory
// of a SQLite file is created if missing.
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, const DatabaseOptions& options = {});

}  // namespace enshu::db
