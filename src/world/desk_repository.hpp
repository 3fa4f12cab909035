#pragma once

// Storage of desks (tables desk, desk_notice, desk_staff, desk_reply_template of
// migration 0008). Every function runs inside the caller's transaction and trusts its
// exercise id (scoping is the service's and the handler's job).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "world/desk_model.hpp"

namespace enshu::world {

// Every desk of the exercise with notices, staff and categories, ordered agency,
// ministry, ceptoar, then by code.
Result<std::vector<Desk>> LoadDesks(db::Connection& connection, std::int64_t exercise_id);
// kNotFound "desk_id" when the desk is not in the exercise.
Result<Desk> LoadDesk(db::Connection& connection, std::int64_t exercise_id, std::int64_t desk_id);
Result<std::optional<std::int64_t>> FindDesk(db::Connection& connection, std::int64_t exercise_id, DeskKind kind,
                                             const std::string& code);

// The names a desk of `kind` and `code` gets from the reference tables (agency names,
// ministry names, the sector's CEPTOAR name). kInvalidArgument "code" when unknown.
struct DeskNames {
    std::string ja;
    std::string en;
};
Result<DeskNames> ReferenceDeskNames(db::Connection& connection, DeskKind kind, const std::string& code);

// Inserts a desk with its notices and staff; answers the id. kConflict "code" when a
// desk of that kind and code exists already.
Result<std::int64_t> InsertDesk(db::Connection& connection, std::int64_t exercise_id, const DeskInput& input,
                                const std::string& now);
// Replaces names, intro, categories, notices and staff.
Status UpdateDesk(db::Connection& connection, std::int64_t desk_id, const DeskInput& input, const std::string& now);
// kConflict "desk_id" when cases exist for it.
Status DeleteDesk(db::Connection& connection, std::int64_t desk_id);

// The desk of kind/code, created with reference names and default categories when
// missing ("created on first use"). Answers the id and whether it was created.
struct EnsuredDesk {
    std::int64_t id = 0;
    bool created = false;
};
Result<EnsuredDesk> EnsureDesk(db::Connection& connection, std::int64_t exercise_id, DeskKind kind,
                               const std::string& code, const std::string& now);

// kInvalidArgument "staff_user_ids" unless every id is a controller or organiser of the
// exercise (ministry desks: also a ministry member of that ministry).
Status CheckDeskStaff(db::Connection& connection, std::int64_t exercise_id, const DeskInput& input);

// The sector and ministry of an organisation of the exercise; kNotFound "organisation_id".
struct OrganisationFacts {
    std::int64_t id = 0;
    std::string name;
    std::string sector_code;
    std::string ministry_code;
};
Result<OrganisationFacts> LoadOrganisationFacts(db::Connection& connection, std::int64_t exercise_id,
                                                std::int64_t organisation_id);

// May an organisation address this desk? Agencies: every organisation; a ministry desk:
// organisations of that ministry; a CEPTOAR desk: organisations of that sector.
bool DeskServesOrganisation(DeskKind kind, const std::string& code, const OrganisationFacts& organisation);

// Staff who may serve desks (organisers, controllers, ministry members), by role and name.
struct ServingStaff {
    std::int64_t user_id = 0;
    std::string name;
    std::string role;           // organiser, controller, ministry
    std::string ministry_code;  // ministry members only
};
Result<std::vector<ServingStaff>> LoadServingStaff(db::Connection& connection, std::int64_t exercise_id);

Result<std::vector<ReplyTemplate>> LoadReplyTemplates(db::Connection& connection, std::int64_t desk_id);
Result<ReplyTemplate> InsertReplyTemplate(db::Connection& connection, std::int64_t desk_id,
                                          const ReplyTemplate& reply_template, std::optional<std::int64_t> created_by,
                                          const std::string& now);
// kNotFound "template_id" when it is not a template of the desk.
Status DeleteReplyTemplate(db::Connection& connection, std::int64_t desk_id, std::int64_t template_id);

}  // namespace enshu::world
