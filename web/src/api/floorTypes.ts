// Types of the exercise-floor routes (docs/api.md "Exercise floor").
import type { LocalisedText } from './scenarioTypes';

export type AnnouncementSeverity = 'info' | 'warning' | 'critical';

export interface Announcement {
  id: number;
  message: LocalisedText;
  severity: AnnouncementSeverity;
  expires_at_us: number | null;
  created_by: string;
  created_at_us: number;
  withdrawn_at_us: number | null;
  active: boolean;
}

export interface AnnouncementInput {
  message: LocalisedText;
  severity: AnnouncementSeverity;
  expires_in_minutes: number | null;
}

export type BreakStatus = 'scheduled' | 'running' | 'finished' | 'cancelled';

export interface ExerciseBreak {
  id: number;
  starts_at_us: number;
  ends_at_us: number;
  duration_seconds: number;
  message: LocalisedText;
  status: BreakStatus;
  paused_clock: boolean;
  started_at_us: number | null;
  ended_at_us: number | null;
  now_us: number; // the server's time when the answer or event was made
}

export interface BreakInput {
  starts_at_us: number | null; // null = now
  duration_seconds: number;
  message: LocalisedText;
}

export interface BreaksAnswer {
  items: ExerciseBreak[];
  current: ExerciseBreak | null;
  now_us: number;
}

export interface Observation {
  id: number;
  organisation_id: number;
  organisation_name: string;
  inject_id: string;
  observer_id: number;
  observer_name: string;
  rating: number;
  comment: string;
  created_at: string;
  updated_at: string;
}

export interface ObservationInput {
  organisation_id: number;
  inject_id: string;
  rating: number;
  comment: string;
}

export interface ObservedInject {
  inject_id: string;
  title: LocalisedText;
  scenario_time: string;
  released_at_us: number;
  my_observation: Observation | null;
}
