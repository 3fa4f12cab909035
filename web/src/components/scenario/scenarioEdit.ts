// Pure edits of a scenario draft (the organiser's scenario page). Each returns a new
// scenario; injects stay in file order (the server orders by time and file order).
import type { Inject, Scenario, Scene } from '../../api/scenarioTypes';
import { scenarioSortKey } from '../../live/scenarioTime';

export function emptyScenario(): Scenario {
  return { id: '', title: { ja: '', en: '' }, summary: { ja: '', en: '' }, variables: {}, scenes: [], injects: [] };
}

export function newInject(scene: Scene | undefined): Inject {
  return {
    id: '',
    scene_id: scene?.id ?? '',
    at: scene?.starts_at ?? 'D1 09:00',
    audience: { everyone: true, sectors: [], organisations: [], modes: [], team_roles: [] },
    title: { ja: '', en: '' },
    body: { ja: '', en: '' },
    attachments: [],
    objectives: [],
    expected_actions: [],
    controller_notes: '',
    optional: false,
  };
}

export function newScene(after: Scene | undefined): Scene {
  return {
    id: '',
    title: { ja: '', en: '' },
    starts_at: after?.ends_at ?? 'D1 09:00',
    ends_at: after?.ends_at ?? 'D1 12:00',
    speed: 1,
    pause_at_end: false,
  };
}

// Replaces the inject at `index` (or appends when index is null).
export function upsertInject(scenario: Scenario, index: number | null, inject: Inject): Scenario {
  const injects = [...scenario.injects];
  if (index === null || index < 0 || index >= injects.length) injects.push(inject);
  else injects[index] = inject;
  return { ...scenario, injects };
}

export function removeInject(scenario: Scenario, index: number): Scenario {
  return { ...scenario, injects: scenario.injects.filter((_, i) => i !== index) };
}

// Replaces the scene at `index` (or appends). A renamed scene takes its injects along.
export function upsertScene(scenario: Scenario, index: number | null, scene: Scene): Scenario {
  const scenes = [...scenario.scenes];
  let injects = scenario.injects;
  if (index === null || index < 0 || index >= scenes.length) {
    scenes.push(scene);
  } else {
    const previous = scenes[index];
    scenes[index] = scene;
    if (previous && previous.id !== scene.id) {
      injects = injects.map((inject) => (inject.scene_id === previous.id ? { ...inject, scene_id: scene.id } : inject));
    }
  }
  scenes.sort((a, b) => scenarioSortKey(a.starts_at) - scenarioSortKey(b.starts_at));
  return { ...scenario, scenes, injects };
}

// Removes a scene; its injects go too (the caller confirms with the count first).
export function removeScene(scenario: Scenario, index: number): Scenario {
  const scene = scenario.scenes[index];
  if (!scene) return scenario;
  return {
    ...scenario,
    scenes: scenario.scenes.filter((_, i) => i !== index),
    injects: scenario.injects.filter((inject) => inject.scene_id !== scene.id),
  };
}

// Inject indexes ordered by scenario time, ties in file order.
export function timelineOrder(injects: readonly Inject[]): number[] {
  return injects
    .map((inject, index) => ({ key: scenarioSortKey(inject.at), index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.index);
}

// Where a server validation error points: "injects[3].title.ja" -> inject 3, field
// ["title","ja"]; "scenes[1].ends_at" -> scene 1, ["ends_at"]; anything else -> scenario.
export type ErrorLocation =
  | { kind: 'inject'; index: number; path: string[] }
  | { kind: 'scene'; index: number; path: string[] }
  | { kind: 'scenario'; path: string[] };

export function errorLocation(field: string | null | undefined): ErrorLocation | null {
  if (!field) return null;
  const match = /^(injects|scenes)\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (match) {
    const path = (match[3] ?? '').split('.').filter((part) => part !== '').map((part) => part.replace(/\[\d+\]$/, ''));
    return { kind: match[1] === 'injects' ? 'inject' : 'scene', index: Number(match[2]), path };
  }
  return { kind: 'scenario', path: field.split('.') };
}

// Ids used more than once (the server rejects them; the form warns first).
export function isIdTaken(ids: readonly string[], id: string, ownIndex: number | null): boolean {
  return ids.some((other, index) => other === id && index !== ownIndex);
}
