#pragma once

// Configuring the desks of an exercise (organiser) and reading them (every member, each
// seeing what concerns it), plus the desks' reply templates (desk staff). Every change is
// one write transaction with its audit entry ("desk.create", "desk.update",
// "desk.delete", "desk.defaults", "desk_template.create", "desk_template.delete");
// desk changes are announced live as "desk.updated" {"desk_id"} to everyone so that open
// homepages reload their notices. Thread-safe: no state besides references.

#include <cstdint>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "world/desk_model.hpp"
#include "world/queue_scope.hpp"

namespace enshu::world {

class DeskService {
  public:
    DeskService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const live::EventLog* events);

    // The desks `viewer` may see: staff and observers all (ministry members too, so that
    // they can see the agencies' notices); organisation people the agency desks and the
    // desks of their own ministry and sector's CEPTOAR. An exercise without any desk gets
    // the default agency desks first ("created on first use", audited as `actor`).
    Result<std::vector<Desk>> List(const QueueViewer& viewer, const audit::Actor& actor);
    // kNotFound "desk_id" when absent or not visible to the viewer.
    Result<Desk> Get(const QueueViewer& viewer, std::int64_t desk_id);

    // Creates the missing default agency desks (IPA, JPCERT/CC, NPA); answers all desks.
    Result<std::vector<Desk>> UseDefaults(std::int64_t exercise_id, const audit::Actor& actor);
    // kInvalidArgument "code" for an unknown reference code; kConflict "code" for a duplicate;
    // kInvalidArgument "staff_user_ids" for staff who may not serve the desk.
    Result<Desk> Create(std::int64_t exercise_id, const DeskInput& input, const audit::Actor& actor);
    Result<Desk> Update(std::int64_t exercise_id, std::int64_t desk_id, const DeskInput& input,
                        const audit::Actor& actor);
    // kConflict "desk_id" when the desk has cases.
    Status Delete(std::int64_t exercise_id, std::int64_t desk_id, const audit::Actor& actor);

    // Templates: the viewer must be able to act on the desk's cases (desk staff, or the
    // ministry of a ministry desk); kNotFound "desk_id" otherwise.
    Result<std::vector<ReplyTemplate>> Templates(const QueueViewer& viewer, std::int64_t desk_id);
    Result<ReplyTemplate> AddTemplate(const QueueViewer& viewer, std::int64_t desk_id, const ReplyTemplate& input,
                                      const audit::Actor& actor);
    Status DeleteTemplate(const QueueViewer& viewer, std::int64_t desk_id, std::int64_t template_id,
                          const audit::Actor& actor);

  private:
    Status AnnounceDesk(db::Connection& connection, std::int64_t exercise_id, std::int64_t desk_id);
    Result<Desk> RequireStaffDesk(db::Connection& connection, const QueueViewer& viewer, std::int64_t desk_id);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog* events_;  // null in tools: no live announcement
};

// Whether `viewer` sees `desk` in lists and on its homepage (see DeskService::List).
bool MaySeeDesk(const QueueViewer& viewer, const Desk& desk, const std::string& organisation_sector,
                const std::string& organisation_ministry);

}  // namespace enshu::world
