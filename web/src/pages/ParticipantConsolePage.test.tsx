import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionEntry, ClockSnapshot, Inbox, InjectPayload } from '../api/liveTypes';
import type { Session } from '../api/types';
import { FakeEventSource } from '../test/fakeEventSource';
import { jsonResponse, renderWithProviders } from '../test/render';
import { ParticipantConsolePage } from './ParticipantConsolePage';

const orgLead: Session = {
  user: { id: 3, display_name: '山田 花子', login: null, kind: 'person', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'org_lead', organisation_id: 7, person_id: 12 }],
  csrf_token: 'csrf',
};

const now = Date.now() * 1000;
const clock: ClockSnapshot = {
  state: 'running',
  scene_index: 0,
  scene_id: 'day1',
  scene_title: { ja: '1日目 異常の発生', en: 'Day 1' },
  speed: 12,
  scenario_minutes: 540,
  scenario_time: 'D1 09:00',
  anchor_scenario_minutes: 540,
  anchor_wall_us: now,
  now_us: now,
  scene_ends_at_minutes: 1080,
  version: 1,
  scenes: [],
};

function inject(id: string, title: string): InjectPayload {
  return {
    inject_id: id,
    scene_id: 'day1',
    scenario_time: 'D1 09:05',
    scenario_minutes: 545,
    title: { ja: title, en: title },
    body: { ja: '一行目\n<b>二行目</b>', en: 'body' },
    attachments: [],
    objectives: [1],
    team_roles: [],
    kind: 'manual',
    late: false,
  };
}

const fetchMock = vi.fn<typeof fetch>();
let inbox: Inbox;
let actions: ActionEntry[];

