#pragma once

// In-app notices on an organisation's home page (table notice): reminders sent by the
// organiser. The UI translates `kind` and fills in `params`. Thread-safe: no state.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace enshu::evaluation {

struct Notice {
    std::int64_t id = 0;
    std::string kind;
    nlohmann::json params = nlohmann::json::object();
    std::string created_at;
    std::optional<std::string> dismissed_at;
};

nlohmann::json NoticeJson(const Notice& notice);

// The organisation's notices not dismissed, newest first (at most 50).
Result<std::vector<Notice>> ListNotices(db::Database& database, std::int64_t exercise_id, std::int64_t organisation_id);

// Marks a notice dismissed, audited "notice.dismiss". kNotFound "notice_id" when the
// notice is not the organisation's; dismissing twice keeps the first time.
Result<Notice> DismissNotice(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                             std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t notice_id,
                             const audit::Actor& actor);

}  // namespace enshu::evaluation
