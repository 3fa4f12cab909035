#pragma once

// Shared by the desk handlers: the caller as a queue viewer of the exercise and the
// world services built from the request's Services.

#include <cstdint>
#include <initializer_list>

#include "api/context.hpp"
#include "core/access.hpp"
#include "world/desk_service.hpp"
#include "world/incident_report_service.hpp"
#include "world/inquiry_service.hpp"
#include "world/partner_service.hpp"
#include "world/queue_scope.hpp"
#include "world/queue_service.hpp"

namespace enshu::api {

// The caller as a viewer when they have one of `roles` in the exercise. kNotFound
// "exercise_id" for non-members (and unknown exercises), kForbidden for other roles.
Result<world::QueueViewer> RequireViewer(const RequestContext& context, std::int64_t exercise_id,
                                         std::initializer_list<Role> roles);

// Every role of an exercise.
inline constexpr std::initializer_list<Role> kAnyExerciseRole = {
    Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead, Role::kParticipant};

// The organisation of the path when the caller may use it: staff in `staff_roles`
// always (when the organisation is in the exercise), organisation people of that
// organisation with one of `person_roles`. kNotFound "organisation_id" otherwise.
Result<world::QueueViewer> RequireOrganisationAccess(RequestContext& context, std::int64_t exercise_id,
                                                     std::int64_t organisation_id,
                                                     std::initializer_list<Role> staff_roles,
                                                     std::initializer_list<Role> person_roles);

// Services (kUnavailable when the server runs without live play).
Result<world::QueueService> QueueServiceOf(RequestContext& context);
Result<world::InquiryService> InquiryServiceOf(RequestContext& context);
Result<world::IncidentReportService> IncidentReportServiceOf(RequestContext& context);
Result<world::PartnerService> PartnerServiceOf(RequestContext& context);
world::DeskService DeskServiceOf(RequestContext& context);

// A JSON array member of integer ids (at most `max`), or kInvalidArgument naming it.
Result<std::vector<std::int64_t>> IdList(const nlohmann::json& body, const char* member, std::size_t max);

}  // namespace enshu::api
