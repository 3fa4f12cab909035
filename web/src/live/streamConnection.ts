// One live stream (SSE, GET /api/exercises/{id}/stream) with its connection state.
// - Named events (`event: inject.released` …) are parsed into StreamEvent and handed on.
// - When the connection drops, EventSource reconnects by itself and sends Last-Event-ID;
//   the state is "reconnecting" until it is open again. When the browser gives up
//   (readyState CLOSED, e.g. the server answered an error), a new EventSource is opened
//   after a growing delay (1 s … 30 s).
// - Every re-open after the first calls onReconnected, so that the caller can reload
//   what it shows (the event reducers deduplicate by seq, so overlaps do no harm).
import type { StreamEvent } from '../api/liveTypes';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

export const STREAM_EVENT_TYPES = [
  'inject.released',
  'release.recorded',
  'clock.changed',
  'broadcast',
  'inject.acknowledged',
  'progress.updated',
  'action.logged',
  // Evaluation: reminders on the organisation's page (components/evaluation/NoticesPanel.tsx).
  'notice.created',
  // PR site and media feed (pages/PrSitePage.tsx).
  'statement.published',
  'statement.updated',
  'statement.withdrawn',
  'media.published',
  'media.hidden',
  'media.unhidden',
  // World desks: cases, supply-chain notices, desk homepages (desks/caseList.ts).
  'case.created',
  'case.message',
  'case.updated',
  'partner.notice',
  'desk.updated',
  // Exercise floor: announcements and breaks (floor/floorState.ts FLOOR_EVENT_TYPES).
  'announcement.posted',
  'announcement.withdrawn',
  'break.scheduled',
  'break.started',
  'break.updated',
  'break.ended',
  'break.cancelled',
] as const;

export interface StreamHandlers {
  onEvent: (event: StreamEvent) => void;
  onStatus: (status: StreamStatus) => void;
  onReconnected: () => void;
}

// The part of EventSource used here (tests pass a fake).
export interface EventSourceLike {
  readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

const CLOSED = 2;
const MAX_DELAY_MS = 30_000;

export function parseStreamData(data: unknown): StreamEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as Partial<StreamEvent>;
    if (typeof value.seq !== 'number' || typeof value.type !== 'string') return null;
    return {
      released_at_us: typeof value.released_at_us === 'number' ? value.released_at_us : 0,
      seq: value.seq,
      type: value.type,
      payload: value.payload ?? {},
    };
  } catch {
    return null;
  }
}

export class StreamConnection {
  private source: EventSourceLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private opened = false;
  private failures = 0;
  private stopped = false;
  private status: StreamStatus = 'connecting';

  constructor(
    private readonly url: string,
    private readonly handlers: StreamHandlers,
    private readonly factory: EventSourceFactory = (url) =>
      new EventSource(url, { withCredentials: true }) as unknown as EventSourceLike,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.source?.close();
    this.source = null;
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.handlers.onStatus(status);
  }

  private open(): void {
    const source = this.factory(this.url);
    this.source = source;
    const deliver = (message: MessageEvent) => {
      const event = parseStreamData(message.data);
      if (event) this.handlers.onEvent(event);
    };
    for (const type of STREAM_EVENT_TYPES) source.addEventListener(type, deliver);
    source.onmessage = deliver;
    source.onopen = () => {
      if (this.source !== source) return;
      const again = this.opened;
      this.opened = true;
      this.failures = 0;
      this.setStatus('live');
      if (again) this.handlers.onReconnected();
    };
    source.onerror = () => {
      if (this.source !== source || this.stopped) return;
      this.setStatus(this.opened ? 'reconnecting' : 'connecting');
      if (source.readyState === CLOSED) {
        source.close();
        this.source = null;
        this.failures += 1;
        const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(this.failures - 1, 5));
        this.timer = setTimeout(() => {
          this.timer = null;
          if (!this.stopped) this.open();
        }, delay);
      }
    };
  }
}
