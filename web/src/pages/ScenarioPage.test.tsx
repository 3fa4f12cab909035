import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../api/scenarioTypes';
import type { Session } from '../api/types';
import { jsonResponse, renderWithProviders } from '../test/render';
import { ScenarioPage } from './ScenarioPage';

const organiser: Session = {
  user: { id: 2, display_name: '事務局 太郎', login: 'organiser', kind: 'staff', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'organiser' }],
  csrf_token: 'csrf',
};

const everyone = { everyone: true, sectors: [], organisations: [], modes: [], team_roles: [] };
const stored: Scenario = {
  id: 'ransomware-2023',
  title: { ja: 'ランサムウェア', en: 'Ransomware' },
  summary: { ja: '', en: '' },
  variables: { service: '電力供給' },
  scenes: [{ id: 'day1', title: { ja: '1日目 異常', en: 'Day 1' }, starts_at: 'D1 09:00', ends_at: 'D1 18:00', speed: 12, pause_at_end: false }],
  injects: [
    { id: 'i-02', scene_id: 'day1', at: 'D1 11:00', audience: { ...everyone, everyone: false, sectors: ['electricity'] }, title: { ja: '業務システム停止', en: 'Outage' }, body: { ja: '', en: '' }, attachments: [], objectives: [2], expected_actions: [], controller_notes: '', optional: false },
    { id: 'i-01', scene_id: 'day1', at: 'D1 09:30', audience: everyone, title: { ja: '監視で異常検知', en: 'Anomaly' }, body: { ja: '本文', en: '' }, attachments: [], objectives: [1], expected_actions: ['CSIRT 招集'], controller_notes: '内部メモ', optional: true },
  ],
};

const fetchMock = vi.fn<typeof fetch>();
let putAnswer: { status: number; body: unknown };

