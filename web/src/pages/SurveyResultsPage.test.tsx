import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Session } from '../api/types';
import { AppProviders } from '../components/AppProviders';
import { jsonResponse } from '../test/render';
import '../i18n';
import { SurveyResultsPage } from './SurveyResultsPage';

const fetchMock = vi.fn<typeof fetch>();

const organiser = {
  user: { id: 1, display_name: '事務局', login: 'organiser', kind: 'staff', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'organiser' }],
  csrf_token: 'csrf',
} as unknown as Session;

const option = (code: string, ja: string) => ({ code, label: { ja, en: code } });
const survey = {
  id: 5, exercise_id: 1, code: 'feedback_session', title: { ja: '意見交換会アンケート', en: '' }, intro: { ja: '', en: '' },
  respondent: 'organisation', anonymity: 'anonymous', opens_at: '2023-12-14T00:00:00Z', closes_at: null, status: 'open',
  response_count: 79, editable: false, created_at: 'x', updated_at: 'x',
  questions: [
    { code: 'meaningful', kind: 'likert', text: { ja: '有意義であったか。', en: '' }, required: true,
      options: [option('meaningful', '有意義だった'), option('neutral', 'どちらともいえない'), option('not_meaningful', '有意義ではなかった')],
      number_min: null, number_max: null, show_if: null },
    { code: 'why', kind: 'free_text', text: { ja: 'その理由', en: '' }, required: false, options: [], number_min: null, number_max: null, show_if: null },
  ],
};
const results = {
  survey_id: 5, respondent: 'organisation', anonymity: 'anonymous', responses: 79, suppressed: false, minimum_group_size: 5,
  questions: [
    { code: 'meaningful', kind: 'likert', answered: 79, numbers: null, texts: [],
      options: [
        { code: 'meaningful', count: 71, percent: 89.9, denominator: 79 },
        { code: 'neutral', count: 6, percent: 7.6, denominator: 79 },
        { code: 'not_meaningful', count: 2, percent: 2.5, denominator: 79 },
      ] },
    { code: 'why', kind: 'free_text', answered: 2, numbers: null, options: [], texts: ['<b>太字</b>にならない', '他組織と意見交換できた'] },
  ],
  response_rates: {
    total: { eligible: 83, answered: 79, percent: 95.2 },
    sectors: [{ sector_code: 'electricity', organisations: 83, suppressed: false, organisation_rate: { eligible: 83, answered: 79, percent: 95.2 }, rate: { eligible: 83, answered: 79, percent: 95.2 } }],
    organisations: [],
  },
};

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockImplementation((url) => {
    const path = String(url);
    if (path.endsWith('/results')) return Promise.resolve(jsonResponse(200, results));
    if (path.startsWith('/api/reference')) return Promise.resolve(jsonResponse(200, { sectors: [], ministries: [], regions: [] }));
    return Promise.resolve(jsonResponse(200, survey));
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('SurveyResultsPage', () => {
  it('shows each share with its count and denominator, and free text as plain text', async () => {
    render(
      <AppProviders>
        <MemoryRouter initialEntries={['/exercises/1/surveys/5/results']}>
          <Routes>
            <Route path="/exercises/:exerciseId/surveys/:surveyId/results" element={<SurveyResultsPage session={organiser} />} />
          </Routes>
        </MemoryRouter>
      </AppProviders>,
    );
    expect(await screen.findByText('89.9% (71 / 79)')).toBeTruthy();
    expect(screen.getByText('7.6% (6 / 79)')).toBeTruthy();
    expect(screen.getByText('2.5% (2 / 79)')).toBeTruthy();
    expect(screen.getByTestId('results-responses').textContent).toBe('79');
    // User-written text is rendered as text, never as HTML.
    expect(screen.getByText('<b>太字</b>にならない')).toBeTruthy();
    expect(document.querySelector('.survey-texts b')).toBeNull();
    // The anonymous survey has no per-respondent table (and the page does not ask for one).
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/responses'))).toBe(false);
  });
});
