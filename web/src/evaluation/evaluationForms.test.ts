import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { ObjectiveRecord, ReadinessItem } from '../api/evaluationTypes';
import {
  answersBody,
  erroredKeys,
  fieldErrorsOf,
  groupItemsByArea,
  objectiveTitle,
  objectivesDraftOf,
  objectivesInput,
  sheetBody,
  unansweredSettings,
} from './evaluationForms';

const item = (id: string, area: string, timing: 'before' | 'day_of', order: number): ReadinessItem => ({
  id,
  area_code: area,
  area_ja: `${area}ja`,
  area_en: area,
  text_ja: id,
  text_en: id,
  timing,
  scale_code: 'organised',
  measure: 'share',
  sort_order: order,
});

const record = (key: string, ratings: (string | null)[], issues: string[] = []): ObjectiveRecord => ({
  id: 1,
  key,
  objective_id: key.startsWith('10') ? 10 : Number(key),
  custom_index: key.startsWith('10') ? 1 : 0,
  custom_text: key.startsWith('10') ? '独自' : '',
  ratings,
  issues,
});

describe('groupItemsByArea', () => {
  it('keeps the part only, in display order, grouped by area', () => {
    const groups = groupItemsByArea(
      [item('b', 'csirt', 'before', 7), item('a', 'governance', 'before', 1), item('d', 'governance', 'day_of', 2),
        item('c', 'governance', 'before', 3)],
      'before',
    );
    expect(groups.map((g) => g.areaCode)).toEqual(['governance', 'csirt']);
    expect(groups[0]?.items.map((i) => i.id)).toEqual(['a', 'c']);
  });
});

describe('fieldErrorsOf', () => {
  it('reads errors[] of a refused save and ignores other failures', () => {
    const refused = new ApiError(422, 'unprocessable', '2 problems', 'answers.a', {
      error: {},
      errors: [{ field: 'answers.a', message: 'unanswered' }, { field: 'answers.b', message: 'unanswered' }, 'junk'],
    });
    expect(fieldErrorsOf(refused).map((e) => e.field)).toEqual(['answers.a', 'answers.b']);
    expect([...erroredKeys(fieldErrorsOf(refused), 'answers.')]).toEqual(['a', 'b']);
    expect(fieldErrorsOf(new Error('x'))).toEqual([]);
    expect(fieldErrorsOf(new ApiError(409, 'conflict', 'closed', 'closes_at'))).toEqual([]);
  });
});

describe('request bodies', () => {
  it('drops blank answers', () => {
    expect(answersBody({ a: 'organised', b: undefined, c: '' })).toEqual({ a: 'organised' });
  });

  it('objectives: standard 1..9 once and sorted, own texts trimmed, blanks dropped', () => {
    expect(
      objectivesInput([4, 2, 4, 10], [
        { index: 1, text: ' 夜間 ' },
        { index: null, text: '  ' },
        { index: null, text: '広報' },
      ]),
    ).toEqual({ standard: [2, 4], own: [{ index: 1, text: '夜間' }, { index: null, text: '広報' }] });
  });

  it('objectives draft round-trips the stored choice', () => {
    const draft = objectivesDraftOf([
      { id: 1, key: '2', objective_id: 2, custom_index: 0, custom_text: '' },
      { id: 2, key: '10-3', objective_id: 10, custom_index: 3, custom_text: '代行者' },
    ]);
    expect(draft).toEqual({ standard: [2], own: [{ index: 3, text: '代行者' }] });
  });

  it('sheet: three settings each, blanks as null, blank issues dropped; missing settings named', () => {
    const records = [record('2', ['very_well', '', null], ['  課題 ', '']), record('10-1', [])];
    expect(sheetBody(records)).toEqual([
      { key: '2', ratings: ['very_well', null, null], issues: ['課題'] },
      { key: '10-1', ratings: [null, null, null], issues: [] },
    ]);
    expect(unansweredSettings(records)).toEqual([
      'objectives.2.settings.2',
      'objectives.2.settings.3',
      'objectives.10-1.settings.1',
      'objectives.10-1.settings.2',
      'objectives.10-1.settings.3',
    ]);
  });
});

describe('objectiveTitle', () => {
  const reference = [{ id: 2, title_ja: 'インシデント対処', title_en: 'Incident handling', description_ja: '', description_en: '', is_custom: false }];
  it('uses the reference title in the UI language and the own text for objective 10', () => {
    expect(objectiveTitle({ objective_id: 2, custom_index: 0, custom_text: '' }, reference, 'en')).toBe('Incident handling');
    expect(objectiveTitle({ objective_id: 2, custom_index: 0, custom_text: '' }, reference, 'ja')).toBe('インシデント対処');
    expect(objectiveTitle({ objective_id: 10, custom_index: 1, custom_text: '独自' }, reference, 'ja')).toBe('独自');
  });
});
