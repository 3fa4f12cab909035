// JSON shapes of docs/api.md. Field names follow the server exactly.

export type StaffRole = 'organiser' | 'controller' | 'ministry' | 'observer';
export type OrganisationRole = 'org_lead' | 'participant';
export type Role = StaffRole | OrganisationRole;

export interface User {
  id: number;
  display_name: string;
  login: string | null;
  kind: 'staff' | 'person';
  is_admin: boolean;
}

export interface Membership {
  exercise_id: number;
  role: Role;
  organisation_id?: number;
  person_id?: number;
  ministry_code?: string;
}

export interface Session {
  user: User;
  memberships: Membership[];
  csrf_token: string;
}

export type PhaseKind = 'recruitment' | 'briefing' | 'preparation' | 'exercise_day' | 'feedback' | 'report';
export const PHASE_KINDS: readonly PhaseKind[] = [
  'recruitment',
  'briefing',
  'preparation',
  'exercise_day',
  'feedback',
  'report',
];

export interface Phase {
  id?: number;
  kind: PhaseKind;
  starts_at: string;
  ends_at: string;
  note: string;
}

export interface Exercise {
  id: number;
  fiscal_year: number;
  title_ja: string;
  title_en: string;
  description: string;
  time_zone: string;
  phases: Phase[];
  my_roles: Role[];
  organisation_count: number;
}

export interface ExerciseUpdate {
  fiscal_year?: number;
  title_ja?: string;
  title_en?: string;
  phases?: Phase[];
}

export type SizeBand = 'small' | 'medium' | 'large';
export const SIZE_BANDS: readonly SizeBand[] = ['small', 'medium', 'large'];
export type ParticipationMode = 'venue' | 'online' | 'simulated';
export const PARTICIPATION_MODES: readonly ParticipationMode[] = ['venue', 'online', 'simulated'];

export interface Organisation {
  id: number;
  exercise_id: number;
  external_ref: string | null;
  name: string;
  name_kana: string;
  name_en: string;
  sector_code: string;
  ministry_code: string;
  size_band: SizeBand;
  region: string;
  participation_mode: ParticipationMode;
  people_count: number;
  created_at: string;
  updated_at: string;
}

export interface OrganisationInput {
  external_ref?: string;
  name?: string;
  name_kana?: string;
  name_en?: string;
  sector_code?: string;
  size_band?: SizeBand;
  region?: string;
  participation_mode?: ParticipationMode;
}

export type OrganisationSort =
  | 'name'
  | 'sector'
  | 'ministry'
  | 'mode'
  | 'region'
  | 'size_band'
  | 'created_at'
  | 'updated_at';

export interface OrganisationQuery {
  page: number;
  page_size: number;
  sector?: string;
  ministry?: string;
  mode?: ParticipationMode;
  q?: string;
  sort?: OrganisationSort;
  order?: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export type JoinLinkStatus = 'none' | 'active' | 'expired' | 'revoked';

export interface Person {
  id: number;
  organisation_id: number;
  role: OrganisationRole;
  display_name: string;
  email: string;
  phone: string;
  department: string;
  is_contact: boolean;
  // Functions in the organisation (TEAM_ROLES); injects addressed to a team role reach them.
  team_roles: string[];
  join_link: { status: JoinLinkStatus; expires_at: string | null; last_used_at: string | null };
}

export interface PersonInput {
  role: OrganisationRole;
  display_name: string;
  email?: string;
  phone?: string;
  department?: string;
  is_contact?: boolean;
  team_roles?: string[];
}

export interface IssuedJoinLink {
  person: Person;
  join_url: string;
  expires_at: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  dry_run: boolean;
  valid: boolean;
  row_count: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
}

export interface Ministry {
  code: string;
  name_ja: string;
  name_en: string;
  short_ja?: string;
  short_en?: string;
}

export interface Sector {
  code: string;
  ministry_code: string;
  name_ja: string;
  name_en: string;
}

export interface Region {
  code: string; // ISO 3166-2: JP-01 .. JP-47
  name_ja: string;
  name_en: string;
}

// A verification objective (検証課題) 1..10; 10 is the organisation's own.
export interface Objective {
  id: number;
  title_ja: string;
  title_en: string;
  is_custom: boolean;
}

export interface Reference {
  ministries: Ministry[];
  sectors: Sector[];
  regions: Region[];
  objectives?: Objective[];
}
