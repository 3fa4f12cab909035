import { describe, expect, it } from 'vitest';
import type { ActionEntry, Inbox, InjectPayload, StreamEvent } from '../api/liveTypes';
import { activeBroadcast, consoleReducer, initialConsoleState, injectsOf, unreadCount, type ConsoleState } from './consoleReducer';

function payload(id: string, minutes: number): InjectPayload {
  return {
    inject_id: id,
    scene_id: 'day1',
    scenario_time: 'D1 09:00',
    scenario_minutes: minutes,
    title: { ja: `件名 ${id}`, en: `Title ${id}` },
    body: { ja: '本文', en: 'Body' },
    attachments: [],
    objectives: [1],
    team_roles: [],
    kind: 'scheduled',
    late: false,
  };
}

function released(seq: number, id: string): StreamEvent {
  return { released_at_us: 1_000_000 * seq, seq, type: 'inject.released', payload: payload(id, 540 + seq) };
}

function action(id: number, wallUs: number): ActionEntry {
  return {
    id,
    organisation_id: 7,
    person_id: 12,
    person_name: '山田 花子',
    text: `対応 ${id}`,
    objective: 2,
    decision_type: 'decision',
    inject_id: null,
    wall_at: '',
    wall_at_us: wallUs,
    scenario_minutes: 600,
    scenario_time: 'D1 10:00',
    created_at: '',
  };
}

const start = () => initialConsoleState(7, 12);

describe('console reducer', () => {
  it('keeps each event once, whether from the stream, a replay or the inbox', () => {
    let state: ConsoleState = start();
    state = consoleReducer(state, { type: 'event', event: released(3, 'i-03') });
    state = consoleReducer(state, { type: 'event', event: released(1, 'i-01') });
    state = consoleReducer(state, { type: 'event', event: released(3, 'i-03') }); // replayed after a reconnect
    const inbox: Inbox = {
      organisation_id: 7,
      last_seq: 5,
      actions_count: 0,
      items: [1, 3, 5].map((seq) => ({
        seq,
        type: 'inject.released' as const,
        released_at: '',
        released_at_us: seq,
        payload: payload(`i-0${seq}`, 540 + seq),
        acknowledged_by_me: seq === 1,
        acknowledged_at: seq === 1 ? '2023-12-07T04:01:00.000Z' : null,
        acknowledged_by_organisation: seq === 1,
        organisation_acknowledged_at: seq === 1 ? '2023-12-07T04:01:00.000Z' : null,
      })),
    };
    state = consoleReducer(state, { type: 'inbox', inbox });
    state = consoleReducer(state, { type: 'inbox', inbox });
    expect(injectsOf(state).map((item) => item.seq)).toEqual([1, 3, 5]);
    expect(state.lastSeq).toBe(5);
    expect(injectsOf(state)[0]?.acknowledgedByMe).toBe(true);
    expect(unreadCount(state)).toBe(2);
  });

  it('marks an inject read, and acknowledged by me or by a team mate', () => {
    let state = consoleReducer(start(), { type: 'event', event: released(1, 'i-01') });
    state = consoleReducer(state, { type: 'event', event: released(2, 'i-02') });
    state = consoleReducer(state, { type: 'read', seq: 2 });
    expect(unreadCount(state)).toBe(1);
    state = consoleReducer(state, {
      type: 'event',
      event: {
        released_at_us: 0,
        seq: 3,
        type: 'inject.acknowledged',
        payload: { inject_id: 'i-01', organisation_id: 7, person_id: 99, person_name: '佐藤', acknowledged_at: 'x' },
      },
    });
    const first = injectsOf(state)[0]!;
    expect(first.acknowledgedByOrganisation).toBe(true);
    expect(first.acknowledgedBy).toBe('佐藤');
    expect(first.acknowledgedByMe).toBe(false);
    state = consoleReducer(state, { type: 'acknowledged', injectId: 'i-01', at: 'y' });
    expect(injectsOf(state)[0]?.acknowledgedByMe).toBe(true);
    expect(unreadCount(state)).toBe(0);
  });

  it('ignores acknowledgements and actions of other organisations', () => {
    let state = consoleReducer(start(), { type: 'event', event: released(1, 'i-01') });
    state = consoleReducer(state, {
      type: 'event',
      event: { released_at_us: 0, seq: 2, type: 'inject.acknowledged', payload: { inject_id: 'i-01', organisation_id: 8, person_id: 1, person_name: '', acknowledged_at: '' } },
    });
    state = consoleReducer(state, { type: 'event', event: { released_at_us: 0, seq: 3, type: 'action.logged', payload: { ...action(1, 5), organisation_id: 8 } } });
    expect(injectsOf(state)[0]?.acknowledgedByOrganisation).toBe(false);
    expect(state.actions).toEqual([]);
  });

  it('keeps actions once each, newest first', () => {
    let state = consoleReducer(start(), { type: 'actions', actions: [action(1, 10), action(2, 20)] });
    state = consoleReducer(state, { type: 'action.created', action: action(3, 30) });
    state = consoleReducer(state, { type: 'event', event: { released_at_us: 0, seq: 9, type: 'action.logged', payload: action(3, 30) } });
    state = consoleReducer(state, { type: 'actions', actions: [action(2, 20), action(3, 30)] });
    expect(state.actions.map((a) => a.id)).toEqual([3, 2, 1]);
  });

  it('shows the newest live broadcast as a banner until dismissed; inbox broadcasts are history', () => {
    let state = consoleReducer(start(), {
      type: 'event',
      event: { released_at_us: 0, seq: 4, type: 'broadcast', payload: { message: { ja: '休憩', en: 'Break' }, from: '事務局' } },
    });
    expect(activeBroadcast(state)?.seq).toBe(4);
    state = consoleReducer(state, { type: 'dismiss', seq: 4 });
    expect(activeBroadcast(state)).toBeNull();
    state = consoleReducer(state, {
      type: 'inbox',
      inbox: {
        organisation_id: 7,
        last_seq: 6,
        actions_count: 0,
        items: [
          { seq: 6, type: 'broadcast', released_at: '', released_at_us: 6, payload: { message: { ja: '再開', en: 'Resume' }, from: '事務局' }, acknowledged_by_me: false, acknowledged_at: null, acknowledged_by_organisation: false, organisation_acknowledged_at: null },
        ],
      },
    });
    expect(activeBroadcast(state)).toBeNull();
  });
});
