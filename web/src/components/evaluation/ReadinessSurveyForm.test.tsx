import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationReference, ReadinessState } from '../../api/evaluationTypes';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ReadinessSurveyForm } from './ReadinessSurveyForm';

const reference: EvaluationReference = {
  objectives: [],
  answer_scales: [
    {
      code: 'prepared',
      name_ja: '整備状況',
      name_en: 'Preparation',
      options: [
        { code: 'prepared', position: 1, label_ja: '整備済み', label_en: 'In place', counts_as_yes: true, degree: null, is_no_answer: false },
        { code: 'no_answer', position: 2, label_ja: '無回答', label_en: 'No answer', counts_as_yes: false, degree: null, is_no_answer: true },
      ],
    },
  ],
  readiness_items: [
    { id: 'csirt.prepared', area_code: 'csirt', area_ja: 'CSIRTの効果的な運用', area_en: 'CSIRT', text_ja: 'CSIRTの整備状況', text_en: 'A CSIRT is in place', timing: 'before', scale_code: 'prepared', measure: 'share', sort_order: 1 },
    { id: 'bcp.it_bcp_prepared', area_code: 'bcp', area_ja: 'BCP/IT-BCP', area_en: 'BCP', text_ja: 'IT-BCPの整備状況', text_en: 'An IT-BCP is in place', timing: 'before', scale_code: 'prepared', measure: 'share', sort_order: 2 },
    { id: 'bcp.day_of_degree', area_code: 'bcp', area_ja: 'BCP/IT-BCP', area_en: 'BCP', text_ja: 'IT-BCPに沿って対応できた程度', text_en: 'Degree', timing: 'day_of', scale_code: 'prepared', measure: 'average_degree', sort_order: 3 },
  ],
};

const draft: ReadinessState = {
  part: 'before',
  status: 'draft',
  submitted_at: null,
  updated_at: '2023-11-01T00:00:00Z',
  answers: { 'csirt.prepared': 'prepared' },
  missing: ['bcp.it_bcp_prepared'],
  window: { opens_at: null, closes_at: '2023-12-01T00:00:00Z', open: true },
};

const fetchMock = vi.fn<typeof fetch>();
const path = '/api/exercises/1/organisations/7/readiness/before';

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReadinessSurveyForm', () => {
  it('shows the items of its part, what is missing, and every field a refused submission names', async () => {
    fetchMock.mockImplementation((url, init) => {
      const target = String(url);
      if (target === path && (!init?.method || init.method === 'GET')) return Promise.resolve(jsonResponse(200, draft));
      if (target === `${path}/submit`) {
        expect(JSON.parse(String(init?.body))).toEqual({ answers: { 'csirt.prepared': 'prepared' } });
        return Promise.resolve(
          jsonResponse(422, {
            error: { code: 'unprocessable', message: '1 problem', field: 'answers.bcp.it_bcp_prepared' },
            errors: [{ field: 'answers.bcp.it_bcp_prepared', message: 'unanswered' }],
          }),
        );
      }
      return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '', field: '' } }));
    });
    renderWithProviders(
      <ReadinessSurveyForm exerciseId={1} organisationId={7} part="before" reference={reference} canEdit canReopen={false} />,
    );
    await screen.findByText('CSIRTの整備状況');
    expect(screen.queryByText('IT-BCPに沿って対応できた程度')).toBeNull(); // a day-of item
    expect(screen.getByTestId('readiness-missing').textContent).toContain('1');
    expect(screen.getByTestId('evaluation-deadline')).toBeTruthy();

    await userEvent.click(screen.getByTestId('readiness-before-submit'));
    const errors = await screen.findByTestId('evaluation-errors');
    expect(within(errors).getByText(/IT-BCPの整備状況/).textContent).toContain('未回答です');
    expect(screen.getByTestId('readiness-item-bcp.it_bcp_prepared').className).toContain('evaluation-item-error');
  });

  it('is read-only once submitted and offers the organiser a reopen', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, { ...draft, status: 'submitted', submitted_at: '2023-11-02T00:00:00Z', missing: [] }),
    );
    renderWithProviders(
      <ReadinessSurveyForm exerciseId={1} organisationId={7} part="before" reference={reference} canEdit canReopen />,
    );
    await screen.findByText('CSIRTの整備状況');
    expect(screen.queryByTestId('readiness-before-submit')).toBeNull();
    expect(screen.getByTestId('readiness-before-reopen')).toBeTruthy();
    for (const radio of screen.getAllByRole('radio')) expect((radio as HTMLInputElement).disabled).toBe(true);
  });
});
