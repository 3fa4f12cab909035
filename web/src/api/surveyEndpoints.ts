// Calls of the survey, session and opinion endpoints.
import { request } from './client';
import type {
  Answers,
  ForumCounts,
  ForumRegistration,
  ForumSession,
  ForumSessionInput,
  ForumTotals,
  NamedResponse,
  Opinion,
  OpinionInput,
  OpinionKind,
  Survey,
  SurveyDefinition,
  SurveyResults,
} from './surveyTypes';

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;
const surveyPath = (exerciseId: number, surveyId: number) => `${exercisePath(exerciseId)}/surveys/${surveyId}`;
const sessionPath = (exerciseId: number, sessionId: number) =>
  `${exercisePath(exerciseId)}/forum-sessions/${sessionId}`;

export const listSurveyTemplates = (exerciseId: number) =>
  request<{ items: SurveyDefinition[] }>('GET', `${exercisePath(exerciseId)}/survey-templates`);
export const listSurveys = (exerciseId: number) =>
  request<{ items: Survey[] }>('GET', `${exercisePath(exerciseId)}/surveys`);
export const createSurveyFromTemplate = (exerciseId: number, template: string, code?: string) =>
  request<Survey>('POST', `${exercisePath(exerciseId)}/surveys`, { json: code ? { template, code } : { template } });
export const createSurvey = (exerciseId: number, definition: SurveyDefinition) =>
  request<Survey>('POST', `${exercisePath(exerciseId)}/surveys`, { json: definition });
export const getSurvey = (exerciseId: number, surveyId: number) => request<Survey>('GET', surveyPath(exerciseId, surveyId));
export const updateSurvey = (exerciseId: number, surveyId: number, definition: SurveyDefinition) =>
  request<Survey>('PUT', surveyPath(exerciseId, surveyId), { json: definition });
export const deleteSurvey = (exerciseId: number, surveyId: number) =>
  request<null>('DELETE', surveyPath(exerciseId, surveyId));
export const openSurvey = (exerciseId: number, surveyId: number) =>
  request<Survey>('POST', `${surveyPath(exerciseId, surveyId)}/open`);
export const closeSurvey = (exerciseId: number, surveyId: number) =>
  request<Survey>('POST', `${surveyPath(exerciseId, surveyId)}/close`);
export const respondToSurvey = (exerciseId: number, surveyId: number, answers: Answers) =>
  request<{ survey_id: number; answered: boolean }>('POST', `${surveyPath(exerciseId, surveyId)}/responses`, {
    json: { answers },
  });
export const listSurveyResponses = (exerciseId: number, surveyId: number) =>
  request<{ items: NamedResponse[] }>('GET', `${surveyPath(exerciseId, surveyId)}/responses`);
export const getSurveyResults = (exerciseId: number, surveyId: number) =>
  request<SurveyResults>('GET', `${surveyPath(exerciseId, surveyId)}/results`);

export const listForumSessions = (exerciseId: number) =>
  request<{ items: ForumSession[]; totals: ForumTotals[] }>('GET', `${exercisePath(exerciseId)}/forum-sessions`);
export const createForumSession = (exerciseId: number, input: ForumSessionInput) =>
  request<ForumSession>('POST', `${exercisePath(exerciseId)}/forum-sessions`, { json: input });
export const getForumSession = (exerciseId: number, sessionId: number) =>
  request<ForumSession>('GET', sessionPath(exerciseId, sessionId));
export const updateForumSession = (exerciseId: number, sessionId: number, input: ForumSessionInput) =>
  request<ForumSession>('PUT', sessionPath(exerciseId, sessionId), { json: input });
export const deleteForumSession = (exerciseId: number, sessionId: number) =>
  request<null>('DELETE', sessionPath(exerciseId, sessionId));
export const listForumRegistrations = (exerciseId: number, sessionId: number) =>
  request<{ items: ForumRegistration[] }>('GET', `${sessionPath(exerciseId, sessionId)}/registrations`);
export const registerForForum = (exerciseId: number, sessionId: number, personId: number) =>
  request<ForumRegistration>('POST', `${sessionPath(exerciseId, sessionId)}/registrations`, {
    json: { person_id: personId },
  });
export const cancelForumRegistration = (exerciseId: number, sessionId: number, personId: number) =>
  request<null>('DELETE', `${sessionPath(exerciseId, sessionId)}/registrations/${personId}`);
export const recordForumAttendance = (
  exerciseId: number,
  sessionId: number,
  attendance: { person_id: number; attended: boolean | null }[],
) => request<ForumCounts>('PUT', `${sessionPath(exerciseId, sessionId)}/attendance`, { json: { attendance } });

export const listOpinionKinds = (exerciseId: number) =>
  request<{ items: OpinionKind[] }>('GET', `${exercisePath(exerciseId)}/opinion-kinds`);
export const createOpinionKind = (exerciseId: number, kind: { code: string; label: { ja: string; en: string } }) =>
  request<OpinionKind>('POST', `${exercisePath(exerciseId)}/opinion-kinds`, { json: kind });
export const listOpinions = (exerciseId: number, query: { session_id?: number; kind?: string }) =>
  request<{ items: Opinion[] }>('GET', `${exercisePath(exerciseId)}/opinions`, { query });
export const createOpinion = (exerciseId: number, sessionId: number, input: OpinionInput) =>
  request<Opinion>('POST', `${sessionPath(exerciseId, sessionId)}/opinions`, { json: input });
export const updateOpinion = (exerciseId: number, opinionId: number, input: OpinionInput) =>
  request<Opinion>('PATCH', `${exercisePath(exerciseId)}/opinions/${opinionId}`, { json: input });
export const deleteOpinion = (exerciseId: number, opinionId: number) =>
  request<null>('DELETE', `${exercisePath(exerciseId)}/opinions/${opinionId}`);
