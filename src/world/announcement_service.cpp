#include "world/announcement_service.hpp"

#include <chrono>

#include "io/text.hpp"

namespace enshu::world {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO announcement (exercise_id, message_ja, message_en, severity, expires_at_us, created_by, "
    "created_by_name, created_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kSelectOne =
    "SELECT id, exercise_id, message_ja, message_en, severity, expires_at_us, created_by_name, created_at_us, "
    "withdrawn_at_us FROM announcement WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kSelectAll =
    "SELECT id, exercise_id, message_ja, message_en, severity, expires_at_us, created_by_name, created_at_us, "
    "withdrawn_at_us FROM announcement WHERE exercise_id = $1 ORDER BY id DESC LIMIT 200";
constexpr std::string_view kSelectActive =
    "SELECT id, exercise_id, message_ja, message_en, severity, expires_at_us, created_by_name, created_at_us, "
    "withdrawn_at_us FROM announcement WHERE exercise_id = $1 AND withdrawn_at_us IS NULL "
    "AND (expires_at_us IS NULL OR expires_at_us > $2) ORDER BY id DESC LIMIT 200";
constexpr std::string_view kWithdraw =
    "UPDATE announcement SET withdrawn_at_us = $1 WHERE id = $2 AND exercise_id = $3 AND withdrawn_at_us IS NULL";

Announcement FromRow(const db::Row& row) {
    Announcement a;
    a.id = row.Int(0);
    a.exercise_id = row.Int(1);
    a.message_ja = row.Text(2);
    a.message_en = row.Text(3);
    a.severity = row.Text(4);
    if (!row.IsNull(5)) a.expires_at_us = row.Int(5);
    a.created_by_name = row.Text(6);
    a.created_at_us = row.Int(7);
    if (!row.IsNull(8)) a.withdrawn_at_us = row.Int(8);
    return a;
}

nlohmann::json OptionalInt(const std::optional<std::int64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string Dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool Announcement::ActiveAt(std::int64_t now_us) const {
    return !withdrawn_at_us && (!expires_at_us || *expires_at_us > now_us);
}

nlohmann::json AnnouncementJson(const Announcement& a, std::int64_t now_us) {
    return {{"id", a.id},
            {"message", {{"ja", a.message_ja}, {"en", a.message_en}}},
            {"severity", a.severity},
            {"expires_at_us", OptionalInt(a.expires_at_us)},
            {"created_by", a.created_by_name},
            {"created_at_us", a.created_at_us},
            {"withdrawn_at_us", OptionalInt(a.withdrawn_at_us)},
            {"active", a.ActiveAt(now_us)}};
}

Status ValidateAnnouncement(const AnnouncementInput& input) {
    if (input.message_ja.empty()) return Fail(ErrorCode::kInvalidArgument, "message.ja is required", "message.ja");
    if (!io::IsValidUtf8(input.message_ja) || !io::IsValidUtf8(input.message_en)) {
        return Fail(ErrorCode::kInvalidArgument, "message: must be valid UTF-8", "message.ja");
    }
    if (io::CharacterCount(input.message_ja) > kMaxAnnouncementCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "message.ja exceeds 1000 characters", "message.ja");
    }
    if (io::CharacterCount(input.message_en) > kMaxAnnouncementCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "message.en exceeds 1000 characters", "message.en");
    }
    if (input.severity != "info" && input.severity != "warning" && input.severity != "critical") {
        return Fail(ErrorCode::kInvalidArgument, "severity: must be info, warning or critical", "severity");
    }
    if (input.expires_in_minutes &&
        (*input.expires_in_minutes < 1 || *input.expires_in_minutes > kMaxAnnouncementMinutes)) {
        return Fail(ErrorCode::kInvalidArgument, "expires_in_minutes: must be 1..1440 (or null: until withdrawn)",
                    "expires_in_minutes");
    }
    return Ok();
}

AnnouncementService::AnnouncementService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                         const live::EventLog& events)
    : database_(database), clock_(clock), audit_(audit), events_(events) {}

