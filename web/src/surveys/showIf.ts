// The show-if rules of a survey, as the server applies them (src/evaluation/survey_validation):
// a question without show_if is shown; one with show_if is shown when its condition
// question is shown and answered with one of the listed options, so hiding cascades.
// Hidden questions are sent empty (the server refuses answers to hidden questions).
import type { AnswerValue, Answers, SurveyQuestion } from '../api/surveyTypes';

export function isEmptyAnswer(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

function selects(value: AnswerValue | undefined, codes: string[]): boolean {
  if (typeof value === 'string') return codes.includes(value);
  if (Array.isArray(value)) return value.some((code) => codes.includes(code));
  return false;
}

// Codes of the questions shown for these answers, in question order.
export function visibleQuestions(questions: SurveyQuestion[], answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const question of questions) {
    if (!question.show_if) {
      visible.add(question.code);
    } else if (visible.has(question.show_if.question) && selects(answers[question.show_if.question], question.show_if.any_of)) {
      visible.add(question.code);
    }
  }
  return visible;
}

// The answers to send: shown, non-empty answers only (free text as typed).
export function answersToSend(questions: SurveyQuestion[], answers: Answers): Answers {
  const visible = visibleQuestions(questions, answers);
  const result: Answers = {};
  for (const question of questions) {
    const value = answers[question.code];
    if (visible.has(question.code) && !isEmptyAnswer(value)) result[question.code] = value ?? null;
  }
  return result;
}

// Codes of shown required questions still unanswered (checked before sending).
export function missingRequired(questions: SurveyQuestion[], answers: Answers): string[] {
  const visible = visibleQuestions(questions, answers);
  return questions
    .filter((question) => question.required && visible.has(question.code) && isEmptyAnswer(answers[question.code]))
    .map((question) => question.code);
}

// Question codes that a show-if of question `index` may refer to: earlier choice or likert questions.
export function showIfCandidates(questions: SurveyQuestion[], index: number): SurveyQuestion[] {
  return questions
    .slice(0, index)
    .filter((question) => ['single_choice', 'multiple_choice', 'likert'].includes(question.kind));
}
