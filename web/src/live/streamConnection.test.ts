import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../api/liveTypes';
import { FakeEventSource } from '../test/fakeEventSource';
import { parseStreamData, StreamConnection, type StreamStatus } from './streamConnection';

function track() {
  const statuses: StreamStatus[] = [];
  const events: StreamEvent[] = [];
  let reconnects = 0;
  const connection = new StreamConnection(
    '/api/exercises/1/stream',
    { onEvent: (e) => events.push(e), onStatus: (s) => statuses.push(s), onReconnected: () => (reconnects += 1) },
    (url) => new FakeEventSource(url),
  );
  return { connection, statuses, events, reconnects: () => reconnects };
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('stream connection', () => {
  it('hands on named events and reports live', () => {
    const { connection, statuses, events } = track();
    connection.start();
    const source = FakeEventSource.instances[0]!;
    source.open();
    source.emit('inject.released', { released_at_us: 5, seq: 1, type: 'inject.released', payload: { inject_id: 'i-01' } });
    source.emit('clock.changed', { released_at_us: 6, seq: 2, type: 'clock.changed', payload: { state: 'paused' } });
    expect(statuses).toEqual(['live']);
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'inject.released'],
      [2, 'clock.changed'],
    ]);
    connection.stop();
    expect(source.closed).toBe(true);
  });

  it('shows reconnecting while the browser retries, and asks for a reload when open again', () => {
    const { connection, statuses, reconnects } = track();
    connection.start();
    const source = FakeEventSource.instances[0]!;
    source.open();
    source.drop(0); // CONNECTING: EventSource retries by itself (with Last-Event-ID)
    expect(statuses).toEqual(['live', 'reconnecting']);
    expect(FakeEventSource.instances).toHaveLength(1);
    source.open();
    expect(statuses).toEqual(['live', 'reconnecting', 'live']);
    expect(reconnects()).toBe(1);
  });

  it('opens a new EventSource with a growing delay when the browser gives up', () => {
    const { connection, statuses, reconnects } = track();
    connection.start();
    FakeEventSource.instances[0]!.open();
    FakeEventSource.instances[0]!.drop(2); // CLOSED
    expect(statuses).toEqual(['live', 'reconnecting']);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.instances[1]!.drop(2);
    vi.advanceTimersByTime(1999);
    expect(FakeEventSource.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(3);
    FakeEventSource.instances[2]!.open();
    expect(statuses.at(-1)).toBe('live');
    expect(reconnects()).toBe(1);
  });

  it('stays stopped after stop(), also with a retry pending', () => {
    const { connection } = track();
    connection.start();
    FakeEventSource.instances[0]!.drop(2);
    connection.stop();
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('ignores data that is not an event', () => {
    expect(parseStreamData('not json')).toBeNull();
    expect(parseStreamData(JSON.stringify({ type: 'x' }))).toBeNull();
    expect(parseStreamData(JSON.stringify({ released_at_us: 1, seq: 2, type: 'broadcast', payload: { a: 1 } }))).toEqual({
      released_at_us: 1,
      seq: 2,
      type: 'broadcast',
      payload: { a: 1 },
    });
  });
});