beforeEach(() => {
  putAnswer = { status: 200, body: null };
  fetchMock.mockReset();
  fetchMock.mockImplementation((url, init) => {
    const path = String(url).split('?')[0];
    const method = init?.method ?? 'GET';
    if (path === '/api/reference') return Promise.resolve(jsonResponse(200, { ministries: [], sectors: [{ code: 'electricity', ministry_code: 'meti', name_ja: '電力', name_en: 'Electricity' }], regions: [], objectives: [] }));
    if (path === '/api/exercises/1/scenario' && method === 'GET') return Promise.resolve(jsonResponse(200, { scenario: stored, version: 3 }));
    if (path === '/api/exercises/1/scenario' && method === 'PUT') {
      return Promise.resolve(jsonResponse(putAnswer.status, putAnswer.body ?? { scenario: JSON.parse(String(init?.body)), version: 4 }));
    }
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/exercises/:exerciseId/scenario" element={<ScenarioPage session={organiser} />} />
    </Routes>,
    '/exercises/1/scenario',
  );
}

const puts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT');

// The button with this accessible label or text (faster than a role query on a large antd tree).
function button(scope: HTMLElement, text: string): HTMLButtonElement {
  const labelled = [...scope.querySelectorAll('button[aria-label]')].find((node) => node.getAttribute('aria-label') === text);
  if (labelled) return labelled as HTMLButtonElement;
  const found = within(scope)
    .getAllByText(text)
    .map((node) => node.closest('button'))
    .find((node): node is HTMLButtonElement => node !== null);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe('ScenarioPage', () => {
  it('lists injects by scenario time, edits one in the drawer and saves the whole scenario', { timeout: 60_000 }, async () => {
    renderPage();
    const table = await screen.findByTestId('inject-table');
    const rows = () => [...table.querySelectorAll('tbody tr[data-row-key]')].map((row) => row.querySelector('code')?.textContent);
    await vi.waitFor(() => expect(rows()).toEqual(['i-01', 'i-02']));
    expect(within(table).getByText('電力')).toBeInTheDocument();
    expect(screen.getByTestId('scenario-save')).toBeDisabled();

    await userEvent.click(button(table, '状況付与 i-02 を編集'));
    const drawer = await screen.findByRole('dialog', { name: '状況付与 i-02 の編集' });
    const title = within(drawer).getByLabelText('タイトル（日本語）');
    fireEvent.change(title, { target: { value: '基幹システム停止' } });
    const time = within(drawer).getByLabelText('シナリオ時刻');
    fireEvent.change(time, { target: { value: 'D1 25:00' } });
    await userEvent.click(within(drawer).getByTestId('inject-apply'));
    expect(await within(drawer).findByText('D1 09:00 の形式で入力してください。')).toBeInTheDocument();
    fireEvent.change(time, { target: { value: 'D1 10:00' } });
    await userEvent.click(within(drawer).getByTestId('inject-apply'));
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '状況付与 i-02 の編集' })).toBeNull());
    expect(screen.getByText('保存していない変更があります。')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('scenario-save'));
    await vi.waitFor(() => expect(puts()).toHaveLength(1));
    const body = JSON.parse(String(puts()[0]?.[1]?.body)) as Scenario;
    expect((puts()[0]?.[1]?.headers as Record<string, string>)['If-Match']).toBe('"3"');
    expect(body.injects.map((i) => [i.id, i.at, i.title.ja])).toEqual([
      ['i-02', 'D1 10:00', '基幹システム停止'],
      ['i-01', 'D1 09:30', '監視で異常検知'],
    ]);
    expect(body.injects[0]?.audience).toEqual({ ...everyone, everyone: false, sectors: ['electricity'] });
    expect(body.injects[1]?.controller_notes).toBe('内部メモ');
    expect(body.variables).toEqual({ service: '電力供給' });
    await vi.waitFor(() => expect(screen.queryByText('保存していない変更があります。')).toBeNull());
  });

  it('shows the server’s validation error at the inject and field it names', { timeout: 60_000 }, async () => {
    putAnswer = {
      status: 422,
      body: {
        error: { code: 'unprocessable', message: 'injects[1].at: D1 08:00 is before its scene (and 1 more)', field: 'injects[1].at' },
        errors: [
          { line: null, sheet: '', cell: '', field: 'injects[1].at', message: 'injects[1].at: D1 08:00 is before its scene' },
          { line: null, sheet: '', cell: '', field: 'injects[1].title.ja', message: 'injects[1].title.ja: required' },
        ],
      },
    };
    renderPage();
    const table = await screen.findByTestId('inject-table');
    await userEvent.click(await vi.waitFor(() => button(table, '状況付与 i-01 を編集')));
    const first = await screen.findByRole('dialog', { name: '状況付与 i-01 の編集' });
    await userEvent.click(within(first).getByTestId('inject-apply'));
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '状況付与 i-01 の編集' })).toBeNull());
    await userEvent.click(screen.getByTestId('scenario-save'));
    const error = await screen.findByTestId('scenario-save-error');
    expect(within(error).getAllByRole('alert')[0]).toHaveTextContent('injects[1].at: D1 08:00 is before its scene (and 1 more)');
    expect(within(error).getByTestId('scenario-problems')).toBeInTheDocument();
    expect(within(error).getByText('状況付与 i-01 に誤りがあります。')).toBeInTheDocument();
    await userEvent.click(button(error, '該当箇所を開く'));
    const drawer = await screen.findByRole('dialog', { name: '状況付与 i-01 の編集' });
    expect(await within(drawer).findByText('injects[1].at: D1 08:00 is before its scene (and 1 more)')).toBeInTheDocument();
  });

  it('places injects on the timeline view by scene and time', { timeout: 60_000 }, async () => {
    renderPage();
    await screen.findByTestId('inject-table');
    await userEvent.click(screen.getByRole('tab', { name: 'タイムライン' }));
    const timeline = await screen.findByTestId('scenario-timeline');
    const marker = button(timeline, 'D1 09:30 i-01 監視で異常検知');
    expect(marker.style.left).toBe(`${(30 / 540) * 100}%`);
    await userEvent.click(marker);
    expect(await screen.findByRole('dialog', { name: '状況付与 i-01 の編集' })).toBeInTheDocument();
  });
});
