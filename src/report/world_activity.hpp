#pragma once

// Activity in the simulated world during play, for the report's overview and the
// organisation feedback report: statements on the PR site (world/statement_metrics),
// inquiries to the mock homepages and incident reports (world/desk_metrics). Loaded
// through the world module's metrics APIs; the report only lays them out.

#include <cstdint>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "report/report_inputs.hpp"

namespace enshu::report {

// The world activity of `exercise_id` (every organisation; empty lists when nothing happened).
Result<WorldActivity> LoadWorldActivity(db::Database& database, const audit::AuditLog& audit, const Clock& clock,
                                        std::int64_t exercise_id);

}  // namespace enshu::report
