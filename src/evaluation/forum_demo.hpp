#pragma once

// The sessions of the demo exercise (`enshu demo`): the 2023 roundtable on the exercise day
// and the five web feedback-session dates of the 2023 results report, without
// registrations. Times the report does not give (the feedback sessions' hours) are chosen
// to fit the reported 150 minutes.

#include <cstdint>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::evaluation {

// Adds the sessions unless the exercise has sessions already (idempotent); audited as system.
Status SeedDemoForumSessions(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                             std::int64_t exercise_id);

}  // namespace enshu::evaluation
