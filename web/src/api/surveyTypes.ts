// Types of the survey, session and opinion endpoints (docs/api.md "Surveys, sessions and opinions").

export type QuestionKind = 'single_choice' | 'multiple_choice' | 'likert' | 'number' | 'free_text';
export const QUESTION_KINDS: readonly QuestionKind[] = [
  'single_choice',
  'multiple_choice',
  'likert',
  'number',
  'free_text',
];
export type SurveyRespondent = 'person' | 'organisation';
export type SurveyAnonymity = 'named' | 'anonymous';
export type SurveyStatus = 'draft' | 'scheduled' | 'open' | 'closed';

export interface LocalText {
  ja: string;
  en: string;
}

export interface SurveyOption {
  code: string;
  label: LocalText;
}

export interface ShowIf {
  question: string;
  any_of: string[];
}

export interface SurveyQuestion {
  id?: number;
  code: string;
  kind: QuestionKind;
  text: LocalText;
  required: boolean;
  options: SurveyOption[];
  number_min: number | null;
  number_max: number | null;
  show_if: ShowIf | null;
}

export interface SurveyDefinition {
  code: string;
  title: LocalText;
  intro: LocalText;
  respondent: SurveyRespondent;
  anonymity: SurveyAnonymity;
  opens_at: string | null;
  closes_at: string | null;
  questions: SurveyQuestion[];
}

export interface Survey extends SurveyDefinition {
  id: number;
  exercise_id: number;
  status: SurveyStatus;
  created_at: string;
  updated_at: string;
  // Staff only.
  response_count?: number;
  editable?: boolean;
  question_count?: number;
  // Organisation people only.
  answered?: boolean;
  can_answer?: boolean;
}

export type AnswerValue = string | string[] | number | null;
export type Answers = Record<string, AnswerValue>;

export interface OptionResult {
  code: string;
  count: number;
  percent: number | null;
  denominator: number;
}

export interface QuestionResult {
  code: string;
  kind: QuestionKind;
  answered: number;
  options: OptionResult[];
  numbers: { min: number; max: number; mean: number; median: number } | null;
  texts: string[];
}

export interface Rate {
  eligible: number;
  answered: number;
  percent: number | null;
}

export interface SurveyResults {
  survey_id: number;
  respondent: SurveyRespondent;
  anonymity: SurveyAnonymity;
  responses: number;
  suppressed: boolean;
  minimum_group_size: number;
  questions: QuestionResult[];
  response_rates: {
    total: Rate;
    sectors: {
      sector_code: string;
      organisations: number;
      suppressed: boolean;
      organisation_rate: Rate | null;
      rate: Rate | null;
    }[];
    organisations: { organisation_id: number; name: string; sector_code: string; rate: Rate }[];
  };
}

export interface NamedResponse {
  organisation_id: number;
  organisation_name: string;
  person_id: number | null;
  person_name: string;
  submitted_on: string;
  answers: Answers;
}

export type ForumKind = 'roundtable' | 'feedback';
export type ForumFormat = 'venue' | 'web' | 'hybrid';

export interface ForumCounts {
  organisations_registered: number;
  people_registered: number;
  organisations_attended: number;
  people_attended: number;
}

export interface ForumSessionInput {
  kind: ForumKind;
  title: LocalText;
  starts_at: string;
  ends_at: string;
  format: ForumFormat;
  location: string;
  capacity: number | null;
  themes: string[];
  experts: string[];
  survey_id: number | null;
}

export interface ForumSession extends ForumSessionInput {
  id: number;
  exercise_id: number;
  counts: ForumCounts;
  created_at: string;
  updated_at: string;
}

export interface ForumTotals {
  kind: ForumKind;
  sessions: number;
  counts: ForumCounts;
}

export interface ForumRegistration {
  person_id: number;
  person_name: string;
  organisation_id: number;
  organisation_name: string;
  sector_code: string;
  attended: boolean | null;
  registered_at: string;
}

export interface OpinionKind {
  code: string;
  label: LocalText;
  position: number;
  built_in: boolean;
}

export interface Opinion {
  id: number;
  session_id: number;
  organisation_id: number | null;
  organisation_name: string;
  kind: string;
  text: string;
  created_at: string;
}

export interface OpinionInput {
  kind: string;
  text: string;
  organisation_id: number | null;
}
