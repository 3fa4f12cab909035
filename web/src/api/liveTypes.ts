// JSON shapes of the live-play routes and stream events (docs/api.md "Live play").
import type { Attachment, Audience, LocalisedText } from './scenarioTypes';

export type ClockState = 'scheduled' | 'running' | 'paused' | 'ended';

export interface ClockScene {
  id: string;
  title: LocalisedText;
  starts_at: string;
  ends_at: string;
  starts_at_minutes: number;
  ends_at_minutes: number;
  speed: number;
  pause_at_end: boolean;
}

export interface ClockSnapshot {
  state: ClockState;
  scene_index: number;
  scene_id: string;
  scene_title: LocalisedText;
  speed: number;
  scenario_minutes: number;
  scenario_time: string;
  anchor_scenario_minutes: number;
  anchor_wall_us: number;
  now_us: number;
  scene_ends_at_minutes: number;
  version: number;
  scenes: ClockScene[];
}

export type ReleaseStatus = 'pending' | 'released' | 'late';
export type ReleaseKind = 'scheduled' | 'manual' | 'adhoc';

export interface ReleaseItem {
  inject_id: string;
  scene_id: string;
  scenario_time: string;
  at_minutes: number;
  title: LocalisedText;
  audience: Audience;
  objectives: number[];
  optional: boolean;
  controller_notes: string;
  source: string;
  status: ReleaseStatus;
  kind: ReleaseKind | null;
  late: boolean;
  due_at: string | null;
  released_at: string | null;
  released_at_us: number | null;
  organisation_count: number;
}

export interface ReleasesAnswer {
  clock: ClockSnapshot;
  items: ReleaseItem[];
}

export interface ReleaseAnswer {
  release: {
    inject_id: string;
    kind: ReleaseKind;
    late: boolean;
    released_at: string;
    released_at_us: number;
    organisation_count: number;
  };
  created: boolean;
}

export interface AdhocAudience {
  everyone: boolean;
  organisation_ids: number[];
  sectors: string[];
  modes: string[];
  team_roles: string[];
}

export interface AdhocInjectInput {
  title: LocalisedText;
  body: LocalisedText;
  audience: AdhocAudience;
  objectives: number[];
}

// Payload of an inject.released event (texts as resolved for the recipient's organisation).
export interface InjectPayload {
  inject_id: string;
  scene_id: string;
  scenario_time: string;
  scenario_minutes: number;
  title: LocalisedText;
  body: LocalisedText;
  attachments: Attachment[];
  objectives: number[];
  team_roles: string[];
  kind: ReleaseKind;
  late: boolean;
}

export interface BroadcastPayload {
  message: LocalisedText;
  from: string;
}

export interface ClockChangedPayload {
  state: ClockState;
  scene_id: string;
  scene_index: number;
  scenario_time: string;
  scenario_minutes: number;
  speed: number;
  wall_anchor_us: number;
}

export interface AcknowledgedPayload {
  inject_id: string;
  organisation_id: number;
  person_id: number;
  person_name: string;
  acknowledged_at: string;
}

export interface ProgressUpdatedPayload {
  organisation_id: number;
  acked: number;
  actions: number;
  last_activity: string | null;
}

export interface ReleaseRecordedPayload {
  inject_id: string;
  kind: ReleaseKind;
  late: boolean;
  organisation_count: number;
}

export interface InboxItem {
  seq: number;
  type: 'inject.released' | 'broadcast';
  released_at: string;
  released_at_us: number;
  payload: InjectPayload | BroadcastPayload;
  acknowledged_by_me: boolean;
  acknowledged_at: string | null;
  acknowledged_by_organisation: boolean;
  organisation_acknowledged_at: string | null;
}

export interface Inbox {
  organisation_id: number;
  last_seq: number;
  actions_count: number;
  items: InboxItem[];
}

export const DECISION_TYPES = ['decision', 'report', 'communication', 'technical', 'other'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export interface ActionInput {
  text: string;
  objective: number | null;
  decision_type: DecisionType;
  inject_id?: string;
}

export interface ActionEntry {
  id: number;
  organisation_id: number;
  person_id: number | null;
  person_name: string;
  text: string;
  objective: number | null;
  decision_type: DecisionType;
  inject_id: string | null;
  wall_at: string;
  wall_at_us: number;
  scenario_minutes: number;
  scenario_time: string;
  created_at: string;
}

export interface ProgressItem {
  organisation_id: number;
  name: string;
  sector_code: string;
  participation_mode: string;
  online_participants: number;
  released_injects: number;
  acknowledged_injects: number;
  action_entries: number;
  last_activity: string | null;
}

// One event of the stream: the frame's data object.
export interface StreamEvent {
  released_at_us: number;
  seq: number;
  type: string;
  payload: unknown;
}
