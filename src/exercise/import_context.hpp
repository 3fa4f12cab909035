#pragma once

// What a bulk import or export needs from the application, bundled to keep the
// signatures short. References only; the caller keeps them alive for the call.

#include "audit/audit_log.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::exercise {

struct TransferContext {
    db::Database& database;
    const Clock& clock;
    const audit::AuditLog& audit;
    const ReferenceLookup& reference;
    const Principal& principal;
    const audit::Actor& actor;
};

}  // namespace enshu::exercise