beforeEach(() => {
  FakeEventSource.instances = [];
  inbox = { organisation_id: 7, last_seq: 0, actions_count: 0, items: [] };
  actions = [];
  fetchMock.mockReset();
  fetchMock.mockImplementation((url, init) => {
    const path = String(url).split('?')[0];
    const method = init?.method ?? 'GET';
    if (path === '/api/reference') return Promise.resolve(jsonResponse(200, { ministries: [], sectors: [], regions: [], objectives: [] }));
    if (path === '/api/exercises/1') return Promise.resolve(jsonResponse(200, { id: 1, title_ja: '演習', title_en: 'Exercise', time_zone: 'Asia/Tokyo', phases: [] }));
    if (path === '/api/exercises/1/clock') return Promise.resolve(jsonResponse(200, clock));
    if (path === '/api/exercises/1/inbox') return Promise.resolve(jsonResponse(200, inbox));
    if (path === '/api/exercises/1/injects/i-01/ack' && method === 'POST') {
      return Promise.resolve(jsonResponse(200, { inject_id: 'i-01', acknowledged_at: '2023-12-07T04:05:00.000Z', created: true }));
    }
    if (path === '/api/exercises/1/organisations/7/actions' && method === 'POST') {
      const input = JSON.parse(String(init?.body)) as Partial<ActionEntry>;
      const entry: ActionEntry = {
        id: 5,
        organisation_id: 7,
        person_id: 12,
        person_name: '山田 花子',
        text: input.text ?? '',
        objective: input.objective ?? null,
        decision_type: input.decision_type ?? 'other',
        inject_id: input.inject_id ?? null,
        wall_at: '2023-12-07T04:06:00.000Z',
        wall_at_us: now,
        scenario_minutes: 560,
        scenario_time: 'D1 09:20',
        created_at: '',
      };
      actions = [entry];
      return Promise.resolve(jsonResponse(201, entry));
    }
    if (path === '/api/exercises/1/organisations/7/actions') {
      return Promise.resolve(jsonResponse(200, { items: actions, total: actions.length, page: 1, page_size: 200 }));
    }
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const factory = (url: string) => new FakeEventSource(url);

function renderConsole(session: Session = orgLead) {
  return renderWithProviders(
    <Routes>
      <Route path="/exercises/:exerciseId/play" element={<ParticipantConsolePage session={session} eventSourceFactory={factory} />} />
    </Routes>,
    '/exercises/1/play',
  );
}

const calls = (path: string, method = 'GET') =>
  fetchMock.mock.calls.filter(([url, init]) => String(url).split('?')[0] === path && (init?.method ?? 'GET') === method);

describe('ParticipantConsolePage', () => {
  it('shows an inject that arrives live, acknowledges it and logs an action', async () => {
    renderConsole();
    expect(await screen.findByRole('heading', { level: 1, name: '演習画面' })).toBeInTheDocument();
    expect(await screen.findByText('1日目 異常の発生')).toBeInTheDocument();
    expect(screen.getByTestId('clock-state')).toHaveTextContent('進行中');
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/exercises/1/stream');
    act(() => source.open());
    expect(screen.getByTestId('connection-state')).toHaveAttribute('data-status', 'live');

    act(() => source.emit('inject.released', { released_at_us: now, seq: 4, type: 'inject.released', payload: inject('i-01', '監視システムで異常を検知') }));
    const feed = screen.getByTestId('inject-feed');
    expect(within(feed).getByRole('heading', { name: '監視システムで異常を検知' })).toBeInTheDocument();
    // Text, not HTML: the tags are shown as written.
    expect(within(feed).getByText(/<b>二行目<\/b>/)).toBeInTheDocument();
    expect(within(feed).getByText('未読')).toBeInTheDocument();

    await userEvent.click(within(feed).getByRole('button', { name: '「監視システムで異常を検知」を確認済みにする' }));
    expect(await within(feed).findByTestId('acknowledged')).toBeInTheDocument();
    expect(calls('/api/exercises/1/injects/i-01/ack', 'POST')).toHaveLength(1);
    expect(within(feed).queryByText('未読')).toBeNull();

    await userEvent.click(within(feed).getByRole('button', { name: '「監視システムで異常を検知」への対応を記録' }));
    const form = screen.getByTestId('action-form');
    fireEvent.change(within(form).getByLabelText('実施した対応・判断'), { target: { value: 'CSIRT を招集' } });
    await userEvent.click(within(form).getByRole('button', { name: '記録する' }));
    const timeline = await screen.findByTestId('team-timeline');
    expect(await within(timeline).findByText('CSIRT を招集')).toBeInTheDocument();
    const post = calls('/api/exercises/1/organisations/7/actions', 'POST')[0];
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ text: 'CSIRT を招集', objective: null, decision_type: 'decision', inject_id: 'i-01' });
  });

  it('shows reconnecting while the stream is down and reloads without duplicates after it', async () => {
    renderConsole();
    await screen.findByText('1日目 異常の発生');
    const source = FakeEventSource.instances[0]!;
    act(() => source.open());
    act(() => source.emit('inject.released', { released_at_us: now, seq: 4, type: 'inject.released', payload: inject('i-01', '第一報') }));
    act(() => source.drop(0));
    expect(screen.getByText('再接続しています…')).toBeInTheDocument();

    // While it was down, i-02 was released; the inbox has both.
    inbox = {
      organisation_id: 7,
      last_seq: 6,
      actions_count: 0,
      items: [4, 6].map((seq) => ({
        seq,
        type: 'inject.released' as const,
        released_at: '',
        released_at_us: now,
        payload: inject(seq === 4 ? 'i-01' : 'i-02', seq === 4 ? '第一報' : '第二報'),
        acknowledged_by_me: false,
        acknowledged_at: null,
        acknowledged_by_organisation: false,
        organisation_acknowledged_at: null,
      })),
    };
    const inboxCalls = calls('/api/exercises/1/inbox').length;
    act(() => source.open());
    expect(screen.queryByText('再接続しています…')).toBeNull();
    const feed = screen.getByTestId('inject-feed');
    await vi.waitFor(() => expect(feed.querySelectorAll('li[data-inject-id]')).toHaveLength(2));
    expect(calls('/api/exercises/1/inbox').length).toBe(inboxCalls + 1);
    // The replay of seq 6 from Last-Event-ID changes nothing.
    act(() => source.emit('inject.released', { released_at_us: now, seq: 6, type: 'inject.released', payload: inject('i-02', '第二報') }));
    expect([...feed.querySelectorAll('li[data-inject-id]')].map((li) => li.getAttribute('data-inject-id'))).toEqual(['i-02', 'i-01']);
  });

  it('shows a broadcast as a banner, as text', async () => {
    renderConsole();
    await screen.findByText('1日目 異常の発生');
    const source = FakeEventSource.instances[0]!;
    act(() => source.open());
    act(() =>
      source.emit('broadcast', { released_at_us: now, seq: 9, type: 'broadcast', payload: { message: { ja: '15分後に<i>休憩</i>', en: 'Break' }, from: '事務局' } }),
    );
    const banner = screen.getByTestId('broadcast-banner');
    expect(within(banner).getByText('事務局 からのお知らせ')).toBeInTheDocument();
    expect(within(banner).getByText('15分後に<i>休憩</i>')).toBeInTheDocument();
    await userEvent.click(within(banner).getByRole('button', { name: 'お知らせを閉じる' }));
    expect(screen.queryByTestId('broadcast-banner')).toBeNull();
  });

  it('tells staff without an organisation that the console is for participants', async () => {
    renderConsole({ ...orgLead, memberships: [{ exercise_id: 1, role: 'controller' }] });
    expect(await screen.findByText('この画面は参加組織のメンバーが使います。')).toBeInTheDocument();
    expect(FakeEventSource.instances).toHaveLength(0);
  });
});
