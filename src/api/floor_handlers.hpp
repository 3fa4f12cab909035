#pragma once

// The exercise floor (docs/api.md "Exercise floor"): announcements, breaks, observer
// ratings. Logic in src/world (announcement_service, break_service,
// observation_service); these handlers check roles and scope, parse and serialise.

#include "api/context.hpp"

namespace enshu::api {

// Announcements (api/announcement_handlers.cpp).
Result<Response> HandleListAnnouncements(RequestContext& context);
Result<Response> HandlePostAnnouncement(RequestContext& context);
Result<Response> HandleWithdrawAnnouncement(RequestContext& context);

// Breaks (api/break_handlers.cpp).
Result<Response> HandleListBreaks(RequestContext& context);
Result<Response> HandleScheduleBreak(RequestContext& context);
Result<Response> HandleExtendBreak(RequestContext& context);
Result<Response> HandleCancelBreak(RequestContext& context);

// Observer ratings (api/observation_handlers.cpp).
Result<Response> HandleListObservations(RequestContext& context);
Result<Response> HandleSaveObservation(RequestContext& context);
Result<Response> HandleObservationInjects(RequestContext& context);
Result<Response> HandleExportObservations(RequestContext& context);

}  // namespace enshu::api
