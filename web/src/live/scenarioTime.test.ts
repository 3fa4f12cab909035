import { describe, expect, it } from 'vitest';
import { formatScenarioTime, parseScenarioTime, scenarioSortKey } from './scenarioTime';

describe('scenario time', () => {
  it('parses day and time into minutes since day 1 00:00', () => {
    expect(parseScenarioTime('D1 00:00')).toBe(0);
    expect(parseScenarioTime('D1 09:00')).toBe(540);
    expect(parseScenarioTime('D2 10:30')).toBe(2070);
    expect(parseScenarioTime(' D3 23:59 ')).toBe(2 * 1440 + 23 * 60 + 59);
  });

  it('rejects malformed text', () => {
    for (const text of ['', 'D0 09:00', 'D1 24:00', 'D1 09:60', 'D1 9:00', '09:00', 'd1 09:00', 'D100 09:00']) {
      expect(parseScenarioTime(text), text).toBeNull();
    }
  });

  it('formats minutes back, dropping fractions', () => {
    expect(formatScenarioTime(2070)).toBe('D2 10:30');
    expect(formatScenarioTime(2070.9)).toBe('D2 10:30');
    expect(formatScenarioTime(-5)).toBe('D1 00:00');
    for (const text of ['D1 00:00', 'D1 13:05', 'D4 17:00']) expect(formatScenarioTime(parseScenarioTime(text)!)).toBe(text);
  });

  it('sorts malformed times last', () => {
    expect(scenarioSortKey('D1 09:00')).toBeLessThan(scenarioSortKey('D2 00:00'));
    expect(scenarioSortKey('bad')).toBeGreaterThan(scenarioSortKey('D99 23:59'));
  });
});
