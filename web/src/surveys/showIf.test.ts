import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../api/surveyTypes';
import { answersToSend, missingRequired, showIfCandidates, visibleQuestions } from './showIf';

function question(code: string, kind: SurveyQuestion['kind'], extra: Partial<SurveyQuestion> = {}): SurveyQuestion {
  return {
    code,
    kind,
    text: { ja: code, en: code },
    required: false,
    options: [],
    number_min: null,
    number_max: null,
    show_if: null,
    ...extra,
  };
}

const options = (...codes: string[]) => codes.map((code) => ({ code, label: { ja: code, en: code } }));

const questions: SurveyQuestion[] = [
  question('joined', 'single_choice', { required: true, options: options('joined', 'not_joined') }),
  question('meaningful', 'likert', {
    required: true,
    options: options('yes', 'no'),
    show_if: { question: 'joined', any_of: ['joined'] },
  }),
  question('reasons', 'multiple_choice', {
    required: true,
    options: options('business', 'other'),
    show_if: { question: 'joined', any_of: ['not_joined'] },
  }),
  question('other', 'free_text', { required: true, show_if: { question: 'reasons', any_of: ['other'] } }),
  question('comments', 'free_text'),
];

describe('show-if', () => {
  it('shows the follow-up questions of the chosen option only', () => {
    expect([...visibleQuestions(questions, {})]).toEqual(['joined', 'comments']);
    expect([...visibleQuestions(questions, { joined: 'joined' })]).toEqual(['joined', 'meaningful', 'comments']);
    expect([...visibleQuestions(questions, { joined: 'not_joined', reasons: ['other'] })]).toEqual([
      'joined',
      'reasons',
      'other',
      'comments',
    ]);
  });

  it('cascades: hiding a condition question hides what depends on it', () => {
    expect(visibleQuestions(questions, { joined: 'joined', reasons: ['other'] }).has('other')).toBe(false);
  });

  it('sends only shown, non-empty answers', () => {
    expect(
      answersToSend(questions, { joined: 'joined', meaningful: 'yes', reasons: ['other'], other: 'x', comments: '  ' }),
    ).toEqual({ joined: 'joined', meaningful: 'yes' });
  });

  it('lists shown required questions without an answer', () => {
    expect(missingRequired(questions, { joined: 'not_joined', reasons: ['other'] })).toEqual(['other']);
    expect(missingRequired(questions, { joined: 'joined', meaningful: 'no' })).toEqual([]);
  });

  it('offers earlier choice questions as show-if conditions', () => {
    expect(showIfCandidates(questions, 4).map((q) => q.code)).toEqual(['joined', 'meaningful', 'reasons']);
    expect(showIfCandidates(questions, 0)).toEqual([]);
  });
});
