#pragma once

// What a bulk import or export needs from the application, bundled to keep the
// signatures short. References only; the caller keeps them alive for the call.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "exercise/reference_lookup.hpp"
#include "exercise/transfer_table.hpp"

namespace enshu::exercise {

struct TransferContext {
    db::Database& database;
    const Clock& clock;
    const audit::AuditLog& audit;
    const ReferenceLookup& reference;
    const Principal& principal;
    const audit::Actor& actor;
};

// The start every import shares: the caller must be an organiser of the exercise, and
// the uploaded bytes must read as a table (CSV or XLSX). Errors name the problem.
Result<UploadedTable> OpenImport(const TransferContext& context, std::int64_t exercise_id, std::string_view file_bytes);

// Inside the import's transaction: kNotFound ("exercise_id") unless the exercise exists.
Status RequireExerciseIn(db::Connection& connection, std::int64_t exercise_id);

// Runs an import's `work` in a read transaction for a dry run (nothing can be
// written) or a write transaction otherwise (all rows or none).
Status RunImportTransaction(const TransferContext& context, ImportMode mode,
                            const std::function<Status(db::Connection&)>& work);

// The one audit entry of a completed import: `action` ("organisations.import") with
// the report's counts.
Status AppendImportAudit(const TransferContext& context, db::Connection& connection, std::int64_t exercise_id,
                         const std::string& action, const ImportReport& report);

}  // namespace enshu::exercise
