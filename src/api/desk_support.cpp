#include "api/desk_support.hpp"

#include <algorithm>

#include "api/live_support.hpp"
#include "db/database.hpp"

namespace enshu::api {
namespace {

constexpr std::string_view kOrganisationInExercise = "SELECT 1 FROM organisation WHERE id = $1 AND exercise_id = $2";

bool HasAny(const Principal& caller, std::int64_t exercise_id, std::initializer_list<Role> roles) {
    return std::any_of(roles.begin(), roles.end(), [&](Role role) {
        return role == Role::kOrganiser ? caller.IsOrganiser(exercise_id) : caller.HasRole(exercise_id, role);
    });
}

}  // namespace

Result<world::QueueViewer> RequireViewer(const RequestContext& context, std::int64_t exercise_id,
                                         std::initializer_list<Role> roles) {
    auto caller = RequireLiveRole(context, exercise_id, roles);
    if (!caller) return tl::unexpected(caller.error());
    auto viewer = world::ViewerOf(**caller, exercise_id);
    if (!viewer) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
    return *viewer;
}

Result<world::QueueViewer> RequireOrganisationAccess(RequestContext& context, std::int64_t exercise_id,
                                                     std::int64_t organisation_id,
                                                     std::initializer_list<Role> staff_roles,
                                                     std::initializer_list<Role> person_roles) {
    auto caller = RequireLiveRole(context, exercise_id, kAnyExerciseRole);
    if (!caller) return tl::unexpected(caller.error());
    const auto not_found = [] { return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id"); };
    auto viewer = world::ViewerOf(**caller, exercise_id);
    if (!viewer) return not_found();
    if (HasAny(**caller, exercise_id, staff_roles)) {
        bool exists = false;
        auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(kOrganisationInExercise, {organisation_id, exercise_id});
            if (!row) return tl::unexpected(row.error());
            exists = row->has_value();
            return Ok();
        });
        if (!read) return tl::unexpected(read.error());
        if (!exists) return not_found();
        return *viewer;
    }
    for (const Membership& membership : (*caller)->memberships) {
        if (membership.exercise_id != exercise_id || membership.organisation_id != organisation_id) continue;
        if (std::find(person_roles.begin(), person_roles.end(), membership.role) == person_roles.end()) continue;
        world::QueueViewer person = *viewer;
        person.role = world::ViewerRole::kOrganisation;
        person.organisation_id = membership.organisation_id;
        person.person_id = membership.person_id;
        return person;
    }
    // A member of this organisation without the needed role is refused, others never learn it exists.
    for (const Membership& membership : (*caller)->memberships) {
        if (membership.exercise_id == exercise_id && membership.organisation_id == organisation_id) {
            return Fail(ErrorCode::kForbidden, "your role in this organisation does not allow this");
        }
    }
    return not_found();
}

Result<world::QueueService> QueueServiceOf(RequestContext& context) {
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    return world::QueueService(context.services.database, context.services.clock, context.services.audit, live->events,
                               live->scheduler.scenarios());
}

Result<world::InquiryService> InquiryServiceOf(RequestContext& context) {
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    return world::InquiryService(context.services.database, context.services.clock, context.services.audit,
                                 live->events, live->scheduler.scenarios());
}

Result<world::IncidentReportService> IncidentReportServiceOf(RequestContext& context) {
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    return world::IncidentReportService(context.services.database, context.services.clock, context.services.audit,
                                        live->events, live->scheduler.scenarios());
}

Result<world::PartnerService> PartnerServiceOf(RequestContext& context) {
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    return world::PartnerService(context.services.database, context.services.clock, context.services.audit,
                                 live->events, live->scheduler.scenarios());
}

world::DeskService DeskServiceOf(RequestContext& context) {
    return world::DeskService(context.services.database, context.services.clock, context.services.audit,
                              context.services.event_log);
}

Result<std::vector<std::int64_t>> IdList(const nlohmann::json& body, const char* member, std::size_t max) {
    auto found = body.find(member);
    if (found == body.end() || !found->is_array() || found->size() > max) {
        return Fail(ErrorCode::kInvalidArgument,
                    std::string(member) + ": an array of at most " + std::to_string(max) + " ids is required", member);
    }
    std::vector<std::int64_t> ids;
    for (const auto& item : *found) {
        if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
            return Fail(ErrorCode::kInvalidArgument, std::string(member) + ": expected positive integers", member);
        }
        ids.push_back(item.get<std::int64_t>());
    }
    return ids;
}

}  // namespace enshu::api
