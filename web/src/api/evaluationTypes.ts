// Types of the evaluation-instrument routes (docs/api.md "Evaluation instruments").

export type Instrument = 'readiness_before' | 'readiness_day_of' | 'objectives' | 'action_record';
export const INSTRUMENTS: readonly Instrument[] = ['readiness_before', 'readiness_day_of', 'objectives', 'action_record'];
export type ReadinessPart = 'before' | 'day_of';
export type AnswerStatus = 'not_started' | 'draft' | 'submitted';

export interface AnswerOption {
  code: string;
  position: number;
  label_ja: string;
  label_en: string;
  counts_as_yes: boolean;
  degree: number | null;
  is_no_answer: boolean;
}

export interface AnswerScale {
  code: string;
  name_ja: string;
  name_en: string;
  options: AnswerOption[];
}

export interface ReadinessItem {
  id: string;
  area_code: string;
  area_ja: string;
  area_en: string;
  text_ja: string;
  text_en: string;
  timing: ReadinessPart;
  scale_code: string;
  measure: 'share' | 'average_degree';
  sort_order: number;
}

export interface ObjectiveReference {
  id: number;
  title_ja: string;
  title_en: string;
  description_ja: string;
  description_en: string;
  is_custom: boolean;
}

export interface EvaluationReference {
  objectives: ObjectiveReference[];
  answer_scales: AnswerScale[];
  readiness_items: ReadinessItem[];
}

export interface InstrumentWindowState {
  opens_at: string | null;
  closes_at: string | null;
  open: boolean;
}

export interface InstrumentWindow extends InstrumentWindowState {
  instrument: Instrument;
}

export interface ReadinessState {
  part: ReadinessPart;
  status: AnswerStatus;
  submitted_at: string | null;
  updated_at: string | null;
  answers: Record<string, string>;
  missing: string[];
  window: InstrumentWindowState;
}

export interface ChosenObjective {
  id: number;
  key: string; // "3", "10-2"
  objective_id: number;
  custom_index: number;
  custom_text: string;
}

export interface ObjectivesState {
  items: ChosenObjective[];
  window: InstrumentWindowState;
}

export interface ObjectivesInput {
  standard: number[];
  own: { index?: number | null; text: string }[];
}

export interface ObjectiveRecord extends ChosenObjective {
  ratings: (string | null)[]; // ① ② ③
  issues: string[];
}

export interface EvidenceAction {
  id: number;
  text: string;
  person_name: string;
  decision_type: string;
  created_at: string;
  scenario_time: string | null;
}

export interface EvidenceInject {
  inject_id: string;
  title: { ja: string; en: string };
  scenario_time: string;
  released: boolean;
  released_at: string | null;
}

export interface ActionRecordSheet {
  status: AnswerStatus;
  submitted_at: string | null;
  reopened_at: string | null;
  updated_at: string | null;
  objectives: ObjectiveRecord[];
  missing: string[];
  window: InstrumentWindowState;
  evidence?: Record<string, { actions: EvidenceAction[]; injects: EvidenceInject[] }>;
  can_edit?: boolean;
}

export interface ObjectiveRecordInput {
  key: string;
  ratings: (string | null)[];
  issues: string[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface CellError {
  sheet: string;
  cell: string;
  message: string;
  text: string;
}

export interface UploadReport {
  dry_run: boolean;
  valid: boolean;
  errors: CellError[];
  objectives?: number;
  issues?: number;
}

export interface SectorCompletion {
  sector_code: string;
  organisations: number;
  submitted: number;
  draft: number;
  not_started: number;
}

export interface CompletionRow {
  organisation_id: number;
  name: string;
  sector_code: string;
  status: AnswerStatus;
  submitted_at: string | null;
  updated_at: string | null;
}

export interface Completion {
  instrument: Instrument;
  sectors: SectorCompletion[];
  organisations: CompletionRow[];
}

export interface Notice {
  id: number;
  kind: string;
  params: { instrument?: Instrument; part?: ReadinessPart; closes_at?: string | null };
  created_at: string;
  dismissed_at: string | null;
}
