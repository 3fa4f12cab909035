// Editing helpers for a survey definition (pure).
import type { QuestionKind, SurveyDefinition, SurveyQuestion } from '../api/surveyTypes';

export const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice', 'likert'];

export function blankDefinition(): SurveyDefinition {
  return {
    code: '',
    title: { ja: '', en: '' },
    intro: { ja: '', en: '' },
    respondent: 'organisation',
    anonymity: 'anonymous',
    opens_at: null,
    closes_at: null,
    questions: [blankQuestion(1)],
  };
}

export function blankQuestion(number: number): SurveyQuestion {
  return {
    code: `q${number}`,
    kind: 'single_choice',
    text: { ja: '', en: '' },
    required: false,
    options: [
      { code: 'a', label: { ja: '', en: '' } },
      { code: 'b', label: { ja: '', en: '' } },
    ],
    number_min: null,
    number_max: null,
    show_if: null,
  };
}

// A question code not used yet: q<n>.
export function freeQuestionCode(questions: SurveyQuestion[]): string {
  const taken = new Set(questions.map((question) => question.code));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  return `q${n}`;
}

// Changing the kind keeps what still applies: options for choice kinds, the range for numbers.
export function withKind(question: SurveyQuestion, kind: QuestionKind): SurveyQuestion {
  const choice = CHOICE_KINDS.includes(kind);
  return {
    ...question,
    kind,
    options: choice ? (question.options.length > 0 ? question.options : blankQuestion(1).options) : [],
    number_min: kind === 'number' ? question.number_min : null,
    number_max: kind === 'number' ? question.number_max : null,
  };
}

// Moves question `index` by `delta` and drops show-if conditions that would then refer to
// a later (or missing) question.
export function moveQuestion(questions: SurveyQuestion[], index: number, delta: number): SurveyQuestion[] {
  const target = index + delta;
  if (target < 0 || target >= questions.length) return questions;
  const moved = [...questions];
  const [question] = moved.splice(index, 1);
  if (!question) return questions;
  moved.splice(target, 0, question);
  return dropBrokenShowIf(moved);
}

export function removeQuestion(questions: SurveyQuestion[], index: number): SurveyQuestion[] {
  return dropBrokenShowIf(questions.filter((_, position) => position !== index));
}

function dropBrokenShowIf(questions: SurveyQuestion[]): SurveyQuestion[] {
  return questions.map((question, index) => {
    if (!question.show_if) return question;
    const condition = questions.slice(0, index).find((earlier) => earlier.code === question.show_if?.question);
    if (!condition || !CHOICE_KINDS.includes(condition.kind)) return { ...question, show_if: null };
    const anyOf = question.show_if.any_of.filter((code) => condition.options.some((option) => option.code === code));
    return { ...question, show_if: { question: condition.code, any_of: anyOf } };
  });
}

// <input type="datetime-local"> value ('2023-12-14T09:00', local time) ↔ UTC timestamp.
export function toLocalInput(timestamp: string | null): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(
    date.getMinutes(),
  )}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
