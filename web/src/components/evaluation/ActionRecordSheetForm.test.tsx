import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionRecordSheet, EvaluationReference } from '../../api/evaluationTypes';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ActionRecordSheetForm } from './ActionRecordSheetForm';

const reference: EvaluationReference = {
  objectives: [
    { id: 2, title_ja: 'インシデント対処', title_en: 'Incident handling', description_ja: '', description_en: '', is_custom: false },
  ],
  answer_scales: [
    {
      code: 'four_level',
      name_ja: '4段階評価',
      name_en: 'Four-level',
      options: [
        { code: 'very_well', position: 1, label_ja: 'よく対応できた', label_en: 'Handled very well', counts_as_yes: true, degree: null, is_no_answer: false },
        { code: 'no_answer', position: 5, label_ja: '無回答', label_en: 'No answer', counts_as_yes: false, degree: null, is_no_answer: true },
      ],
    },
  ],
  readiness_items: [],
};

const sheet: ActionRecordSheet = {
  status: 'draft',
  submitted_at: null,
  reopened_at: null,
  updated_at: '2023-12-07T08:00:00Z',
  objectives: [
    { id: 1, key: '2', objective_id: 2, custom_index: 0, custom_text: '', ratings: ['very_well', null, null], issues: ['連絡網が古い'] },
    { id: 2, key: '10-1', objective_id: 10, custom_index: 1, custom_text: '夜間の代行者', ratings: [null, null, null], issues: [] },
  ],
  missing: [],
  window: { opens_at: null, closes_at: null, open: true },
  can_edit: true,
  evidence: {
    '2': {
      actions: [{ id: 5, text: 'CSIRTへ報告', person_name: '山田', decision_type: 'report', created_at: '2023-12-07T04:10:00Z', scenario_time: 'D1 13:10' }],
      injects: [{ inject_id: 'i1', title: { ja: '基幹システム停止', en: 'Core system down' }, scenario_time: 'D1 13:00', released: true, released_at: '2023-12-07T04:00:00Z' }],
    },
  },
};

const fetchMock = vi.fn<typeof fetch>();
const path = '/api/exercises/1/organisations/7/action-record';

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ActionRecordSheetForm', () => {
  it('shows play evidence beside each objective and names the refused settings by objective', async () => {
    fetchMock.mockImplementation((url, init) => {
      const target = String(url);
      if (target === path && (!init?.method || init.method === 'GET')) return Promise.resolve(jsonResponse(200, sheet));
      if (target === `${path}/submit`) {
        const body = JSON.parse(String(init?.body)) as { objectives: { key: string; ratings: unknown[]; issues: string[] }[] };
        expect(body.objectives[0]).toEqual({ key: '2', ratings: ['very_well', null, null], issues: ['連絡網が古い'] });
        return Promise.resolve(
          jsonResponse(422, {
            error: { code: 'unprocessable', message: '2 problems', field: 'objectives.2.settings.2' },
            errors: [
              { field: 'objectives.2.settings.2', message: 'unanswered' },
              { field: 'objectives.10-1.settings.1', message: 'unanswered' },
            ],
          }),
        );
      }
      return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '', field: '' } }));
    });
    renderWithProviders(<ActionRecordSheetForm exerciseId={1} organisationId={7} reference={reference} canReopen={false} version={0} />);
    const objective = await screen.findByTestId('sheet-objective-2');
    expect(within(objective).getByText(/基幹システム停止/)).toBeTruthy();
    expect(within(objective).getByText(/CSIRTへ報告/)).toBeTruthy();
    expect(within(screen.getByTestId('sheet-objective-10-1')).getByText(/この課題に関する状況付与はありません/)).toBeTruthy();
    expect(screen.getByTestId('sheet-missing').textContent).toContain('5');

    await userEvent.click(screen.getByTestId('sheet-submit'));
    const errors = await screen.findByTestId('evaluation-errors');
    expect(within(errors).getByText(/2 インシデント対処 ②参照/)).toBeTruthy();
    expect(within(errors).getByText(/10-1 夜間の代行者 ①手順書等の有無/)).toBeTruthy();
  });

  it('is read-only for someone who may not edit (a participant)', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ...sheet, can_edit: false }));
    renderWithProviders(<ActionRecordSheetForm exerciseId={1} organisationId={7} reference={reference} canReopen={false} version={0} />);
    await screen.findByTestId('sheet-objective-2');
    expect(screen.queryByTestId('sheet-submit')).toBeNull();
    expect(screen.queryByTestId('sheet-xlsx-upload')).toBeNull();
    expect(screen.getByTestId('sheet-xlsx-download')).toBeTruthy();
    expect((screen.getByTestId('sheet-2-issue-0') as HTMLTextAreaElement).disabled).toBe(true);
  });
});
