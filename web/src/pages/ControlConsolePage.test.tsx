import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClockSnapshot, ProgressItem, ReleaseItem } from '../api/liveTypes';
import type { Session } from '../api/types';
import { FakeEventSource } from '../test/fakeEventSource';
import { jsonResponse, renderWithProviders } from '../test/render';
import { ControlConsolePage } from './ControlConsolePage';

const organiser: Session = {
  user: { id: 2, display_name: '事務局 太郎', login: 'organiser', kind: 'staff', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'organiser' }],
  csrf_token: 'csrf',
};
const observer: Session = { ...organiser, memberships: [{ exercise_id: 1, role: 'observer' }] };

const now = Date.now() * 1000;
const scenes = [
  { id: 'day1', title: { ja: '1日目', en: 'Day 1' }, starts_at: 'D1 09:00', ends_at: 'D1 18:00', starts_at_minutes: 540, ends_at_minutes: 1080, speed: 12, pause_at_end: false },
];
function clock(state: ClockSnapshot['state']): ClockSnapshot {
  return {
    state,
    scene_index: 0,
    scene_id: 'day1',
    scene_title: { ja: '1日目', en: 'Day 1' },
    speed: 12,
    scenario_minutes: 540,
    scenario_time: 'D1 09:00',
    anchor_scenario_minutes: 540,
    anchor_wall_us: now,
    now_us: now,
    scene_ends_at_minutes: 1080,
    version: 1,
    scenes,
  };
}
function release(id: string, status: ReleaseItem['status']): ReleaseItem {
  return {
    inject_id: id,
    scene_id: 'day1',
    scenario_time: 'D1 09:30',
    at_minutes: 570,
    title: { ja: `件名 ${id}`, en: `Title ${id}` },
    audience: { everyone: true, sectors: [], organisations: [], modes: [], team_roles: [] },
    objectives: [1],
    optional: false,
    controller_notes: '',
    source: 'master',
    status,
    kind: status === 'pending' ? null : 'scheduled',
    late: false,
    due_at: null,
    released_at: status === 'pending' ? null : '2023-12-07T04:00:00.000Z',
    released_at_us: null,
    organisation_count: 60,
  };
}
const progressRow: ProgressItem = {
  organisation_id: 7,
  name: 'デモ電力株式会社',
  sector_code: 'electricity',
  participation_mode: 'venue',
  online_participants: 2,
  released_injects: 1,
  acknowledged_injects: 0,
  action_entries: 0,
  last_activity: null,
};

const fetchMock = vi.fn<typeof fetch>();
let state: ClockSnapshot['state'];
let items: ReleaseItem[];

