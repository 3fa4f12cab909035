#pragma once

// Declarations of every endpoint handler. Each is thin: parse -> feature logic ->
// serialise. Implementations live in one .cpp per area (system_handlers.cpp,
// auth_handlers.cpp, exercise_handlers.cpp, organisation_handlers.cpp,
// people_handlers.cpp, transfer_handlers.cpp, audit_handlers.cpp, reference_handlers.cpp).

#include "api/context.hpp"

namespace enshu::api {

// system_handlers.cpp
Result<Response> HandleHealthz(RequestContext& context);
Result<Response> HandleReadyz(RequestContext& context);
Result<Response> HandleMetrics(RequestContext& context);

// auth_handlers.cpp
Result<Response> HandleLogin(RequestContext& context);
Result<Response> HandleJoin(RequestContext& context);
Result<Response> HandleLogout(RequestContext& context);
Result<Response> HandleGetSession(RequestContext& context);

// reference_handlers.cpp
Result<Response> HandleGetReference(RequestContext& context);

// exercise_handlers.cpp
Result<Response> HandleListExercises(RequestContext& context);
Result<Response> HandleCreateExercise(RequestContext& context);
Result<Response> HandleGetExercise(RequestContext& context);
Result<Response> HandleUpdateExercise(RequestContext& context);

// membership_handlers.cpp
Result<Response> HandleListMemberships(RequestContext& context);
Result<Response> HandleAddMembership(RequestContext& context);

// organisation_handlers.cpp
Result<Response> HandleListOrganisations(RequestContext& context);
Result<Response> HandleCreateOrganisation(RequestContext& context);
Result<Response> HandleGetOrganisation(RequestContext& context);
Result<Response> HandleUpdateOrganisation(RequestContext& context);
Result<Response> HandleDeleteOrganisation(RequestContext& context);

// people_handlers.cpp
Result<Response> HandleListPeople(RequestContext& context);
Result<Response> HandleCreatePerson(RequestContext& context);
Result<Response> HandleUpdatePerson(RequestContext& context);
Result<Response> HandleDeletePerson(RequestContext& context);
Result<Response> HandleIssueJoinLink(RequestContext& context);
Result<Response> HandleRevokeJoinLinks(RequestContext& context);

// transfer_handlers.cpp (bulk import with dry-run, export)
Result<Response> HandleImportOrganisations(RequestContext& context);
Result<Response> HandleImportPeople(RequestContext& context);
Result<Response> HandleExportOrganisations(RequestContext& context);
Result<Response> HandleExportPeople(RequestContext& context);

// audit_handlers.cpp
Result<Response> HandleListAudit(RequestContext& context);

// scenario_handlers.cpp (master scenario, overlays, effective timelines)
Result<Response> HandleGetScenario(RequestContext& context);
Result<Response> HandlePutScenario(RequestContext& context);
Result<Response> HandleExportScenario(RequestContext& context);
Result<Response> HandleGetSectorOverlay(RequestContext& context);
Result<Response> HandlePutSectorOverlay(RequestContext& context);
Result<Response> HandleGetOrganisationOverlay(RequestContext& context);
Result<Response> HandlePutOrganisationOverlay(RequestContext& context);
Result<Response> HandleGetEffectiveTimeline(RequestContext& context);

// live_handlers.cpp (exercise clock, releases, acknowledgements, action log, progress)
Result<Response> HandleGetClock(RequestContext& context);
Result<Response> HandleClockStart(RequestContext& context);
Result<Response> HandleClockPause(RequestContext& context);
Result<Response> HandleClockResume(RequestContext& context);
Result<Response> HandleClockJump(RequestContext& context);
Result<Response> HandleClockEnd(RequestContext& context);
Result<Response> HandleListReleases(RequestContext& context);
Result<Response> HandleReleaseInjectNow(RequestContext& context);
Result<Response> HandleReleaseAdhocInject(RequestContext& context);
Result<Response> HandleBroadcast(RequestContext& context);
Result<Response> HandleGetInbox(RequestContext& context);
Result<Response> HandleAcknowledgeInject(RequestContext& context);
Result<Response> HandleListActions(RequestContext& context);
Result<Response> HandleCreateAction(RequestContext& context);
Result<Response> HandleGetProgress(RequestContext& context);

// stream_handlers.cpp (SSE: GET /api/exercises/{exercise_id}/stream)
Result<Response> HandleStream(RequestContext& context);

}  // namespace enshu::api
