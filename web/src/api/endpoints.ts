// Typed functions for the routes of src/api/routes.cpp that the web UI uses.
import { buildUrl, request } from './client';
import type {
  Exercise,
  ExerciseUpdate,
  ImportResult,
  IssuedJoinLink,
  Organisation,
  OrganisationInput,
  OrganisationQuery,
  Page,
  Person,
  PersonInput,
  Reference,
  Session,
} from './types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function login(loginName: string, password: string): Promise<Session> {
  return request<Session>('POST', '/api/auth/login', {
    json: { login: loginName, password },
    mode: 'public',
  });
}

export function join(token: string): Promise<Session> {
  return request<Session>('POST', '/api/auth/join', { json: { token }, mode: 'public' });
}

export function logout(): Promise<void> {
  return request<void>('POST', '/api/auth/logout');
}

export function getSession(): Promise<Session> {
  return request<Session>('GET', '/api/auth/session', { mode: 'probe' });
}

export function getReference(): Promise<Reference> {
  return request<Reference>('GET', '/api/reference');
}

// The server answers the list convention ({items,…}); a bare array is accepted too.
export async function listExercises(): Promise<Exercise[]> {
  const answer = await request<Page<Exercise> | Exercise[]>('GET', '/api/exercises');
  return Array.isArray(answer) ? answer : answer.items;
}

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;

export function getExercise(exerciseId: number): Promise<Exercise> {
  return request<Exercise>('GET', exercisePath(exerciseId));
}

export function updateExercise(exerciseId: number, update: ExerciseUpdate): Promise<Exercise> {
  return request<Exercise>('PATCH', exercisePath(exerciseId), { json: update });
}

const organisationsPath = (exerciseId: number) => `${exercisePath(exerciseId)}/organisations`;

export function listOrganisations(
  exerciseId: number,
  query: OrganisationQuery,
  signal?: AbortSignal,
): Promise<Page<Organisation>> {
  return request<Page<Organisation>>('GET', organisationsPath(exerciseId), { query: { ...query }, signal });
}

export function createOrganisation(exerciseId: number, input: OrganisationInput): Promise<Organisation> {
  return request<Organisation>('POST', organisationsPath(exerciseId), { json: input });
}

export function getOrganisation(exerciseId: number, organisationId: number): Promise<Organisation> {
  return request<Organisation>('GET', `${organisationsPath(exerciseId)}/${organisationId}`);
}

export function updateOrganisation(
  exerciseId: number,
  organisationId: number,
  input: OrganisationInput,
): Promise<Organisation> {
  return request<Organisation>('PATCH', `${organisationsPath(exerciseId)}/${organisationId}`, { json: input });
}

const peoplePath = (exerciseId: number, organisationId: number) =>
  `${organisationsPath(exerciseId)}/${organisationId}/people`;

export async function listPeople(exerciseId: number, organisationId: number): Promise<Person[]> {
  const answer = await request<Page<Person> | Person[]>('GET', peoplePath(exerciseId, organisationId));
  return Array.isArray(answer) ? answer : answer.items;
}

export function createPerson(exerciseId: number, organisationId: number, input: PersonInput): Promise<IssuedJoinLink> {
  return request<IssuedJoinLink>('POST', peoplePath(exerciseId, organisationId), { json: input });
}

export function issueJoinLink(exerciseId: number, organisationId: number, personId: number): Promise<IssuedJoinLink> {
  return request<IssuedJoinLink>('POST', `${peoplePath(exerciseId, organisationId)}/${personId}/join-link`);
}

export function revokeJoinLink(exerciseId: number, organisationId: number, personId: number): Promise<void> {
  return request<void>('DELETE', `${peoplePath(exerciseId, organisationId)}/${personId}/join-link`);
}

// Posts the file bytes as they are. A non-dry run with bad rows answers 422 with the same
// body; that body is returned here too so the caller can show the row errors.
export async function importOrganisations(
  exerciseId: number,
  file: Blob,
  contentType: string,
  dryRun: boolean,
): Promise<ImportResult> {
  try {
    return await request<ImportResult>('POST', `${exercisePath(exerciseId)}/imports/organisations`, {
      query: { dry_run: dryRun ? 'true' : 'false' },
      body: file,
      contentType,
    });
  } catch (error) {
    const body = (error as { body?: unknown }).body;
    if (body && typeof body === 'object' && 'errors' in body && 'row_count' in body) {
      return body as ImportResult;
    }
    throw error;
  }
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFilters {
  sector?: string;
  ministry?: string;
  mode?: string;
  q?: string;
}

// The export takes the list's filters and the language of the header row.
export function exportOrganisationsUrl(
  exerciseId: number,
  format: ExportFormat,
  lang: 'ja' | 'en',
  filters: ExportFilters = {},
): string {
  return buildUrl(`${exercisePath(exerciseId)}/exports/organisations`, { format, lang, ...filters });
}
