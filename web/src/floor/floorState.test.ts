import { describe, expect, it } from 'vitest';
import type { Announcement, ExerciseBreak } from '../api/floorTypes';
import {
  floorReducer,
  formatCountdown,
  initialFloorState,
  isFloorEvent,
  markedTitle,
  remainingSeconds,
  visibleAnnouncements,
} from './floorState';

const announcement = (id: number, extra: Partial<Announcement> = {}): Announcement => ({
  id,
  message: { ja: `お知らせ${id}`, en: `Notice ${id}` },
  severity: 'info',
  expires_at_us: null,
  created_by: '事務局',
  created_at_us: 1,
  withdrawn_at_us: null,
  active: true,
  ...extra,
});

const running = (extra: Partial<ExerciseBreak> = {}): ExerciseBreak => ({
  id: 7,
  starts_at_us: 1_000_000_000,
  ends_at_us: 1_300_000_000,
  duration_seconds: 300,
  message: { ja: '休憩', en: 'Break' },
  status: 'running',
  paused_clock: true,
  started_at_us: 1_000_000_000,
  ended_at_us: null,
  now_us: 1_000_000_000,
  ...extra,
});

const event = (type: string, payload: unknown, seq = 1) => ({ type, payload, seq, released_at_us: 0 });

describe('floorReducer', () => {
  it('adds posted announcements once, newest first, and drops withdrawn ones', () => {
    let state = floorReducer(initialFloorState, { type: 'announcements', items: [announcement(1)] });
    state = floorReducer(state, { type: 'event', event: event('announcement.posted', announcement(2)), browserNowUs: 0 });
    state = floorReducer(state, { type: 'event', event: event('announcement.posted', announcement(2)), browserNowUs: 0 });
    expect(state.announcements.map((a) => a.id)).toEqual([2, 1]);
    state = floorReducer(state, { type: 'event', event: event('announcement.withdrawn', { id: 1 }), browserNowUs: 0 });
    expect(state.announcements.map((a) => a.id)).toEqual([2]);
  });

  it('ignores inactive announcements from the list and hides dismissed and expired ones', () => {
    let state = floorReducer(initialFloorState, {
      type: 'announcements',
      items: [announcement(1), announcement(2, { active: false }), announcement(3, { expires_at_us: 500 })],
    });
    expect(state.announcements.map((a) => a.id)).toEqual([1, 3]);
    expect(visibleAnnouncements(state, 400).map((a) => a.id)).toEqual([1, 3]);
    expect(visibleAnnouncements(state, 500).map((a) => a.id)).toEqual([1]);
    state = floorReducer(state, { type: 'dismiss', id: 1 });
    expect(visibleAnnouncements(state, 0).map((a) => a.id)).toEqual([3]);
  });

  it('shows a started break, follows its extension and clears it when it ends', () => {
    // The browser's clock is 2 s behind the server's.
    let state = floorReducer(initialFloorState, {
      type: 'event',
      event: event('break.started', running()),
      browserNowUs: 998_000_000,
    });
    expect(state.currentBreak?.id).toBe(7);
    expect(state.offsetUs).toBe(2_000_000);
    state = floorReducer(state, {
      type: 'event',
      event: event('break.updated', running({ ends_at_us: 1_360_000_000, duration_seconds: 360 })),
      browserNowUs: 998_000_000,
    });
    expect(state.currentBreak?.ends_at_us).toBe(1_360_000_000);
    // An update of another, scheduled break does not replace it.
    state = floorReducer(state, {
      type: 'event',
      event: event('break.updated', running({ id: 8, status: 'scheduled' })),
      browserNowUs: 0,
    });
    expect(state.currentBreak?.id).toBe(7);
    state = floorReducer(state, { type: 'event', event: event('break.ended', running({ status: 'finished' })), browserNowUs: 0 });
    expect(state.currentBreak).toBeNull();
  });

  it('takes the current break from the list answer only when it is running', () => {
    expect(floorReducer(initialFloorState, { type: 'break', current: running(), browserNowUs: 0 }).currentBreak?.id).toBe(7);
    expect(
      floorReducer(initialFloorState, { type: 'break', current: running({ status: 'finished' }), browserNowUs: 0 }).currentBreak,
    ).toBeNull();
  });

  it('recognises floor events only', () => {
    expect(isFloorEvent(event('break.started', {}))).toBe(true);
    expect(isFloorEvent(event('inject.released', {}))).toBe(false);
  });
});

describe('countdown', () => {
  it('rounds up to whole seconds and stops at zero', () => {
    const item = running();
    expect(remainingSeconds(item, 1_000_000_000)).toBe(300);
    expect(remainingSeconds(item, 999_500_000)).toBe(300); // a tick from just before the start
    expect(remainingSeconds(item, 1_299_000_001)).toBe(1);
    expect(remainingSeconds(item, 1_300_000_000)).toBe(0);
    expect(remainingSeconds(item, 1_400_000_000)).toBe(0);
  });

  it('formats minutes and hours', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(3 * 3600 + 61)).toBe('3:01:01');
  });
});

describe('markedTitle', () => {
  it('prefixes the exercise marking once', () => {
    expect(markedTitle('Enshu')).toBe('【演習】Enshu');
    expect(markedTitle('【演習】Enshu')).toBe('【演習】Enshu');
  });
});

describe('the stream subscription', () => {
  it('listens to every floor event type (EventSource delivers only named events it listens to)', async () => {
    const { STREAM_EVENT_TYPES } = await import('../live/streamConnection');
    const { FLOOR_EVENT_TYPES } = await import('./floorState');
    for (const type of FLOOR_EVENT_TYPES) expect(STREAM_EVENT_TYPES as readonly string[]).toContain(type);
  });
});
