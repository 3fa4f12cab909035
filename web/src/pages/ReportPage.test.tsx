import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../api/types';
import { jsonResponse, renderWithProviders } from '../test/render';

vi.mock('../report/ReportChartView', () => ({ ReportChartView: () => <div data-testid="chart" /> }));

import { ReportPage } from './ReportPage';

const organiser: Session = {
  user: { id: 1, display_name: '事務局', login: 'organiser', kind: 'staff', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'organiser' }],
  csrf_token: 'csrf',
};
const ministry: Session = {
  user: { id: 2, display_name: '経産省', login: 'ministry-meti', kind: 'staff', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'ministry', ministry_code: 'meti' }],
  csrf_token: 'csrf',
};
const participant: Session = {
  user: { id: 3, display_name: '参加者', login: null, kind: 'person', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'participant', organisation_id: 7, person_id: 9 }],
  csrf_token: 'csrf',
};

const documentBody = {
  language: 'ja',
  title: '【演習結果】2023年度 実施結果',
  subtitle: '全体',
  generated_at: '',
  sections: [{ id: 'objectives', title: '2-2. 検証課題', blocks: [{ kind: 'paragraph', text: '回答組織数 = 468' }] }],
};

const fetchMock = vi.fn<typeof fetch>();
const requested: string[] = [];

beforeEach(() => {
  requested.length = 0;
  fetchMock.mockReset();
  fetchMock.mockImplementation((url) => {
    const text = String(url);
    requested.push(text);
    const path = text.split('?')[0];
    if (path === '/api/reference') return Promise.resolve(jsonResponse(200, { ministries: [], sectors: [], regions: [] }));
    if (path === '/api/exercises') return Promise.resolve(jsonResponse(200, { items: [] }));
    if (path === '/api/exercises/1/report') return Promise.resolve(jsonResponse(200, documentBody));
    if (path === '/api/exercises/1/report/settings') {
      return Promise.resolve(jsonResponse(200, { minimum_group: 5, compared_exercise_ids: null, effective_compared_exercise_ids: [] }));
    }
    if (path === '/api/exercises/1/report/issues') return Promise.resolve(jsonResponse(200, { items: [], total: 0, page: 1, page_size: 20 }));
    if (path === '/api/exercises/1/report/issues/themes') return Promise.resolve(jsonResponse(200, { items: [] }));
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage(session: Session) {
  return renderWithProviders(
    <Routes>
      <Route path="/exercises/:exerciseId/report" element={<ReportPage session={session} />} />
    </Routes>,
    '/exercises/1/report',
  );
}

describe('ReportPage', () => {
  it('gives organisers the report, its settings and the issue picker', async () => {
    renderPage(organiser);
    expect(await screen.findByText('【演習結果】2023年度 実施結果')).toBeInTheDocument();
    expect(screen.getByText('回答組織数 = 468')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: '最小集計単位（組織数）' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '洗い出された課題（代表的な意見）の選択' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'PDFをダウンロード' })).toBeInTheDocument();
  });

  it('shows ministries their report without settings or issue picking', async () => {
    renderPage(ministry);
    expect(await screen.findByText('【演習結果】2023年度 実施結果')).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton', { name: '最小集計単位（組織数）' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '洗い出された課題（代表的な意見）の選択' })).toBeNull();
    expect(requested.some((url) => url.includes('/report/settings'))).toBe(false);
  });

  it('is not found for participants', async () => {
    renderPage(participant);
    expect(requested.some((url) => url.includes('/report'))).toBe(false);
    expect(screen.queryByText('【演習結果】2023年度 実施結果')).toBeNull();
  });
});
