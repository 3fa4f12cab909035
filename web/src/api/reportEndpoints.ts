// Typed functions for the results-report routes (src/api/routes.cpp "Results report").
import { buildUrl, request } from './client';
import type {
  RenderStatus,
  ReportDocument,
  ReportFormat,
  ReportIssue,
  ReportSettings,
  ReportTheme,
} from './reportTypes';

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;

export function getReport(
  exerciseId: number,
  query: { language: string; ministry_code?: string; minimum_group?: number },
  signal?: AbortSignal,
): Promise<ReportDocument> {
  return request<ReportDocument>('GET', `${exercisePath(exerciseId)}/report`, { query, signal });
}

export function getOrganisationReport(
  exerciseId: number,
  organisationId: number,
  language: string,
  signal?: AbortSignal,
): Promise<ReportDocument> {
  return request<ReportDocument>('GET', `${exercisePath(exerciseId)}/organisations/${organisationId}/report`, {
    query: { language },
    signal,
  });
}

export interface RenderRequest {
  key: string;
  format: ReportFormat;
  language: string;
  organisation_id?: number;
  ministry_code?: string;
}

// Answers when the file is ready (poll getRender with the same key meanwhile).
export function startRender(exerciseId: number, body: RenderRequest): Promise<RenderStatus> {
  return request<RenderStatus>('POST', `${exercisePath(exerciseId)}/report/renders`, { json: body });
}

export function getRender(exerciseId: number, key: string): Promise<RenderStatus> {
  return request<RenderStatus>('GET', `${exercisePath(exerciseId)}/report/renders/${encodeURIComponent(key)}`);
}

export function renderFileUrl(exerciseId: number, key: string): string {
  return `${exercisePath(exerciseId)}/report/renders/${encodeURIComponent(key)}/file`;
}

export function getReportSettings(exerciseId: number): Promise<ReportSettings> {
  return request<ReportSettings>('GET', `${exercisePath(exerciseId)}/report/settings`);
}

export function putReportSettings(
  exerciseId: number,
  settings: { minimum_group: number; compared_exercise_ids: number[] | null },
): Promise<ReportSettings> {
  return request<ReportSettings>('PUT', `${exercisePath(exerciseId)}/report/settings`, { json: settings });
}

export function searchIssues(
  exerciseId: number,
  query: { q?: string; objective_id?: number; page?: number; page_size?: number },
): Promise<{ items: ReportIssue[]; total: number; page: number; page_size: number }> {
  return request('GET', buildUrl(`${exercisePath(exerciseId)}/report/issues`, query));
}

export function suggestThemes(exerciseId: number, objectiveId?: number): Promise<{ items: ReportTheme[] }> {
  return request('GET', `${exercisePath(exerciseId)}/report/issues/themes`, { query: { objective_id: objectiveId } });
}

export function putIssueSelection(exerciseId: number, issueIds: number[]): Promise<{ issue_ids: number[] }> {
  return request('PUT', `${exercisePath(exerciseId)}/report/issues/selection`, { json: { issue_ids: issueIds } });
}
