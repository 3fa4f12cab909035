// JSON shapes of the scenario routes (docs/api.md "Scenario", docs/scenario-format.md;
// the model is src/core/scenario.hpp). Scenario times are text: "D2 10:30".

export interface LocalisedText {
  ja: string;
  en: string;
}

// Empty lists mean "no restriction" on that dimension; `everyone` with all lists empty
// reaches every participant.
export interface Audience {
  everyone: boolean;
  sectors: string[];
  organisations: string[]; // external refs, or "id:42"
  modes: string[];
  team_roles: string[];
}

export interface Attachment {
  name: string;
  url: string;
}

export interface Inject {
  id: string;
  scene_id: string;
  at: string; // "D2 10:30"
  audience: Audience;
  title: LocalisedText;
  body: LocalisedText;
  attachments: Attachment[];
  objectives: number[];
  expected_actions: string[];
  controller_notes: string;
  optional: boolean;
}

export interface Scene {
  id: string;
  title: LocalisedText;
  starts_at: string;
  ends_at: string;
  speed: number;
  pause_at_end: boolean;
}

export interface Scenario {
  id: string;
  title: LocalisedText;
  summary: LocalisedText;
  variables: Record<string, string>;
  scenes: Scene[];
  injects: Inject[];
}

export interface InjectChange {
  inject_id: string;
  title?: LocalisedText;
  body?: LocalisedText;
  disabled: boolean;
}

export interface Overlay {
  variables: Record<string, string>;
  changes: InjectChange[];
  added: Inject[];
}

// One inject of an organisation's effective timeline (master ⊕ sector ⊕ organisation).
export interface EffectiveInject extends Inject {
  source: 'master' | 'sector' | 'organisation';
  changed: boolean;
}

export type ScenarioFileFormat = 'yaml' | 'xlsx';

export const TEAM_ROLES = ['management', 'csirt', 'pr', 'systems', 'legal', 'operations'] as const;
