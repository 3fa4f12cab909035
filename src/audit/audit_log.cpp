#include "audit/audit_log.hpp"

#include <string_view>
#include <utility>

namespace enshu::audit {
namespace {

constexpr std::string_view kInsertEntry =
    "INSERT INTO audit_log (exercise_id, actor_user_id, actor_label, action, entity_type, entity_id, "
    "before_summary, after_summary, request_id, remote_address, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

// The prefix filter compares the first length($2) characters, so '%' and '_' in the
// prefix are literal and the text is portable between SQLite and PostgreSQL.
constexpr std::string_view kCountEntries =
    "SELECT COUNT(*) FROM audit_log WHERE exercise_id = $1 "
    "AND ($2 = '' OR substr(action, 1, length(CAST($2 AS TEXT))) = $2)";

constexpr std::string_view kListEntries =
    "SELECT id, exercise_id, actor_user_id, actor_label, action, entity_type, entity_id, before_summary, "
    "after_summary, request_id, remote_address, created_at FROM audit_log WHERE exercise_id = $1 "
    "AND ($2 = '' OR substr(action, 1, length(CAST($2 AS TEXT))) = $2) "
    "ORDER BY id DESC LIMIT $3 OFFSET $4";

constexpr std::size_t kMaxActionLength = 100;
constexpr std::size_t kMaxEntityTypeLength = 100;
constexpr std::size_t kMaxEntityIdLength = 200;
constexpr std::size_t kMaxLabelLength = 200;
constexpr std::size_t kMaxRequestIdLength = 100;
constexpr std::size_t kMaxRemoteAddressLength = 100;
// A summary larger than this is replaced by {"truncated":true,"bytes":N} so that one
// bulk change cannot grow the table without bound.
constexpr std::size_t kMaxSummaryBytes = 64 * 1024;
constexpr int kMaxPage = 1'000'000;
constexpr int kMaxPageSize = 200;

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string Truncate(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

// Compact JSON text of a summary, or '' for null. Invalid UTF-8 is replaced, never thrown.
std::string SummaryText(const nlohmann::json& summary) {
    if (summary.is_null()) return {};
    std::string text = summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > kMaxSummaryBytes) {
        text = nlohmann::json{{"truncated", true}, {"bytes", text.size()}}.dump();
    }
    return text;
}

nlohmann::json ParseSummary(const std::string& text) {
    if (text.empty()) return nullptr;
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    // Text that is not JSON (written by hand or by an older version) is shown as a string.
    if (parsed.is_discarded()) return text;
    return parsed;
}

nlohmann::json OptionalIntJson(const std::optional<std::int64_t>& value) {
    if (value) return *value;
    return nullptr;
}

nlohmann::json EntryJson(const db::Row& row) {
    return {
        {"id", row.Int(0)},
        {"exercise_id", OptionalIntJson(row.OptionalInt(1))},
        {"actor_user_id", OptionalIntJson(row.OptionalInt(2))},
        {"actor_label", row.Text(3)},
        {"action", row.Text(4)},
        {"entity_type", row.Text(5)},
        {"entity_id", row.Text(6)},
        {"before", ParseSummary(row.Text(7))},
        {"after", ParseSummary(row.Text(8))},
        {"request_id", row.Text(9)},
        {"remote_address", row.Text(10)},
        {"created_at", row.Text(11)},
    };
}

db::Value OptionalIntValue(const std::optional<std::int64_t>& value) {
    if (value) return *value;
    return std::monostate{};
}

Status ValidateEntry(const AuditEntry& entry) {
    if (entry.action.empty() || entry.action.size() > kMaxActionLength) {
        return Fail(ErrorCode::kInternal, "audit action must be 1..100 bytes, got '" + entry.action + "'", "action");
    }
    if (entry.entity_type.empty() || entry.entity_type.size() > kMaxEntityTypeLength) {
        return Fail(ErrorCode::kInternal, "audit entity_type must be 1..100 bytes for action " + entry.action,
                    "entity_type");
    }
    return Ok();
}

}  // namespace

Status AuditLog::Append(db::Connection& connection, const Actor& actor, const AuditEntry& entry) const {
    if (auto valid = ValidateEntry(entry); !valid) return valid;
    const db::Params params = {
        OptionalIntValue(entry.exercise_id),
        OptionalIntValue(actor.user_id),
        Truncate(actor.label.empty() ? std::string_view("system") : std::string_view(actor.label), kMaxLabelLength),
        entry.action,
        entry.entity_type,
        Truncate(entry.entity_id, kMaxEntityIdLength),
        SummaryText(entry.before),
        SummaryText(entry.after),
        Truncate(actor.request_id, kMaxRequestIdLength),
        Truncate(actor.remote_address, kMaxRemoteAddressLength),
        FormatTimestamp(clock_.Now()),
    };
    auto inserted = connection.Execute(kInsertEntry, params);
    if (!inserted) return tl::unexpected(inserted.error());
    return Ok();
}

Result<AuditPage> AuditLog::List(db::Database& database, std::int64_t exercise_id, int page, int page_size,
                                 const std::string& action_prefix) const {
    if (page < 1 || page > kMaxPage) {
        return Fail(ErrorCode::kInvalidArgument, "page: must be 1..1000000, got " + std::to_string(page), "page");
    }
    if (page_size < 1 || page_size > kMaxPageSize) {
        return Fail(ErrorCode::kInvalidArgument, "page_size: must be 1..200, got " + std::to_string(page_size),
                    "page_size");
    }
    if (action_prefix.size() > kMaxActionLength) {
        return Fail(ErrorCode::kInvalidArgument, "action: at most 100 bytes", "action");
    }
    AuditPage result;
    result.items = nlohmann::json::array();
    const std::int64_t offset = static_cast<std::int64_t>(page - 1) * page_size;
    auto status = database.Read([&](db::Connection& connection) -> Status {
        auto count = connection.QueryOne(kCountEntries, {exercise_id, action_prefix});
        if (!count) return tl::unexpected(count.error());
        result.total = *count ? (*count)->Int(0) : 0;
        auto rows =
            connection.Query(kListEntries, {exercise_id, action_prefix, static_cast<std::int64_t>(page_size), offset});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) result.items.push_back(EntryJson(row));
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return result;
}

std::pair<nlohmann::json, nlohmann::json> ChangedFields(const nlohmann::json& before, const nlohmann::json& after) {
    nlohmann::json changed_before = nlohmann::json::object();
    nlohmann::json changed_after = nlohmann::json::object();
    if (!before.is_object() || !after.is_object()) {
        // Not field maps: the whole values, or two empty objects when they are equal.
        if (before == after) return {changed_before, changed_after};
        return {before, after};
    }
    for (const auto& [key, value] : before.items()) {
        const auto other = after.find(key);
        if (other == after.end()) {
            changed_before[key] = value;
            changed_after[key] = nullptr;
        } else if (*other != value) {
            changed_before[key] = value;
            changed_after[key] = *other;
        }
    }
    for (const auto& [key, value] : after.items()) {
        if (!before.contains(key)) {
            changed_before[key] = nullptr;
            changed_after[key] = value;
        }
    }
    return {changed_before, changed_after};
}

}  // namespace enshu::audit
