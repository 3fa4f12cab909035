// The exercise clock as the browser shows it: a model built from the server's clock
// snapshot (GET …/clock) or a clock.changed event, ticking locally (docs/api.md "Clock"):
// while running, minutes(t) = min(anchor + (t_server - anchor_wall) / 60e6 * speed, scene end).
// The browser's clock may differ from the server's; `offsetUs` (server - browser) corrects it.
import type { ClockChangedPayload, ClockScene, ClockSnapshot, ClockState } from '../api/liveTypes';
import type { LocalisedText } from '../api/scenarioTypes';

export interface ClockModel {
  state: ClockState;
  sceneIndex: number;
  sceneId: string;
  sceneTitle: LocalisedText;
  speed: number;
  anchorMinutes: number;
  anchorWallUs: number;
  endsAtMinutes: number | null;
  offsetUs: number;
  scenes: ClockScene[];
}

export function clockFromSnapshot(snapshot: ClockSnapshot, browserNowUs: number): ClockModel {
  const running = snapshot.state === 'running';
  return {
    state: snapshot.state,
    sceneIndex: snapshot.scene_index,
    sceneId: snapshot.scene_id,
    sceneTitle: snapshot.scene_title ?? { ja: '', en: '' },
    speed: snapshot.speed,
    anchorMinutes: running ? snapshot.anchor_scenario_minutes : snapshot.scenario_minutes,
    anchorWallUs: running ? snapshot.anchor_wall_us : snapshot.now_us,
    endsAtMinutes: typeof snapshot.scene_ends_at_minutes === 'number' ? snapshot.scene_ends_at_minutes : null,
    offsetUs: snapshot.now_us - browserNowUs,
    scenes: snapshot.scenes ?? [],
  };
}

// A clock.changed event moves the anchor; the scene's end and title come from the scenes
// of the last snapshot.
export function applyClockChanged(model: ClockModel, payload: ClockChangedPayload): ClockModel {
  const scene =
    model.scenes.find((s) => s.id === payload.scene_id) ?? model.scenes[payload.scene_index] ?? undefined;
  return {
    ...model,
    state: payload.state,
    sceneIndex: payload.scene_index,
    sceneId: payload.scene_id,
    sceneTitle: scene?.title ?? model.sceneTitle,
    speed: payload.speed,
    anchorMinutes: payload.scenario_minutes,
    anchorWallUs: payload.wall_anchor_us,
    endsAtMinutes: scene ? scene.ends_at_minutes : model.endsAtMinutes,
  };
}

// Scenario minutes shown at browser time `browserNowUs`.
export function scenarioMinutesAt(model: ClockModel, browserNowUs: number): number {
  if (model.state !== 'running') return model.anchorMinutes;
  const serverNowUs = browserNowUs + model.offsetUs;
  const elapsedMinutes = Math.max(0, serverNowUs - model.anchorWallUs) / 60e6;
  const minutes = model.anchorMinutes + elapsedMinutes * model.speed;
  return model.endsAtMinutes === null ? minutes : Math.min(minutes, model.endsAtMinutes);
}

// The server's wall time (ms since the epoch) at browser time `browserNowUs`.
export function serverWallMs(model: ClockModel | null, browserNowUs: number): number {
  return Math.floor((browserNowUs + (model?.offsetUs ?? 0)) / 1000);
}

// "13:42:05" in the exercise's time zone (falls back to the browser's on a bad zone name).
export function formatWallTime(ms: number, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(ms);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(ms);
  }
}
