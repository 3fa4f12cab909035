#pragma once

// Endpoints of the survey engine, the roundtable/feedback sessions and their opinions
// (docs/api.md "Surveys, sessions and opinions"; docs/surveys.md). Logic lives in
// src/evaluation (SurveyService, ForumService, OpinionService); these handlers scope
// every request to the caller's exercise and organisation (out of scope answers 404).

#include "api/context.hpp"

namespace enshu::api {

// survey_handlers.cpp
Result<Response> HandleListSurveyTemplates(RequestContext& context);
Result<Response> HandleListSurveys(RequestContext& context);
Result<Response> HandleCreateSurvey(RequestContext& context);
Result<Response> HandleGetSurvey(RequestContext& context);
Result<Response> HandleUpdateSurvey(RequestContext& context);
Result<Response> HandleDeleteSurvey(RequestContext& context);
Result<Response> HandleOpenSurvey(RequestContext& context);
Result<Response> HandleCloseSurvey(RequestContext& context);
Result<Response> HandleRespondToSurvey(RequestContext& context);
Result<Response> HandleListSurveyResponses(RequestContext& context);
Result<Response> HandleGetSurveyResults(RequestContext& context);

// forum_handlers.cpp
Result<Response> HandleListForumSessions(RequestContext& context);
Result<Response> HandleCreateForumSession(RequestContext& context);
Result<Response> HandleGetForumSession(RequestContext& context);
Result<Response> HandleUpdateForumSession(RequestContext& context);
Result<Response> HandleDeleteForumSession(RequestContext& context);
Result<Response> HandleListForumRegistrations(RequestContext& context);
Result<Response> HandleCreateForumRegistration(RequestContext& context);
Result<Response> HandleDeleteForumRegistration(RequestContext& context);
Result<Response> HandleRecordForumAttendance(RequestContext& context);
Result<Response> HandleListOpinionKinds(RequestContext& context);
Result<Response> HandleCreateOpinionKind(RequestContext& context);
Result<Response> HandleListOpinions(RequestContext& context);
Result<Response> HandleCreateOpinion(RequestContext& context);
Result<Response> HandleUpdateOpinion(RequestContext& context);
Result<Response> HandleDeleteOpinion(RequestContext& context);

}  // namespace enshu::api