beforeEach(() => {
  FakeEventSource.instances = [];
  state = 'scheduled';
  items = [release('i-01', 'pending'), release('i-02', 'released')];
  fetchMock.mockReset();
  fetchMock.mockImplementation((url, init) => {
    const path = String(url).split('?')[0];
    const method = init?.method ?? 'GET';
    if (path === '/api/reference') return Promise.resolve(jsonResponse(200, { ministries: [], sectors: [{ code: 'electricity', ministry_code: 'meti', name_ja: '電力', name_en: 'Electricity' }], regions: [], objectives: [] }));
    if (path === '/api/exercises/1') return Promise.resolve(jsonResponse(200, { id: 1, title_ja: '演習', title_en: 'Exercise', time_zone: 'Asia/Tokyo', phases: [] }));
    if (path === '/api/exercises/1/releases') return Promise.resolve(jsonResponse(200, { clock: clock(state), items }));
    if (path === '/api/exercises/1/clock/start' && method === 'POST') {
      state = 'running';
      return Promise.resolve(jsonResponse(200, clock(state)));
    }
    if (path === '/api/exercises/1/injects/i-01/release' && method === 'POST') {
      items = [release('i-01', 'released'), release('i-02', 'released')];
      return Promise.resolve(
        jsonResponse(200, { release: { inject_id: 'i-01', kind: 'manual', late: false, released_at: '', released_at_us: now, organisation_count: 60 }, created: true }),
      );
    }
    if (path === '/api/exercises/1/broadcasts' && method === 'POST') return Promise.resolve(jsonResponse(201, { seq: 42 }));
    if (path === '/api/exercises/1/progress') return Promise.resolve(jsonResponse(200, { items: [progressRow], total: 1, page: 1, page_size: 50 }));
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const factory = (url: string) => new FakeEventSource(url);
const calls = (path: string, method = 'GET') =>
  fetchMock.mock.calls.filter(([url, init]) => String(url).split('?')[0] === path && (init?.method ?? 'GET') === method);

function renderConsole(session: Session = organiser) {
  return renderWithProviders(
    <Routes>
      <Route path="/exercises/:exerciseId/control" element={<ControlConsolePage session={session} eventSourceFactory={factory} />} />
    </Routes>,
    '/exercises/1/control',
  );
}

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

describe('ControlConsolePage', () => {
  it('starts the clock after a confirmation and releases a pending inject now', { timeout: 60_000 }, async () => {
    renderConsole();
    const table = await screen.findByTestId('release-table');
    expect(await within(table).findByTestId('status-i-01')).toHaveTextContent('未配信');
    expect(within(table).getByTestId('status-i-02')).toHaveTextContent('配信済み');

    await userEvent.click(button(document.body, '演習開始'));
    const confirm = await screen.findByRole('dialog');
    expect(within(confirm).getAllByText('演習を開始しますか？').length).toBeGreaterThan(0);
    await userEvent.click(button(confirm, 'はい'));
    await vi.waitFor(() => expect(screen.getByTestId('clock-state')).toHaveTextContent('進行中'));
    expect(calls('/api/exercises/1/clock/start', 'POST')).toHaveLength(1);
    expect(button(document.body, '演習開始')).toBeDisabled();
    expect(button(document.body, '一時停止')).toBeEnabled();

    await userEvent.click(button(table, 'i-01 を今すぐ配信'));
    const popconfirm = await screen.findByText('i-01 を今すぐ配信しますか？');
    const popup = popconfirm.closest('.ant-popover') as HTMLElement;
    await userEvent.click(button(popup, '今すぐ配信'));
    await vi.waitFor(() => expect(within(table).getByTestId('status-i-01')).toHaveTextContent('配信済み'));
    expect(calls('/api/exercises/1/injects/i-01/release', 'POST')).toHaveLength(1);
  });

  it('updates an organisation’s progress from progress.updated events', { timeout: 60_000 }, async () => {
    renderConsole();
    const progress = await screen.findByTestId('progress-table');
    expect(await within(progress).findByText('デモ電力株式会社')).toBeInTheDocument();
    expect(within(progress).getByTestId('acked-7')).toHaveTextContent('0 / 1');
    const source = FakeEventSource.instances[0]!;
    act(() => source.open());
    act(() =>
      source.emit('progress.updated', {
        released_at_us: now,
        seq: 12,
        type: 'progress.updated',
        payload: { organisation_id: 7, acked: 1, actions: 2, last_activity: '2023-12-07T04:10:00.000Z' },
      }),
    );
    expect(within(progress).getByTestId('acked-7')).toHaveTextContent('1 / 1');
    expect(within(progress).getByTestId('actions-7')).toHaveTextContent('2');
  });

  it('sends a broadcast', { timeout: 60_000 }, async () => {
    renderConsole();
    await screen.findByTestId('release-table');
    await userEvent.click(screen.getByRole('tab', { name: '全体へのお知らせ' }));
    const form = await screen.findByTestId('broadcast-form');
    fireEvent.change(within(form).getByLabelText('メッセージ（日本語）'), { target: { value: '16:00 に休憩します' } });
    await userEvent.click(button(form, '全員に送信'));
    await vi.waitFor(() => expect(calls('/api/exercises/1/broadcasts', 'POST')).toHaveLength(1));
    expect(JSON.parse(String(calls('/api/exercises/1/broadcasts', 'POST')[0]?.[1]?.body))).toEqual({
      message: { ja: '16:00 に休憩します', en: '' },
    });
  });

  it('shows observers the timeline and progress without controls', { timeout: 60_000 }, async () => {
    renderConsole(observer);
    await screen.findByTestId('release-table');
    expect(screen.queryByRole('button', { name: '演習開始' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'i-01 を今すぐ配信' })).toBeNull();
    expect(screen.queryByTestId('broadcast-form')).toBeNull();
  });
});
