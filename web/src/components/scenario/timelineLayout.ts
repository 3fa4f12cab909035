// Layout of the timeline view: one band per scene, each inject placed by its scenario
// time within its scene (percent of the scene's length), stacked into lanes so that
// markers closer than `minGapPercent` do not overlap.
import type { Inject, Scene } from '../../api/scenarioTypes';
import { parseScenarioTime } from '../../live/scenarioTime';

export interface PlacedInject {
  index: number; // index in the scenario's injects
  percent: number; // 0..100 within the scene
  lane: number;
}

export interface SceneBand {
  scene: Scene;
  placed: PlacedInject[];
  lanes: number;
}

export interface TimelineLayout {
  bands: SceneBand[];
  // Injects whose scene is unknown or whose time is malformed.
  unplaced: number[];
}

export function layoutTimeline(scenes: readonly Scene[], injects: readonly Inject[], minGapPercent = 4): TimelineLayout {
  const unplaced: number[] = [];
  const bands: SceneBand[] = scenes.map((scene) => ({ scene, placed: [], lanes: 1 }));
  const byId = new Map(bands.map((band) => [band.scene.id, band]));
  injects.forEach((inject, index) => {
    const band = byId.get(inject.scene_id);
    const at = parseScenarioTime(inject.at);
    const start = band ? parseScenarioTime(band.scene.starts_at) : null;
    const end = band ? parseScenarioTime(band.scene.ends_at) : null;
    if (!band || at === null || start === null || end === null || end <= start) {
      unplaced.push(index);
      return;
    }
    const percent = Math.min(100, Math.max(0, ((at - start) / (end - start)) * 100));
    band.placed.push({ index, percent, lane: 0 });
  });
  for (const band of bands) {
    band.placed.sort((a, b) => a.percent - b.percent || a.index - b.index);
    const laneEnds: number[] = [];
    for (const item of band.placed) {
      let lane = laneEnds.findIndex((last) => item.percent - last >= minGapPercent);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(item.percent);
      } else {
        laneEnds[lane] = item.percent;
      }
      item.lane = lane;
    }
    band.lanes = Math.max(1, laneEnds.length);
  }
  return { bands, unplaced };
}