std::int64_t AnnouncementService::NowUs() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(clock_.Now().time_since_epoch()).count();
}

Result<Announcement> AnnouncementService::Post(std::int64_t exercise_id, const AnnouncementInput& input,
                                               const std::string& author, std::optional<std::int64_t> author_user_id,
                                               const audit::Actor& actor) {
    if (auto valid = ValidateAnnouncement(input); !valid) return tl::unexpected(valid.error());
    Announcement announcement;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        const std::int64_t now_us = NowUs();
        announcement.exercise_id = exercise_id;
        announcement.message_ja = input.message_ja;
        announcement.message_en = input.message_en;
        announcement.severity = input.severity;
        announcement.created_by_name = author;
        announcement.created_at_us = now_us;
        if (input.expires_in_minutes) {
            announcement.expires_at_us = now_us + std::int64_t{*input.expires_in_minutes} * 60'000'000;
        }
        db::Value expires = announcement.expires_at_us ? db::Value(*announcement.expires_at_us) : db::Value();
        db::Value creator = author_user_id ? db::Value(*author_user_id) : db::Value();
        auto inserted = connection.QueryOne(kInsert, {exercise_id, input.message_ja, input.message_en, input.severity,
                                                      expires, creator, author, now_us});
        if (!inserted) return tl::unexpected(inserted.error());
        if (!*inserted) return Fail(ErrorCode::kInternal, "announcement insert returned no id");
        announcement.id = (*inserted)->Int(0);
        const nlohmann::json json = AnnouncementJson(announcement, now_us);
        live::LiveEvent event;
        event.exercise_id = exercise_id;
        event.type = "announcement.posted";
        event.audience.everyone = true;
        event.released_at_us = now_us;
        event.payload_json = Dump(json);
        if (auto appended = events_.Append(connection, event); !appended) return appended;
        return audit_.Append(connection, actor,
                             audit::AuditEntry{exercise_id, "announcement.create", "announcement",
                                               std::to_string(announcement.id), nullptr, json});
    });
    if (!written) return tl::unexpected(written.error());
    return announcement;
}

Result<Announcement> AnnouncementService::Withdraw(std::int64_t exercise_id, std::int64_t announcement_id,
                                                   const audit::Actor& actor) {
    Announcement announcement;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectOne, {announcement_id, exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kNotFound, "no such announcement", "announcement_id");
        announcement = FromRow(**row);
        if (announcement.withdrawn_at_us) return Ok();
        const std::int64_t now_us = NowUs();
        auto changed = connection.Execute(kWithdraw, {now_us, announcement_id, exercise_id});
        if (!changed) return tl::unexpected(changed.error());
        announcement.withdrawn_at_us = now_us;
        live::LiveEvent event;
        event.exercise_id = exercise_id;
        event.type = "announcement.withdrawn";
        event.audience.everyone = true;
        event.released_at_us = now_us;
        event.payload_json = Dump({{"id", announcement_id}});
        if (auto appended = events_.Append(connection, event); !appended) return appended;
        return audit_.Append(connection, actor,
                             audit::AuditEntry{exercise_id,
                                               "announcement.withdraw",
                                               "announcement",
                                               std::to_string(announcement_id),
                                               {{"withdrawn_at_us", nullptr}},
                                               {{"withdrawn_at_us", now_us}}});
    });
    if (!written) return tl::unexpected(written.error());
    return announcement;
}

Result<std::vector<Announcement>> AnnouncementService::List(std::int64_t exercise_id, bool include_inactive) {
    std::vector<Announcement> items;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = include_inactive ? connection.Query(kSelectAll, {exercise_id})
                                     : connection.Query(kSelectActive, {exercise_id, NowUs()});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) items.push_back(FromRow(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return items;
}

}  // namespace enshu::world
