// Typed functions for the scenario routes (src/api/routes.cpp "Scenario").
import { buildUrl, request } from './client';
import { XLSX_TYPE } from './endpoints';
import type {
  Audience,
  EffectiveInject,
  Inject,
  LocalisedText,
  Overlay,
  Scenario,
  ScenarioFileFormat,
  Scene,
} from './scenarioTypes';

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;
export const YAML_TYPE = 'application/yaml';

type Loose = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function localised(value: unknown): LocalisedText {
  if (value && typeof value === 'object') {
    const record = value as Loose;
    return { ja: text(record.ja), en: text(record.en) };
  }
  return { ja: text(value), en: '' };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function normaliseAudience(value: unknown): Audience {
  const record = (value && typeof value === 'object' ? value : {}) as Loose;
  const audience: Audience = {
    everyone: false,
    sectors: strings(record.sectors),
    organisations: strings(record.organisations),
    modes: strings(record.modes),
    team_roles: strings(record.team_roles),
  };
  const restricted =
    audience.sectors.length + audience.organisations.length + audience.modes.length + audience.team_roles.length > 0;
  audience.everyone = typeof record.everyone === 'boolean' ? record.everyone && !restricted : !restricted;
  return audience;
}

// Fills the members an answer may leave out, so that forms always see every field.
export function normaliseInject(value: unknown): Inject {
  const record = (value && typeof value === 'object' ? value : {}) as Loose;
  return {
    id: text(record.id),
    scene_id: text(record.scene_id),
    at: text(record.at),
    audience: normaliseAudience(record.audience),
    title: localised(record.title),
    body: localised(record.body),
    attachments: Array.isArray(record.attachments)
      ? record.attachments.map((a) => ({ name: text((a as Loose).name), url: text((a as Loose).url) }))
      : [],
    objectives: Array.isArray(record.objectives) ? record.objectives.filter((o): o is number => typeof o === 'number') : [],
    expected_actions: strings(record.expected_actions),
    controller_notes: text(record.controller_notes),
    optional: record.optional === true,
  };
}

function normaliseScene(value: unknown): Scene {
  const record = (value && typeof value === 'object' ? value : {}) as Loose;
  return {
    id: text(record.id),
    title: localised(record.title),
    starts_at: text(record.starts_at),
    ends_at: text(record.ends_at),
    speed: typeof record.speed === 'number' ? record.speed : 1,
    pause_at_end: record.pause_at_end === true,
  };
}

export function normaliseScenario(value: unknown): Scenario {
  const outer = (value && typeof value === 'object' ? value : {}) as Loose;
  // GET answers the scenario itself or {"scenario":{…}, "version":N}.
  const record = (outer.scenario && typeof outer.scenario === 'object' ? outer.scenario : outer) as Loose;
  const variables: Record<string, string> = {};
  if (record.variables && typeof record.variables === 'object') {
    for (const [key, v] of Object.entries(record.variables as Loose)) variables[key] = text(v);
  }
  return {
    id: text(record.id),
    title: localised(record.title),
    summary: localised(record.summary),
    variables,
    scenes: Array.isArray(record.scenes) ? record.scenes.map(normaliseScene) : [],
    injects: Array.isArray(record.injects) ? record.injects.map(normaliseInject) : [],
  };
}

export function normaliseOverlay(value: unknown): Overlay {
  const outer = (value && typeof value === 'object' ? value : {}) as Loose;
  const record = (outer.overlay && typeof outer.overlay === 'object' ? outer.overlay : outer) as Loose;
  const variables: Record<string, string> = {};
  if (record.variables && typeof record.variables === 'object') {
    for (const [key, v] of Object.entries(record.variables as Loose)) variables[key] = text(v);
  }
  return {
    variables,
    changes: Array.isArray(record.changes)
      ? record.changes.map((c) => {
          const change = c as Loose;
          return {
            inject_id: text(change.inject_id),
            ...(change.title ? { title: localised(change.title) } : {}),
            ...(change.body ? { body: localised(change.body) } : {}),
            disabled: change.disabled === true,
          };
        })
      : [],
    added: Array.isArray(record.added) ? record.added.map(normaliseInject) : [],
  };
}

// The stored master scenario and its version (answers are {"scenario":…|null,"version":N}).
export interface VersionedScenario {
  scenario: Scenario;
  version: number | null;
}

function versioned(answer: unknown, fallback: Scenario | null): VersionedScenario {
  const version =
    answer && typeof answer === 'object' && typeof (answer as Loose).version === 'number'
      ? ((answer as Loose).version as number)
      : null;
  return { scenario: answer ? normaliseScenario(answer) : (fallback ?? normaliseScenario({})), version };
}

export async function getScenario(exerciseId: number): Promise<VersionedScenario> {
  return versioned(await request<unknown>('GET', `${exercisePath(exerciseId)}/scenario`), null);
}

// Replaces the master scenario. With `version`, the server refuses (409) when someone
// else saved in between (If-Match), so that nobody overwrites another's edits unseen.
export async function putScenario(exerciseId: number, scenario: Scenario, version: number | null): Promise<VersionedScenario> {
  const answer = await request<unknown>('PUT', `${exercisePath(exerciseId)}/scenario`, {
    json: scenario,
    headers: version !== null ? { 'If-Match': `"${version}"` } : undefined,
  });
  return versioned(answer, scenario);
}

// Import: the file bytes as they are (YAML scenario file or XLSX MSEL), replacing the master.
export async function importScenario(exerciseId: number, file: Blob, format: ScenarioFileFormat): Promise<void> {
  await request<unknown>('PUT', `${exercisePath(exerciseId)}/scenario`, {
    body: file,
    contentType: format === 'xlsx' ? XLSX_TYPE : YAML_TYPE,
  });
}

export function scenarioFileFormat(fileName: string): ScenarioFileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export function exportScenarioUrl(exerciseId: number, format: ScenarioFileFormat, lang: 'ja' | 'en'): string {
  return buildUrl(`${exercisePath(exerciseId)}/scenario/export`, { format, lang });
}

const organisationPath = (exerciseId: number, organisationId: number) =>
  `${exercisePath(exerciseId)}/organisations/${organisationId}`;

export async function getOrganisationOverlay(exerciseId: number, organisationId: number): Promise<Overlay> {
  return normaliseOverlay(await request<unknown>('GET', `${organisationPath(exerciseId, organisationId)}/overlay`));
}

export async function putOrganisationOverlay(
  exerciseId: number,
  organisationId: number,
  overlay: Overlay,
): Promise<Overlay> {
  const answer = await request<unknown>('PUT', `${organisationPath(exerciseId, organisationId)}/overlay`, {
    json: overlay,
  });
  return answer ? normaliseOverlay(answer) : overlay;
}

export async function getEffectiveTimeline(exerciseId: number, organisationId: number): Promise<EffectiveInject[]> {
  const answer = await request<unknown>('GET', `${organisationPath(exerciseId, organisationId)}/timeline`);
  const items = Array.isArray(answer)
    ? answer
    : answer && typeof answer === 'object'
      ? ((answer as Loose).items ?? (answer as Loose).injects ?? [])
      : [];
  return (Array.isArray(items) ? items : []).map((item) => {
    const record = (item ?? {}) as Loose;
    // Either the inject's members flat, or {"inject":{…},"source","changed"}.
    const inject = normaliseInject(record.inject && typeof record.inject === 'object' ? record.inject : record);
    const source = record.source === 'sector' || record.source === 'organisation' ? record.source : 'master';
    return { ...inject, source, changed: record.changed === true };
  });
}
