#include "db/sqlite_connection.hpp"

#include <sqlite3.h>

#include <charconv>
#include <string>

namespace enshu::db {

namespace {

constexpr std::size_t kSqlExcerptLength = 200;

// Skips whitespace, semicolons and comments; true when nothing else is left.
bool IsOnlyTrivia(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';') {
            ++i;
        } else if (text.substr(i, 2) == "--") {
            const auto end = text.find('\n', i);
            i = end == std::string_view::npos ? text.size() : end + 1;
        } else if (text.substr(i, 2) == "/*") {
            const auto end = text.find("*/", i + 2);
            if (end == std::string_view::npos) return false;
            i = end + 2;
        } else {
            return false;
        }
    }
    return true;
}

// Parses "$N" into N; 0 when the name has another form.
std::size_t ParameterNumber(const char* name) {
    if (name == nullptr || name[0] != '$') return 0;
    const std::string_view digits(name + 1);
    std::size_t number = 0;
    const auto [next, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error != std::errc() || next != digits.data() + digits.size()) return 0;
    return number;
}

// Resets a statement when the borrowing Query/Execute returns, so that the cache
// always holds idle statements without bindings.
class StatementReset {
  public:
    explicit StatementReset(sqlite3_stmt* statement) : statement_(statement) {}
    ~StatementReset() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    StatementReset(const StatementReset&) = delete;
    StatementReset& operator=(const StatementReset&) = delete;

  private:
    sqlite3_stmt* statement_;
};

Value ColumnValue(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_INTEGER:
            return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, column);
        case SQLITE_NULL:
            return std::monostate{};
        default: {
            // TEXT and BLOB: bytes as they are (text is UTF-8).
            const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
            const int length = sqlite3_column_bytes(statement, column);
            return bytes == nullptr ? std::string() : std::string(bytes, static_cast<std::size_t>(length));
        }
    }
}

}  // namespace

Error SqliteError(sqlite3* handle, int code, std::string_view sql) {
    const std::string message = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
    switch (code & 0xff) {
        case SQLITE_CONSTRAINT:
            return Error{ErrorCode::kConflict, message, {}};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error{ErrorCode::kUnavailable, "database is busy: " + message, {}};
        default:
            return Error{ErrorCode::kInternal,
                         "sqlite error " + std::to_string(code) + ": " + message +
                             " (SQL: " + std::string(sql.substr(0, kSqlExcerptLength)) + ")",
                         {}};
    }
}

SqliteConnection::SqliteConnection(sqlite3* handle) : handle_(handle) { sqlite3_extended_result_codes(handle_, 1); }

SqliteConnection::~SqliteConnection() {
    ClearCache();
    sqlite3_close_v2(handle_);
}

void SqliteConnection::ClearCache() {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    statements_.clear();
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql) {
    if (sql.size() > kMaxSqlLength) {
        return Fail(ErrorCode::kInvalidArgument, "SQL text is longer than 1 MiB", "sql");
    }
    const std::string key(sql);
    if (const auto found = statements_.find(key); found != statements_.end()) return found->second;

    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v3(handle_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                                        &statement, &tail);
    if (code != SQLITE_OK) return tl::unexpected(SqliteError(handle_, code, sql));
    if (statement == nullptr) {
        return Fail(ErrorCode::kInternal, "SQL contains no statement: " + key.substr(0, kSqlExcerptLength), "sql");
    }
    if (!IsOnlyTrivia(std::string_view(tail))) {
        sqlite3_finalize(statement);
        return Fail(ErrorCode::kInternal,
                    "Query/Execute take one statement (use ExecuteScript): " + key.substr(0, kSqlExcerptLength), "sql");
    }
    if (statements_.size() >= kStatementCacheCapacity) ClearCache();
    statements_.emplace(key, statement);
    return statement;
}

