import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../api/scenarioTypes';
import { changeOf, disabledIds, emptyOverlay, setInjectDisabled, setInjectText } from './overlayEdit';
import { emptyScenario, errorLocation, newInject, newScene, removeScene, timelineOrder, upsertInject, upsertScene } from './scenarioEdit';
import { layoutTimeline } from './timelineLayout';
import { parseVariablesText, variablesToText } from './variablesText';

function scenario(): Scenario {
  const s = emptyScenario();
  const day1 = { ...newScene(undefined), id: 'day1', starts_at: 'D1 09:00', ends_at: 'D1 18:00' };
  const day2 = { ...newScene(undefined), id: 'day2', starts_at: 'D2 09:00', ends_at: 'D2 18:00' };
  return {
    ...s,
    scenes: [day1, day2],
    injects: [
      { ...newInject(day1), id: 'a', at: 'D1 12:00' },
      { ...newInject(day2), id: 'b', at: 'D2 09:00' },
      { ...newInject(day1), id: 'c', at: 'D1 09:30' },
      { ...newInject(day1), id: 'd', at: 'D1 09:30' },
    ],
  };
}

describe('scenario edits', () => {
  it('orders injects by time, ties in file order', () => {
    expect(timelineOrder(scenario().injects)).toEqual([2, 3, 0, 1]);
  });

  it('renames a scene together with its injects and keeps scenes in time order', () => {
    const renamed = upsertScene(scenario(), 0, { ...scenario().scenes[0]!, id: 'first' });
    expect(renamed.injects.map((i) => i.scene_id)).toEqual(['first', 'day2', 'first', 'first']);
    const added = upsertScene(renamed, null, { ...newScene(undefined), id: 'day0', starts_at: 'D1 06:00', ends_at: 'D1 08:00' });
    expect(added.scenes.map((s) => s.id)).toEqual(['day0', 'first', 'day2']);
  });

  it('removes a scene with its injects', () => {
    const removed = removeScene(scenario(), 0);
    expect(removed.scenes.map((s) => s.id)).toEqual(['day2']);
    expect(removed.injects.map((i) => i.id)).toEqual(['b']);
  });

  it('replaces or appends an inject', () => {
    const s = upsertInject(scenario(), 1, { ...scenario().injects[1]!, id: 'b2' });
    expect(s.injects.map((i) => i.id)).toEqual(['a', 'b2', 'c', 'd']);
    expect(upsertInject(s, null, newInject(undefined)).injects).toHaveLength(5);
  });

  it('maps server error fields to what to open', () => {
    expect(errorLocation('injects[3].title.ja')).toEqual({ kind: 'inject', index: 3, path: ['title', 'ja'] });
    expect(errorLocation('injects[0].attachments[2].url')).toEqual({ kind: 'inject', index: 0, path: ['attachments', 'url'] });
    expect(errorLocation('scenes[1]')).toEqual({ kind: 'scene', index: 1, path: [] });
    expect(errorLocation('title')).toEqual({ kind: 'scenario', path: ['title'] });
    expect(errorLocation(null)).toBeNull();
  });

  it('lays injects out per scene, stacking close ones into lanes', () => {
    const layout = layoutTimeline(scenario().scenes, [...scenario().injects, { ...newInject(undefined), id: 'x', scene_id: 'nope' }]);
    expect(layout.unplaced).toEqual([4]);
    const day1 = layout.bands[0]!;
    expect(day1.placed.map((p) => [p.index, Math.round(p.percent), p.lane])).toEqual([
      [2, 6, 0],
      [3, 6, 1],
      [0, 33, 0],
    ]);
    expect(day1.lanes).toBe(2);
    expect(layout.bands[1]!.placed).toEqual([{ index: 1, percent: 0, lane: 0 }]);
  });

  it('reads variables as name=value lines and reports bad lines', () => {
    expect(parseVariablesText('service=電力供給\n\nsupplier = 東都データセンター\nbad line\n=x')).toEqual({
      variables: { service: '電力供給', supplier: '東都データセンター' },
      badLines: [4, 5],
    });
    expect(variablesToText({ a: '1', b: 'x=y' })).toBe('a=1\nb=x=y');
    expect(parseVariablesText(variablesToText({ a: '1', b: 'x=y' })).variables).toEqual({ a: '1', b: 'x=y' });
  });

  it('edits an overlay: own wording, disabled injects, and back', () => {
    let overlay = setInjectText(emptyOverlay(), 'i-01', { ja: '自社向け', en: 'Ours' }, null);
    overlay = setInjectDisabled(overlay, 'i-05', true);
    expect(changeOf(overlay, 'i-01')).toEqual({ inject_id: 'i-01', disabled: false, title: { ja: '自社向け', en: 'Ours' } });
    expect(disabledIds(overlay)).toEqual(['i-05']);
    overlay = setInjectText(overlay, 'i-01', null, null);
    overlay = setInjectDisabled(overlay, 'i-05', false);
    expect(overlay.changes).toEqual([]);
  });
});
