// Typed functions for the PR site and media routes (docs/api.md "PR site and media").
import { request } from './client';
import type {
  Attachment,
  HashtagTrend,
  MediaFeed,
  MediaItem,
  MediaItemInput,
  Persona,
  Statement,
  StatementInput,
  StatementMetrics,
} from './prTypes';

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;

export interface FeedFilter {
  sector?: string;
  organisation_id?: number;
}

export function listStatements(exerciseId: number, filter: FeedFilter = {}): Promise<{ items: Statement[] }> {
  return request('GET', `${exercisePath(exerciseId)}/statements`, {
    query: { sector: filter.sector || undefined, organisation_id: filter.organisation_id },
  });
}

export function listOwnStatements(exerciseId: number, organisationId: number): Promise<{ items: Statement[] }> {
  return request('GET', `${exercisePath(exerciseId)}/organisations/${organisationId}/statements`);
}

export function getStatement(exerciseId: number, statementId: number): Promise<Statement> {
  return request('GET', `${exercisePath(exerciseId)}/statements/${statementId}`);
}

export function createStatement(exerciseId: number, input: StatementInput, publish: boolean): Promise<Statement> {
  return request('POST', `${exercisePath(exerciseId)}/statements`, { json: { ...input, publish } });
}

export function updateStatement(exerciseId: number, statementId: number, input: StatementInput): Promise<Statement> {
  return request('PATCH', `${exercisePath(exerciseId)}/statements/${statementId}`, { json: input });
}

export function publishStatement(exerciseId: number, statementId: number): Promise<Statement> {
  return request('POST', `${exercisePath(exerciseId)}/statements/${statementId}/publish`);
}

export function withdrawStatement(exerciseId: number, statementId: number): Promise<Statement> {
  return request('POST', `${exercisePath(exerciseId)}/statements/${statementId}/withdraw`);
}

export function uploadAttachment(exerciseId: number, file: File): Promise<Attachment> {
  return request('POST', `${exercisePath(exerciseId)}/attachments`, {
    query: { filename: file.name },
    body: file,
    contentType: file.type || 'application/octet-stream',
  });
}

export function listMediaItems(exerciseId: number): Promise<MediaFeed> {
  return request('GET', `${exercisePath(exerciseId)}/media-items`);
}

export function listTrends(exerciseId: number): Promise<{ window_minutes: number; items: HashtagTrend[] }> {
  return request('GET', `${exercisePath(exerciseId)}/media-trends`);
}

export function listPersonas(exerciseId: number): Promise<{ items: Persona[] }> {
  return request('GET', `${exercisePath(exerciseId)}/media-personas`);
}

export function createPersona(
  exerciseId: number,
  input: { name: string; handle: string; kind: Persona['kind']; verified: boolean; avatar_attachment_id?: number | null },
): Promise<Persona> {
  return request('POST', `${exercisePath(exerciseId)}/media-personas`, { json: input });
}

export function createMediaItem(exerciseId: number, input: MediaItemInput): Promise<MediaItem> {
  return request('POST', `${exercisePath(exerciseId)}/media-items`, { json: input });
}

export function setMediaHidden(exerciseId: number, itemId: number, hidden: boolean): Promise<MediaItem> {
  return request('POST', `${exercisePath(exerciseId)}/media-items/${itemId}/${hidden ? 'hide' : 'unhide'}`);
}

export function getStatementMetrics(exerciseId: number): Promise<StatementMetrics> {
  return request('GET', `${exercisePath(exerciseId)}/statement-metrics`);
}
