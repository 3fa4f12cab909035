// Scenario time: minutes since "day 1 00:00" (src/core/scenario.hpp). "D2 10:30" = 2070.

const PATTERN = /^D(\d{1,2}) ([01]\d|2[0-3]):([0-5]\d)$/;

// "D2 10:30" -> 2070; null for malformed text (day 1..99, HH 00..23, MM 00..59).
export function parseScenarioTime(text: string): number | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const day = Number(match[1]);
  if (day < 1) return null;
  return (day - 1) * 1440 + Number(match[2]) * 60 + Number(match[3]);
}

// 2070 -> "D2 10:30". Fractions of a minute are dropped; negative values clamp to D1 00:00.
export function formatScenarioTime(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  const day = Math.floor(whole / 1440) + 1;
  const hour = Math.floor((whole % 1440) / 60);
  const minute = whole % 60;
  return `D${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

// Sort key for a scenario time given as text; malformed text sorts last.
export function scenarioSortKey(text: string): number {
  return parseScenarioTime(text) ?? Number.MAX_SAFE_INTEGER;
}
