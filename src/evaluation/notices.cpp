#include "evaluation/notices.hpp"

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSelectNotices =
    "SELECT id, kind, params, created_at, dismissed_at FROM notice WHERE exercise_id = $1 AND organisation_id = $2 "
    "AND dismissed_at IS NULL ORDER BY id DESC LIMIT 50";
constexpr std::string_view kSelectNotice =
    "SELECT id, kind, params, created_at, dismissed_at FROM notice WHERE id = $1 AND exercise_id = $2 "
    "AND organisation_id = $3";
constexpr std::string_view kDismissNotice =
    "UPDATE notice SET dismissed_at = $2 WHERE id = $1 AND dismissed_at IS NULL";

Notice NoticeOf(const db::Row& row) {
    Notice notice;
    notice.id = row.Int(0);
    notice.kind = row.Text(1);
    notice.params = nlohmann::json::parse(row.Text(2), nullptr, false);
    if (notice.params.is_discarded() || !notice.params.is_object()) notice.params = nlohmann::json::object();
    notice.created_at = row.Text(3);
    notice.dismissed_at = row.OptionalText(4);
    return notice;
}

}  // namespace

nlohmann::json NoticeJson(const Notice& notice) {
    return {{"id", notice.id},
            {"kind", notice.kind},
            {"params", notice.params},
            {"created_at", notice.created_at},
            {"dismissed_at", notice.dismissed_at ? nlohmann::json(*notice.dismissed_at) : nlohmann::json(nullptr)}};
}

Result<std::vector<Notice>> ListNotices(db::Database& database, std::int64_t exercise_id,
                                        std::int64_t organisation_id) {
    std::vector<Notice> notices;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kSelectNotices, {exercise_id, organisation_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) notices.push_back(NoticeOf(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return notices;
}

Result<Notice> DismissNotice(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                             std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t notice_id,
                             const audit::Actor& actor) {
    Notice notice;
    auto written = database.Write([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectNotice, {notice_id, exercise_id, organisation_id});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kNotFound, "no such notice", "notice_id");
        auto changed = connection.Execute(kDismissNotice, {notice_id, FormatTimestamp(clock.Now())});
        if (!changed) return tl::unexpected(changed.error());
        auto after = connection.QueryOne(kSelectNotice, {notice_id, exercise_id, organisation_id});
        if (!after) return tl::unexpected(after.error());
        notice = NoticeOf(**after);
        if (*changed == 0) return Ok();
        audit::AuditEntry entry{exercise_id, "notice.dismiss",
                                "notice",    std::to_string(notice_id),
                                nullptr,     {{"organisation_id", organisation_id}, {"kind", notice.kind}}};
        return audit.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return notice;
}

}  // namespace enshu::evaluation
