#pragma once

// The append-only audit log: who changed what, when, with a before/after summary.
// Entries are written inside the caller's write transaction so that a change and its
// audit entry commit or roll back together. The table refuses UPDATE and DELETE.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::audit {

struct Actor {
    std::optional<std::int64_t> user_id;   // nullopt for the CLI or the system
    std::string label;                     // display name, "cli" or "system"
    std::string request_id;
    std::string remote_address;
};

struct AuditEntry {
    std::optional<std::int64_t> exercise_id;
    std::string action;          // "organisation.update", "session.login", ...
    std::string entity_type;     // "organisation"
    std::string entity_id;       // "42"
    nlohmann::json before = nullptr;   // changed fields before, or null
    nlohmann::json after = nullptr;    // changed fields after, or null
};

struct AuditPage {
    nlohmann::json items;        // array of entries, newest first
    std::int64_t total = 0;
};

// Stateless apart from the clock; safe to share between threads.
class AuditLog {
public:
    explicit AuditLog(const Clock& clock) : clock_(clock) {}
    // Appends one entry using the caller's transaction.
    Status Append(db::Connection& connection, const Actor& actor, const AuditEntry& entry) const;
    // Entries of one exercise, newest first; page is 1-based; page_size 1..200.
    Result<AuditPage> List(db::Database& database, std::int64_t exercise_id, int page, int page_size,
                           const std::string& action_prefix = {}) const;

private:
    const Clock& clock_;
};

// The fields of `before` and `after` that differ, as {"before":{...},"after":{...}}.
std::pair<nlohmann::json, nlohmann::json> ChangedFields(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace enshu::audit
