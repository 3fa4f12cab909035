import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../api/liveTypes';
import { useFloor, type Floor } from '../../floor/useFloor';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { FloorLayer } from './FloorLayer';

const fetchMock = vi.fn<typeof fetch>();
let nowUs: number;

const announcement = {
  id: 5,
  message: { ja: '<b>16時</b>から全体説明', en: 'Briefing at 16:00' },
  severity: 'warning',
  expires_at_us: null,
  created_by: '事務局',
  created_at_us: 1,
  withdrawn_at_us: null,
  active: true,
};

function runningBreak() {
  return {
    id: 3,
    starts_at_us: nowUs,
    ends_at_us: nowUs + 90_000_000,
    duration_seconds: 90,
    message: { ja: 'コーヒー休憩', en: 'Coffee' },
    status: 'running',
    paused_clock: true,
    started_at_us: nowUs,
    ended_at_us: null,
    now_us: nowUs,
  };
}

beforeEach(() => {
  sessionStorage.clear();
  nowUs = Date.now() * 1000;
  fetchMock.mockReset();
  fetchMock.mockImplementation((url) => {
    const path = String(url).split('?')[0];
    if (path === '/api/exercises/1/announcements') return Promise.resolve(jsonResponse(200, { items: [announcement], now_us: nowUs }));
    if (path === '/api/exercises/1/breaks') return Promise.resolve(jsonResponse(200, { items: [runningBreak()], current: runningBreak(), now_us: nowUs }));
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// The floor of exercise 1, with its onEvent handed to the test.
function Harness({ onReady, showBreak }: { onReady: (floor: Floor) => void; showBreak?: boolean }) {
  const floor = useFloor(1);
  onReady(floor);
  return <FloorLayer floor={floor} showBreak={showBreak} />;
}

describe('FloorLayer', () => {
  it('shows the announcement as text and the running break full-screen until it ends', async () => {
    let floor: Floor | null = null;
    renderWithProviders(<Harness onReady={(f) => (floor = f)} />);
    const banner = await screen.findByTestId('announcement-banner');
    expect(within(banner).getByText('<b>16時</b>から全体説明')).toBeInTheDocument();
    expect(banner.querySelector('b')).toBeNull();
    expect(within(banner).getByText('注意 — 事務局 からのアナウンス')).toBeInTheDocument();

    const overlay = await screen.findByRole('dialog', { name: '休憩中' });
    expect(within(overlay).getByText('コーヒー休憩')).toBeInTheDocument();
    expect(within(overlay).getByTestId('break-countdown').textContent).toMatch(/^1:(29|30)$/);
    expect(within(overlay).getByText('演習 EXERCISE')).toBeInTheDocument();

    const ended: StreamEvent = { type: 'break.ended', seq: 9, released_at_us: nowUs, payload: { ...runningBreak(), status: 'finished' } };
    act(() => {
      floor!.onEvent(ended);
    });
    expect(screen.queryByTestId('break-overlay')).toBeNull();
  });

  it('lets the reader close an announcement and remembers it for the session', async () => {
    renderWithProviders(<Harness onReady={() => undefined} showBreak={false} />);
    const banner = await screen.findByTestId('announcement-banner');
    expect(screen.queryByTestId('break-overlay')).toBeNull(); // staff consoles: no overlay
    await userEvent.click(within(banner).getByRole('button', { name: 'アナウンスを閉じる' }));
    expect(screen.queryByTestId('announcement-banner')).toBeNull();
    expect(JSON.parse(sessionStorage.getItem('enshu.floor.dismissed') ?? '[]')).toEqual([5]);
  });

  it('shows an announcement posted live and removes it when withdrawn', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, { items: [], current: null, now_us: nowUs })));
    let floor: Floor | null = null;
    renderWithProviders(<Harness onReady={(f) => (floor = f)} />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const posted: StreamEvent = { type: 'announcement.posted', seq: 1, released_at_us: nowUs, payload: { ...announcement, id: 6, severity: 'critical' } };
    act(() => {
      expect(floor!.onEvent(posted)).toBe(true);
    });
    expect(within(screen.getByTestId('announcement-banner')).getByText('重要 — 事務局 からのアナウンス')).toBeInTheDocument();
    act(() => {
      floor!.onEvent({ type: 'announcement.withdrawn', seq: 2, released_at_us: nowUs, payload: { id: 6 } });
    });
    expect(screen.queryByTestId('announcement-banner')).toBeNull();
    expect(floor!.onEvent({ type: 'inject.released', seq: 3, released_at_us: nowUs, payload: {} })).toBe(false);
  });
});
