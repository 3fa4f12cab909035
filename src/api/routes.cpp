#include "api/route.hpp"

#include "api/evaluation_handlers.hpp"
#include "api/handlers.hpp"
#include "api/survey_handlers.hpp"
#include "api/report_handlers.hpp"

namespace enshu::api {

// The whole URL table. docs/openapi.yaml describes exactly these (method, path,
// x-roles); tests/integration/openapi_test.cpp fails when they disagree.
// Roles: organiser, controller, ministry, observer, org_lead, participant; "any" =
// any signed-in caller (the handler scopes the answer); "public" = no session.
// Middleware order (api/pipeline.cpp): request id -> access log -> limits ->
// authentication -> CSRF -> handler.
const std::vector<Route>& Routes() {
    static const std::vector<Route> routes = {
        // Operations.
        {"GET", "/healthz", "healthz", Access::kPublic, "public", HandleHealthz},
        {"GET", "/readyz", "readyz", Access::kPublic, "public", HandleReadyz},
        {"GET", "/metrics", "metrics", Access::kPublic, "public", HandleMetrics},

        // Sessions.
        {"POST", "/api/auth/login", "auth.login", Access::kPublic, "public", HandleLogin},
        {"POST", "/api/auth/join", "auth.join", Access::kPublic, "public", HandleJoin},
        {"POST", "/api/auth/logout", "auth.logout", Access::kSession, "any", HandleLogout},
        {"GET", "/api/auth/session", "auth.session", Access::kSession, "any", HandleGetSession},

        // Reference data (sectors, ministries, agencies, objectives, readiness items, scales).
        {"GET", "/api/reference", "reference.get", Access::kSession, "any", HandleGetReference},

        // Exercises.
        {"GET", "/api/exercises", "exercises.list", Access::kSession, "any", HandleListExercises},
        {"POST", "/api/exercises", "exercises.create", Access::kSession, "admin", HandleCreateExercise},
        {"GET", "/api/exercises/{exercise_id}", "exercises.get", Access::kSession, "any", HandleGetExercise},
        {"PATCH", "/api/exercises/{exercise_id}", "exercises.update", Access::kSession, "organiser",
         HandleUpdateExercise},
        {"GET", "/api/exercises/{exercise_id}/memberships", "memberships.list", Access::kSession, "organiser",
         HandleListMemberships},
        {"POST", "/api/exercises/{exercise_id}/memberships", "memberships.add", Access::kSession, "organiser",
         HandleAddMembership},

        // Organisations.
        {"GET", "/api/exercises/{exercise_id}/organisations", "organisations.list", Access::kSession,
         "organiser,controller,ministry,observer,org_lead,participant", HandleListOrganisations},
        {"POST", "/api/exercises/{exercise_id}/organisations", "organisations.create", Access::kSession,
         "organiser", HandleCreateOrganisation},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}", "organisations.get",
         Access::kSession, "organiser,controller,ministry,observer,org_lead,participant", HandleGetOrganisation},
        {"PATCH", "/api/exercises/{exercise_id}/organisations/{organisation_id}", "organisations.update",
         Access::kSession, "organiser,org_lead", HandleUpdateOrganisation},
        {"DELETE", "/api/exercises/{exercise_id}/organisations/{organisation_id}", "organisations.delete",
         Access::kSession, "organiser", HandleDeleteOrganisation},

