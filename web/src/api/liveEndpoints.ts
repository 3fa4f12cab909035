// Typed functions for the live-play routes (docs/api.md "Live play").
import { request } from './client';
import type {
  ActionEntry,
  ActionInput,
  AdhocInjectInput,
  ClockSnapshot,
  Inbox,
  ProgressItem,
  ReleaseAnswer,
  ReleasesAnswer,
} from './liveTypes';
import type { LocalisedText } from './scenarioTypes';
import type { Page } from './types';

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;

export function streamUrl(exerciseId: number): string {
  return `${exercisePath(exerciseId)}/stream`;
}

export function getClock(exerciseId: number): Promise<ClockSnapshot> {
  return request<ClockSnapshot>('GET', `${exercisePath(exerciseId)}/clock`);
}

export type ClockCommand = 'start' | 'pause' | 'resume' | 'end';

export function commandClock(exerciseId: number, command: ClockCommand): Promise<ClockSnapshot> {
  return request<ClockSnapshot>('POST', `${exercisePath(exerciseId)}/clock/${command}`);
}

export function jumpToScene(exerciseId: number, sceneId: string): Promise<ClockSnapshot> {
  return request<ClockSnapshot>('POST', `${exercisePath(exerciseId)}/clock/jump`, { json: { scene_id: sceneId } });
}

export function listReleases(exerciseId: number): Promise<ReleasesAnswer> {
  return request<ReleasesAnswer>('GET', `${exercisePath(exerciseId)}/releases`);
}

export function releaseNow(exerciseId: number, injectId: string): Promise<ReleaseAnswer> {
  return request<ReleaseAnswer>('POST', `${exercisePath(exerciseId)}/injects/${encodeURIComponent(injectId)}/release`);
}

export function releaseAdhoc(exerciseId: number, input: AdhocInjectInput): Promise<ReleaseAnswer> {
  return request<ReleaseAnswer>('POST', `${exercisePath(exerciseId)}/adhoc-injects`, { json: input });
}

export function broadcast(exerciseId: number, message: LocalisedText): Promise<{ seq: number }> {
  return request<{ seq: number }>('POST', `${exercisePath(exerciseId)}/broadcasts`, { json: { message } });
}

export function getInbox(exerciseId: number): Promise<Inbox> {
  return request<Inbox>('GET', `${exercisePath(exerciseId)}/inbox`);
}

export function acknowledgeInject(
  exerciseId: number,
  injectId: string,
): Promise<{ inject_id: string; acknowledged_at: string; created: boolean }> {
  return request('POST', `${exercisePath(exerciseId)}/injects/${encodeURIComponent(injectId)}/ack`);
}

const actionsPath = (exerciseId: number, organisationId: number) =>
  `${exercisePath(exerciseId)}/organisations/${organisationId}/actions`;

export async function listActions(exerciseId: number, organisationId: number): Promise<ActionEntry[]> {
  const answer = await request<Page<ActionEntry>>('GET', actionsPath(exerciseId, organisationId), {
    query: { page_size: 200 },
  });
  return answer.items;
}

export function createAction(exerciseId: number, organisationId: number, input: ActionInput): Promise<ActionEntry> {
  return request<ActionEntry>('POST', actionsPath(exerciseId, organisationId), { json: input });
}

export interface ProgressQuery {
  sector?: string;
  mode?: string;
  page: number;
  page_size: number;
}

export function getProgress(exerciseId: number, query: ProgressQuery, signal?: AbortSignal): Promise<Page<ProgressItem>> {
  return request<Page<ProgressItem>>('GET', `${exercisePath(exerciseId)}/progress`, { query: { ...query }, signal });
}