Status SqliteConnection::Bind(sqlite3_stmt* statement, std::string_view sql, const Params& params) {
    const auto excerpt = [&] { return std::string(sql.substr(0, kSqlExcerptLength)); };
    if (params.size() > kMaxParameters) {
        return Fail(ErrorCode::kInvalidArgument, "more than 999 parameter values", "params");
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const std::string name = "$" + std::to_string(i + 1);
        const int index = sqlite3_bind_parameter_index(statement, name.c_str());
        if (index == 0) {
            return Fail(ErrorCode::kInternal, "value for " + name + " is not used by the SQL: " + excerpt(), name);
        }
        const Value& value = params[i];
        int code = SQLITE_OK;
        if (std::holds_alternative<std::monostate>(value)) {
            code = sqlite3_bind_null(statement, index);
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            code = sqlite3_bind_int64(statement, index, *integer);
        } else if (const auto* real = std::get_if<double>(&value)) {
            code = sqlite3_bind_double(statement, index, *real);
        } else {
            const auto& text = std::get<std::string>(value);
            if (text.size() > kMaxValueLength) {
                return Fail(ErrorCode::kInvalidArgument, "value for " + name + " is longer than 64 MiB", name);
            }
            code = sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        if (code != SQLITE_OK) return tl::unexpected(SqliteError(handle_, code, sql));
    }
    const int count = sqlite3_bind_parameter_count(statement);
    for (int index = 1; index <= count; ++index) {
        const char* name = sqlite3_bind_parameter_name(statement, index);
        const std::size_t number = ParameterNumber(name);
        if (number == 0) {
            return Fail(
                ErrorCode::kInternal,
                std::string("placeholder ") + (name != nullptr ? name : "?") + " is not of the form $N: " + excerpt(),
                "sql");
        }
        if (number > params.size()) {
            return Fail(ErrorCode::kInternal,
                        std::string("SQL uses ") + name + " but only " + std::to_string(params.size()) +
                            " values were given: " + excerpt(),
                        name);
        }
    }
    return Ok();
}

Status SqliteConnection::Run(sqlite3_stmt* statement, std::string_view sql, Rows* rows) {
    const int columns = sqlite3_column_count(statement);
    while (true) {
        const int code = sqlite3_step(statement);
        if (code == SQLITE_DONE) return Ok();
        if (code != SQLITE_ROW) return tl::unexpected(SqliteError(handle_, code, sql));
        if (rows == nullptr) continue;
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int column = 0; column < columns; ++column) values.push_back(ColumnValue(statement, column));
        rows->emplace_back(std::move(values));
    }
}

Result<Rows> SqliteConnection::Query(std::string_view sql, const Params& params) {
    auto statement = Prepare(sql);
    if (!statement) return tl::unexpected(statement.error());
    StatementReset reset(*statement);
    if (auto bound = Bind(*statement, sql, params); !bound) return tl::unexpected(bound.error());
    Rows rows;
    if (auto ran = Run(*statement, sql, &rows); !ran) return tl::unexpected(ran.error());
    return rows;
}

Result<std::int64_t> SqliteConnection::Execute(std::string_view sql, const Params& params) {
    auto statement = Prepare(sql);
    if (!statement) return tl::unexpected(statement.error());
    StatementReset reset(*statement);
    if (auto bound = Bind(*statement, sql, params); !bound) return tl::unexpected(bound.error());
    if (auto ran = Run(*statement, sql, nullptr); !ran) return tl::unexpected(ran.error());
    return static_cast<std::int64_t>(sqlite3_changes64(handle_));
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
    if (sql.size() > kMaxSqlLength) return Fail(ErrorCode::kInvalidArgument, "SQL script is longer than 1 MiB", "sql");
    const std::string script(sql);
    char* message = nullptr;
    const int code = sqlite3_exec(handle_, script.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);  // sqlite3_errmsg(handle_) still holds the same text
    if (code != SQLITE_OK) return tl::unexpected(SqliteError(handle_, code, sql));
    return Ok();
}

}  // namespace enshu::db