        // People of an organisation and their join links.
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/people", "people.list",
         Access::kSession, "organiser,ministry,org_lead,participant", HandleListPeople},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/people", "people.create",
         Access::kSession, "organiser,org_lead", HandleCreatePerson},
        {"PATCH", "/api/exercises/{exercise_id}/organisations/{organisation_id}/people/{person_id}",
         "people.update", Access::kSession, "organiser,org_lead", HandleUpdatePerson},
        {"DELETE", "/api/exercises/{exercise_id}/organisations/{organisation_id}/people/{person_id}",
         "people.delete", Access::kSession, "organiser,org_lead", HandleDeletePerson},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/people/{person_id}/join-link",
         "people.join_link.issue", Access::kSession, "organiser,org_lead", HandleIssueJoinLink},
        {"DELETE", "/api/exercises/{exercise_id}/organisations/{organisation_id}/people/{person_id}/join-link",
         "people.join_link.revoke", Access::kSession, "organiser,org_lead", HandleRevokeJoinLinks},

        // Bulk import (dry_run=true reports every bad row, imports nothing) and export.
        {"POST", "/api/exercises/{exercise_id}/imports/organisations", "imports.organisations",
         Access::kSession, "organiser", HandleImportOrganisations},
        {"POST", "/api/exercises/{exercise_id}/imports/people", "imports.people", Access::kSession, "organiser",
         HandleImportPeople},
        {"GET", "/api/exercises/{exercise_id}/exports/organisations", "exports.organisations", Access::kSession,
         "organiser,ministry", HandleExportOrganisations},
        {"GET", "/api/exercises/{exercise_id}/exports/people", "exports.people", Access::kSession,
         "organiser,ministry", HandleExportPeople},

        // Audit log.
        {"GET", "/api/exercises/{exercise_id}/audit", "audit.list", Access::kSession, "organiser",
         HandleListAudit},

        // Scenario: the master timeline, sector and organisation overlays, effective timelines.
        {"GET", "/api/exercises/{exercise_id}/scenario", "scenario.get", Access::kSession, "organiser,controller",
         HandleGetScenario},
        {"PUT", "/api/exercises/{exercise_id}/scenario", "scenario.put", Access::kSession, "organiser",
         HandlePutScenario},
        {"GET", "/api/exercises/{exercise_id}/scenario/export", "scenario.export", Access::kSession,
         "organiser,controller", HandleExportScenario},
        {"GET", "/api/exercises/{exercise_id}/sectors/{sector_code}/overlay", "overlays.sector.get",
         Access::kSession, "organiser,ministry", HandleGetSectorOverlay},
        {"PUT", "/api/exercises/{exercise_id}/sectors/{sector_code}/overlay", "overlays.sector.put",
         Access::kSession, "organiser,ministry", HandlePutSectorOverlay},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/overlay", "overlays.organisation.get",
         Access::kSession, "organiser,org_lead", HandleGetOrganisationOverlay},
        {"PUT", "/api/exercises/{exercise_id}/organisations/{organisation_id}/overlay", "overlays.organisation.put",
         Access::kSession, "organiser,org_lead", HandlePutOrganisationOverlay},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/timeline", "timeline.effective",
         Access::kSession, "organiser,controller,org_lead", HandleGetEffectiveTimeline},

        // Live play: the exercise clock and inject releases.
        {"GET", "/api/exercises/{exercise_id}/clock", "clock.get", Access::kSession, "any", HandleGetClock},
        {"POST", "/api/exercises/{exercise_id}/clock/start", "clock.start", Access::kSession,
         "organiser,controller", HandleClockStart},
        {"POST", "/api/exercises/{exercise_id}/clock/pause", "clock.pause", Access::kSession,
         "organiser,controller", HandleClockPause},
        {"POST", "/api/exercises/{exercise_id}/clock/resume", "clock.resume", Access::kSession,
         "organiser,controller", HandleClockResume},
        {"POST", "/api/exercises/{exercise_id}/clock/jump", "clock.jump", Access::kSession, "organiser,controller",
         HandleClockJump},
        {"POST", "/api/exercises/{exercise_id}/clock/end", "clock.end", Access::kSession, "organiser,controller",
         HandleClockEnd},
        {"GET", "/api/exercises/{exercise_id}/releases", "releases.list", Access::kSession,
         "organiser,controller,observer", HandleListReleases},
        {"POST", "/api/exercises/{exercise_id}/injects/{inject_id}/release", "injects.release_now",
         Access::kSession, "organiser,controller", HandleReleaseInjectNow},
        {"POST", "/api/exercises/{exercise_id}/adhoc-injects", "injects.adhoc", Access::kSession,
         "organiser,controller", HandleReleaseAdhocInject},
        {"POST", "/api/exercises/{exercise_id}/broadcasts", "broadcasts.create", Access::kSession,
         "organiser,controller", HandleBroadcast},

        // Live play: participants' inbox, acknowledgements, action log; controllers' progress view.
        {"GET", "/api/exercises/{exercise_id}/inbox", "inbox.get", Access::kSession, "org_lead,participant",
         HandleGetInbox},
        {"POST", "/api/exercises/{exercise_id}/injects/{inject_id}/ack", "injects.ack", Access::kSession,
         "org_lead,participant", HandleAcknowledgeInject},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/actions", "actions.list",
         Access::kSession, "organiser,controller,observer,org_lead,participant", HandleListActions},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/actions", "actions.create",
         Access::kSession, "org_lead,participant", HandleCreateAction},
        {"GET", "/api/exercises/{exercise_id}/progress", "progress.get", Access::kSession,
         "organiser,controller,observer", HandleGetProgress},

        // Live delivery (Server-Sent Events) with Last-Event-ID replay.
        {"GET", "/api/exercises/{exercise_id}/stream", "stream", Access::kSession, "any", HandleStream},
        // Results report (docs/report.md): JSON for the web view, renders with progress,
        // organisation feedback reports, settings and representative issues.
        {"GET", "/api/exercises/{exercise_id}/report", "report.get", Access::kSession, "organiser,ministry",
         HandleGetReport},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/report", "report.organisation",
         Access::kSession, "organiser,ministry,org_lead", HandleGetOrganisationReport},
        {"POST", "/api/exercises/{exercise_id}/report/renders", "report.renders.start", Access::kSession,
         "organiser,ministry,org_lead", HandleStartReportRender},
        {"GET", "/api/exercises/{exercise_id}/report/renders/{render_key}", "report.renders.get", Access::kSession,
         "organiser,ministry,org_lead", HandleGetReportRender},
        {"GET", "/api/exercises/{exercise_id}/report/renders/{render_key}/file", "report.renders.file",
         Access::kSession, "organiser,ministry,org_lead", HandleDownloadReportRender},
        {"GET", "/api/exercises/{exercise_id}/report/settings", "report.settings.get", Access::kSession, "organiser",
         HandleGetReportSettings},
        {"PUT", "/api/exercises/{exercise_id}/report/settings", "report.settings.put", Access::kSession, "organiser",
         HandlePutReportSettings},
        {"GET", "/api/exercises/{exercise_id}/report/issues", "report.issues.search", Access::kSession, "organiser",
         HandleSearchReportIssues},
        {"GET", "/api/exercises/{exercise_id}/report/issues/themes", "report.issues.themes", Access::kSession,
         "organiser", HandleSuggestReportThemes},
        {"PUT", "/api/exercises/{exercise_id}/report/issues/selection", "report.issues.select", Access::kSession,
         "organiser", HandlePutReportIssueSelection},

        // Evaluation B: surveys (generic engine, bundled templates), roundtable and feedback
        // sessions (registrations, attendance), opinions by kind (api/survey_handlers.hpp,
        // docs/surveys.md).
        {"GET", "/api/exercises/{exercise_id}/survey-templates", "surveys.templates", Access::kSession, "organiser",
         HandleListSurveyTemplates},
        {"GET", "/api/exercises/{exercise_id}/surveys", "surveys.list", Access::kSession,
         "organiser,controller,ministry,observer,org_lead,participant", HandleListSurveys},
        {"POST", "/api/exercises/{exercise_id}/surveys", "surveys.create", Access::kSession, "organiser",
         HandleCreateSurvey},
        {"GET", "/api/exercises/{exercise_id}/surveys/{survey_id}", "surveys.get", Access::kSession,
         "organiser,controller,ministry,observer,org_lead,participant", HandleGetSurvey},
        {"PUT", "/api/exercises/{exercise_id}/surveys/{survey_id}", "surveys.update", Access::kSession, "organiser",
         HandleUpdateSurvey},
        {"DELETE", "/api/exercises/{exercise_id}/surveys/{survey_id}", "surveys.delete", Access::kSession,
         "organiser", HandleDeleteSurvey},
        {"POST", "/api/exercises/{exercise_id}/surveys/{survey_id}/open", "surveys.open", Access::kSession,
         "organiser", HandleOpenSurvey},
        {"POST", "/api/exercises/{exercise_id}/surveys/{survey_id}/close", "surveys.close", Access::kSession,
         "organiser", HandleCloseSurvey},
        {"POST", "/api/exercises/{exercise_id}/surveys/{survey_id}/responses", "surveys.respond", Access::kSession,
         "org_lead,participant", HandleRespondToSurvey},
        {"GET", "/api/exercises/{exercise_id}/surveys/{survey_id}/responses", "surveys.responses", Access::kSession,
         "organiser", HandleListSurveyResponses},
        {"GET", "/api/exercises/{exercise_id}/surveys/{survey_id}/results", "surveys.results", Access::kSession,
         "organiser,ministry,observer", HandleGetSurveyResults},
        {"GET", "/api/exercises/{exercise_id}/forum-sessions", "forum_sessions.list", Access::kSession,
         "organiser,controller,ministry,observer,org_lead,participant", HandleListForumSessions},
        {"POST", "/api/exercises/{exercise_id}/forum-sessions", "forum_sessions.create", Access::kSession,
         "organiser", HandleCreateForumSession},
        {"GET", "/api/exercises/{exercise_id}/forum-sessions/{session_id}", "forum_sessions.get", Access::kSession,
         "organiser,controller,ministry,observer,org_lead,participant", HandleGetForumSession},
        {"PUT", "/api/exercises/{exercise_id}/forum-sessions/{session_id}", "forum_sessions.update",
         Access::kSession, "organiser", HandleUpdateForumSession},
        {"DELETE", "/api/exercises/{exercise_id}/forum-sessions/{session_id}", "forum_sessions.delete",
         Access::kSession, "organiser", HandleDeleteForumSession},
        {"GET", "/api/exercises/{exercise_id}/forum-sessions/{session_id}/registrations",
         "forum_registrations.list", Access::kSession, "organiser,controller,ministry,observer,org_lead",
         HandleListForumRegistrations},
        {"POST", "/api/exercises/{exercise_id}/forum-sessions/{session_id}/registrations",
         "forum_registrations.create", Access::kSession, "organiser,org_lead", HandleCreateForumRegistration},
        {"DELETE", "/api/exercises/{exercise_id}/forum-sessions/{session_id}/registrations/{person_id}",
         "forum_registrations.delete", Access::kSession, "organiser,org_lead", HandleDeleteForumRegistration},
        {"PUT", "/api/exercises/{exercise_id}/forum-sessions/{session_id}/attendance", "forum_attendance.put",
         Access::kSession, "organiser", HandleRecordForumAttendance},
        {"GET", "/api/exercises/{exercise_id}/opinion-kinds", "opinion_kinds.list", Access::kSession,
         "organiser,controller,observer", HandleListOpinionKinds},
        {"POST", "/api/exercises/{exercise_id}/opinion-kinds", "opinion_kinds.create", Access::kSession,
         "organiser", HandleCreateOpinionKind},
        {"GET", "/api/exercises/{exercise_id}/opinions", "opinions.list", Access::kSession,
         "organiser,controller,observer", HandleListOpinions},
        {"POST", "/api/exercises/{exercise_id}/forum-sessions/{session_id}/opinions", "opinions.create",
         Access::kSession, "organiser,controller", HandleCreateOpinion},
        {"PATCH", "/api/exercises/{exercise_id}/opinions/{opinion_id}", "opinions.update", Access::kSession,
         "organiser,controller", HandleUpdateOpinion},
        {"DELETE", "/api/exercises/{exercise_id}/opinions/{opinion_id}", "opinions.delete", Access::kSession,
         "organiser,controller", HandleDeleteOpinion},

        // Evaluation instruments A: windows, readiness survey, verification objectives, the
        // action-record sheet (with XLSX), completion, reminders, notices (api/evaluation_handlers.hpp).
        {"GET", "/api/exercises/{exercise_id}/evaluation/windows", "evaluation.windows.get", Access::kSession,
         "organiser,controller,ministry,observer,org_lead,participant", HandleGetEvaluationWindows},
        {"PUT", "/api/exercises/{exercise_id}/evaluation/windows", "evaluation.windows.put", Access::kSession,
         "organiser", HandlePutEvaluationWindows},
        {"GET", "/api/exercises/{exercise_id}/evaluation/completion", "evaluation.completion", Access::kSession,
         "organiser,controller,ministry,observer", HandleGetCompletion},
        {"POST", "/api/exercises/{exercise_id}/evaluation/reminders", "evaluation.reminders", Access::kSession,
         "organiser", HandleSendReminders},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/readiness/{part}", "readiness.get",
         Access::kSession, "organiser,ministry,org_lead,participant", HandleGetReadiness},
        {"PUT", "/api/exercises/{exercise_id}/organisations/{organisation_id}/readiness/{part}", "readiness.save",
         Access::kSession, "org_lead", HandleSaveReadiness},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/readiness/{part}/submit",
         "readiness.submit", Access::kSession, "org_lead", HandleSubmitReadiness},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/readiness/{part}/reopen",
         "readiness.reopen", Access::kSession, "organiser", HandleReopenReadiness},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/objectives", "objectives.get",
         Access::kSession, "organiser,ministry,org_lead,participant", HandleGetObjectives},
        {"PUT", "/api/exercises/{exercise_id}/organisations/{organisation_id}/objectives", "objectives.put",
         Access::kSession, "org_lead", HandlePutObjectives},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/action-record", "action_record.get",
         Access::kSession, "organiser,ministry,org_lead,participant", HandleGetActionRecord},
        {"PUT", "/api/exercises/{exercise_id}/organisations/{organisation_id}/action-record", "action_record.save",
         Access::kSession, "org_lead", HandleSaveActionRecord},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/action-record/submit",
         "action_record.submit", Access::kSession, "org_lead", HandleSubmitActionRecord},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/action-record/reopen",
         "action_record.reopen", Access::kSession, "organiser", HandleReopenActionRecord},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/action-record/xlsx",
         "action_record.xlsx.download", Access::kSession, "organiser,ministry,org_lead,participant",
         HandleDownloadActionRecordXlsx},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/action-record/xlsx",
         "action_record.xlsx.upload", Access::kSession, "org_lead", HandleUploadActionRecordXlsx},
        {"GET", "/api/exercises/{exercise_id}/organisations/{organisation_id}/notices", "notices.list",
         Access::kSession, "org_lead,participant", HandleListNotices},
        {"POST", "/api/exercises/{exercise_id}/organisations/{organisation_id}/notices/{notice_id}/dismiss",
         "notices.dismiss", Access::kSession, "org_lead", HandleDismissNotice},
    };
    return routes;
}

}  // namespace enshu::api
