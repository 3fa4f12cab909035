// Typed functions for the exercise-floor routes: announcements, breaks, observer ratings.
import { buildUrl, request } from './client';
import type {
  Announcement,
  AnnouncementInput,
  BreakInput,
  BreaksAnswer,
  ExerciseBreak,
  Observation,
  ObservationInput,
  ObservedInject,
} from './floorTypes';

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;

export function listAnnouncements(exerciseId: number, all = false): Promise<{ items: Announcement[]; now_us: number }> {
  return request('GET', `${exercisePath(exerciseId)}/announcements`, { query: { all: all ? 'true' : undefined } });
}

export function postAnnouncement(exerciseId: number, input: AnnouncementInput): Promise<Announcement> {
  return request('POST', `${exercisePath(exerciseId)}/announcements`, { json: input });
}

export function withdrawAnnouncement(exerciseId: number, announcementId: number): Promise<Announcement> {
  return request('DELETE', `${exercisePath(exerciseId)}/announcements/${announcementId}`);
}

export function listBreaks(exerciseId: number): Promise<BreaksAnswer> {
  return request('GET', `${exercisePath(exerciseId)}/breaks`);
}

export function scheduleBreak(exerciseId: number, input: BreakInput): Promise<ExerciseBreak> {
  return request('POST', `${exercisePath(exerciseId)}/breaks`, { json: input });
}

export function extendBreak(exerciseId: number, breakId: number, extraSeconds: number): Promise<ExerciseBreak> {
  return request('POST', `${exercisePath(exerciseId)}/breaks/${breakId}/extend`, { json: { extra_seconds: extraSeconds } });
}

export function cancelBreak(exerciseId: number, breakId: number): Promise<ExerciseBreak> {
  return request('POST', `${exercisePath(exerciseId)}/breaks/${breakId}/cancel`);
}

export function listObservedInjects(exerciseId: number, organisationId: number): Promise<{ items: ObservedInject[] }> {
  return request('GET', `${exercisePath(exerciseId)}/observations/injects`, { query: { organisation_id: organisationId } });
}

export function listObservations(
  exerciseId: number,
  filter: { organisation_id?: number; inject_id?: string; mine?: boolean } = {},
): Promise<{ items: Observation[]; total: number }> {
  return request('GET', `${exercisePath(exerciseId)}/observations`, {
    query: { organisation_id: filter.organisation_id, inject_id: filter.inject_id, mine: filter.mine ? 'true' : undefined },
  });
}

export function saveObservation(exerciseId: number, input: ObservationInput): Promise<Observation> {
  return request('PUT', `${exercisePath(exerciseId)}/observations`, { json: input });
}

export function observationsExportUrl(exerciseId: number, format: 'csv' | 'xlsx', lang: 'ja' | 'en'): string {
  return buildUrl(`${exercisePath(exerciseId)}/exports/observations`, { format, lang });
}
