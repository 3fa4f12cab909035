import { describe, expect, it } from 'vitest';
import type { ClockSnapshot } from '../api/liveTypes';
import { applyClockChanged, clockFromSnapshot, formatWallTime, scenarioMinutesAt, serverWallMs } from './clockMath';

const MINUTE_US = 60_000_000;
const T0 = 1_701_921_600_000_000; // 2023-12-07 04:00:00 UTC = 13:00 JST

function snapshot(overrides: Partial<ClockSnapshot> = {}): ClockSnapshot {
  return {
    state: 'running',
    scene_index: 0,
    scene_id: 'day1',
    scene_title: { ja: '1日目', en: 'Day 1' },
    speed: 12,
    scenario_minutes: 540,
    scenario_time: 'D1 09:00',
    anchor_scenario_minutes: 540,
    anchor_wall_us: T0,
    now_us: T0,
    scene_ends_at_minutes: 1080,
    version: 1,
    scenes: [
      { id: 'day1', title: { ja: '1日目', en: 'Day 1' }, starts_at: 'D1 09:00', ends_at: 'D1 18:00', starts_at_minutes: 540, ends_at_minutes: 1080, speed: 12, pause_at_end: false },
      { id: 'day2', title: { ja: '2日目', en: 'Day 2' }, starts_at: 'D2 09:00', ends_at: 'D2 18:00', starts_at_minutes: 1980, ends_at_minutes: 2520, speed: 6, pause_at_end: true },
    ],
    ...overrides,
  };
}

describe('clock math', () => {
  it('advances a running clock by wall time × speed', () => {
    const clock = clockFromSnapshot(snapshot(), T0);
    expect(scenarioMinutesAt(clock, T0)).toBe(540);
    expect(scenarioMinutesAt(clock, T0 + MINUTE_US)).toBe(552);
    expect(scenarioMinutesAt(clock, T0 + 10 * MINUTE_US)).toBe(660);
  });

  it('never runs past the end of the scene', () => {
    const clock = clockFromSnapshot(snapshot(), T0);
    expect(scenarioMinutesAt(clock, T0 + 60 * MINUTE_US)).toBe(1080);
  });

  it('corrects the browser clock by the server offset', () => {
    // The browser is 30 s behind the server: its T0 - 30 s is the server's T0.
    const clock = clockFromSnapshot(snapshot({ now_us: T0 + 5 * MINUTE_US }), T0 + 5 * MINUTE_US - 30_000_000);
    expect(clock.offsetUs).toBe(30_000_000);
    expect(scenarioMinutesAt(clock, T0 + 5 * MINUTE_US - 30_000_000)).toBe(540 + 5 * 12);
    expect(serverWallMs(clock, T0 - 30_000_000)).toBe(T0 / 1000);
  });

  it('holds a paused clock at its position', () => {
    const clock = clockFromSnapshot(snapshot({ state: 'paused', scenario_minutes: 700.5, anchor_scenario_minutes: 600 }), T0);
    expect(scenarioMinutesAt(clock, T0)).toBe(700.5);
    expect(scenarioMinutesAt(clock, T0 + 30 * MINUTE_US)).toBe(700.5);
  });

  it('moves the anchor, speed and scene end on clock.changed', () => {
    const clock = clockFromSnapshot(snapshot(), T0);
    const next = applyClockChanged(clock, {
      state: 'running',
      scene_id: 'day2',
      scene_index: 1,
      scenario_time: 'D2 09:00',
      scenario_minutes: 1980,
      speed: 6,
      wall_anchor_us: T0 + 45 * MINUTE_US,
    });
    expect(next.sceneTitle.en).toBe('Day 2');
    expect(next.endsAtMinutes).toBe(2520);
    expect(scenarioMinutesAt(next, T0 + 45 * MINUTE_US)).toBe(1980);
    expect(scenarioMinutesAt(next, T0 + 55 * MINUTE_US)).toBe(2040);
    expect(scenarioMinutesAt(next, T0 + 500 * MINUTE_US)).toBe(2520);
    const paused = applyClockChanged(next, { ...{ state: 'paused' as const, scene_id: 'day2', scene_index: 1, scenario_time: 'D2 10:00', scenario_minutes: 2040, speed: 6, wall_anchor_us: T0 + 55 * MINUTE_US } });
    expect(scenarioMinutesAt(paused, T0 + 90 * MINUTE_US)).toBe(2040);
  });

  it('formats wall time in the exercise time zone', () => {
    expect(formatWallTime(T0 / 1000, 'Asia/Tokyo')).toBe('13:00:00');
    expect(formatWallTime(T0 / 1000, 'UTC')).toBe('04:00:00');
  });
});
