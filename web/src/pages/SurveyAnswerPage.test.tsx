import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Session } from '../api/types';
import { AppProviders } from '../components/AppProviders';
import { jsonResponse } from '../test/render';
import '../i18n';
import { SurveyAnswerPage } from './SurveyAnswerPage';

const fetchMock = vi.fn<typeof fetch>();

const session = {
  user: { id: 9, display_name: '責任者', login: null, kind: 'person', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'org_lead', organisation_id: 7, person_id: 12 }],
  csrf_token: 'csrf',
} as unknown as Session;

const option = (code: string, ja: string) => ({ code, label: { ja, en: code } });
const survey = {
  id: 5,
  exercise_id: 1,
  code: 'feedback_session',
  title: { ja: '意見交換会アンケート', en: 'Feedback-session survey' },
  intro: { ja: '', en: '' },
  respondent: 'organisation',
  anonymity: 'anonymous',
  opens_at: '2023-12-14T00:00:00Z',
  closes_at: null,
  status: 'open',
  answered: false,
  can_answer: true,
  created_at: 'x',
  updated_at: 'x',
  questions: [
    { code: 'joined', kind: 'single_choice', text: { ja: '参加しましたか。', en: '' }, required: true,
      options: [option('joined', '参加した'), option('not_joined', '参加しなかった')], number_min: null, number_max: null, show_if: null },
    { code: 'meaningful', kind: 'likert', text: { ja: '有意義であったか。', en: '' }, required: true,
      options: [option('meaningful', '有意義だった'), option('not_meaningful', '有意義ではなかった')], number_min: null, number_max: null,
      show_if: { question: 'joined', any_of: ['joined'] } },
    { code: 'reasons', kind: 'multiple_choice', text: { ja: '参加しなかった理由', en: '' }, required: true,
      options: [option('business', '業務都合'), option('other', 'その他')], number_min: null, number_max: null,
      show_if: { question: 'joined', any_of: ['not_joined'] } },
  ],
};

function renderPage() {
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={['/exercises/1/surveys/5/answer']}>
        <Routes>
          <Route path="/exercises/:exerciseId/surveys/:surveyId/answer" element={<SurveyAnswerPage session={session} />} />
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('SurveyAnswerPage', () => {
  it('shows follow-up questions live and sends only the shown answers', async () => {
    fetchMock.mockImplementation((_url, init) => {
      if (init?.method === 'POST') return Promise.resolve(jsonResponse(201, { survey_id: 5, answered: true }));
      return Promise.resolve(jsonResponse(200, survey));
    });
    renderPage();
    await screen.findByText('参加しましたか。', { exact: false });
    expect(screen.queryByTestId('question-meaningful')).toBeNull();
    expect(screen.queryByTestId('question-reasons')).toBeNull();
    fireEvent.click(screen.getByLabelText('参加した'));
    expect(screen.getByTestId('question-meaningful')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('参加しなかった'));
    expect(screen.queryByTestId('question-meaningful')).toBeNull();
    expect(screen.getByTestId('question-reasons')).toBeTruthy();
    // Required and unanswered: nothing is sent.
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByText('この設問は回答必須です')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByLabelText('業務都合'));
    fireEvent.click(screen.getByTestId('survey-submit'));
    await screen.findByTestId('survey-thanks');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/api/exercises/1/surveys/5/responses');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ answers: { joined: 'not_joined', reasons: ['business'] } });
  });

  it('marks the question the server names in its error', async () => {
    fetchMock.mockImplementation((_url, init) => {
      if (init?.method === 'POST') {
        return Promise.resolve(
          jsonResponse(409, { error: { code: 'conflict', message: 'status: the survey closed at 2024-01-01', field: 'status' } }),
        );
      }
      return Promise.resolve(jsonResponse(200, survey));
    });
    renderPage();
    await screen.findByText('参加しましたか。', { exact: false });
    fireEvent.click(screen.getByLabelText('参加しなかった'));
    fireEvent.click(screen.getByLabelText('業務都合'));
    fireEvent.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('the survey closed'));
  });
});
