#include "db/database.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "db/sqlite_database.hpp"

namespace enshu::db {

namespace {

constexpr std::size_t kMaxUrlLength = 4096;

// Parses a whole string as a decimal integer; 0 when it is not one.
std::int64_t ParseInteger(const std::string& text) {
    std::int64_t value = 0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const auto [next, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || next != end) return 0;
    return value;
}

// Shortest text that reads back as the same double ("2.5", "0.1").
std::string FormatReal(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

std::int64_t Row::Int(std::size_t i) const {
    const Value& value = values_.at(i);
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
    if (const auto* real = std::get_if<double>(&value)) return static_cast<std::int64_t>(std::llround(*real));
    if (const auto* text = std::get_if<std::string>(&value)) return ParseInteger(*text);
    return 0;
}

double Row::Real(std::size_t i) const {
    const Value& value = values_.at(i);
    if (const auto* real = std::get_if<double>(&value)) return *real;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
    if (const auto* text = std::get_if<std::string>(&value)) {
        try {
            std::size_t consumed = 0;
            const double parsed = std::stod(*text, &consumed);
            return consumed == text->size() ? parsed : 0.0;
        } catch (const std::exception&) {
            return 0.0;
        }
    }
    return 0.0;
}

std::string Row::Text(std::size_t i) const {
    const Value& value = values_.at(i);
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
    if (const auto* real = std::get_if<double>(&value)) return FormatReal(*real);
    return {};
}

std::optional<std::string> Row::OptionalText(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Text(i);
}

std::optional<std::int64_t> Row::OptionalInt(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
}

Result<std::optional<Row>> Connection::QueryOne(std::string_view sql, const Params& params) {
    auto rows = Query(sql, params);
    if (!rows) return tl::unexpected(rows.error());
    if (rows->empty()) return std::optional<Row>();
    return std::optional<Row>(std::move(rows->front()));
}

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, const DatabaseOptions& options) {
    if (url.empty()) return Fail(ErrorCode::kInvalidArgument, "database url is empty", "database_url");
    if (url.size() > kMaxUrlLength) {
        return Fail(ErrorCode::kInvalidArgument, "database url is longer than 4096 characters", "database_url");
    }
    if (options.reader_connections < 1 || options.reader_connections > 64) {
        return Fail(ErrorCode::kInvalidArgument, "reader_connections must be between 1 and 64", "reader_connections");
    }
    if (options.busy_timeout_ms < 0 || options.busy_timeout_ms > 600000) {
        return Fail(ErrorCode::kInvalidArgument, "busy_timeout_ms must be between 0 and 600000", "busy_timeout_ms");
    }
    if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
        return Fail(ErrorCode::kInvalidArgument, "PostgreSQL backend is not available in this build", "database_url");
    }
    std::string_view location = url;
    if (StartsWith(url, "sqlite://")) {
        location.remove_prefix(std::string_view("sqlite://").size());
    } else if (url.find("://") != std::string_view::npos) {
        return Fail(ErrorCode::kInvalidArgument, "unknown database url scheme (use a path, sqlite:// or :memory:)",
                    "database_url");
    }
    if (location.empty()) return Fail(ErrorCode::kInvalidArgument, "sqlite url names no file", "database_url");
    if (location == ":memory:") return OpenSqliteInMemory(options);
    return OpenSqliteFile(std::string(location), options);
}

}  // namespace enshu::db
