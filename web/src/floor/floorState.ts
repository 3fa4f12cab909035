// The exercise-floor state of one screen: the announcements to show and the running
// break, kept from the REST answers and the live events (announcement.*, break.*).
// Pure: the components and the tests drive it.
import type { Announcement, ExerciseBreak } from '../api/floorTypes';
import type { StreamEvent } from '../api/liveTypes';

export interface FloorState {
  announcements: Announcement[]; // newest first
  dismissed: number[]; // announcement ids this browser closed
  currentBreak: ExerciseBreak | null;
  // server time - browser time (µs), from the last answer or event that carried now_us.
  offsetUs: number;
}

export const initialFloorState: FloorState = { announcements: [], dismissed: [], currentBreak: null, offsetUs: 0 };

export type FloorAction =
  | { type: 'announcements'; items: Announcement[] }
  | { type: 'break'; current: ExerciseBreak | null; browserNowUs: number }
  | { type: 'event'; event: StreamEvent; browserNowUs: number }
  | { type: 'dismiss'; id: number };

export const FLOOR_EVENT_TYPES = new Set([
  'announcement.posted',
  'announcement.withdrawn',
  'break.scheduled',
  'break.started',
  'break.updated',
  'break.ended',
  'break.cancelled',
]);

export function isFloorEvent(event: StreamEvent): boolean {
  return FLOOR_EVENT_TYPES.has(event.type);
}

function withBreak(state: FloorState, item: ExerciseBreak | null, browserNowUs: number): FloorState {
  const offsetUs = item ? item.now_us - browserNowUs : state.offsetUs;
  return { ...state, currentBreak: item && item.status === 'running' ? item : null, offsetUs };
}

export function floorReducer(state: FloorState, action: FloorAction): FloorState {
  switch (action.type) {
    case 'announcements':
      return { ...state, announcements: action.items.filter((a) => a.active) };
    case 'break':
      return withBreak(state, action.current, action.browserNowUs);
    case 'dismiss':
      return state.dismissed.includes(action.id) ? state : { ...state, dismissed: [...state.dismissed, action.id] };
    case 'event': {
      const { event } = action;
      if (event.type === 'announcement.posted') {
        const posted = event.payload as Announcement;
        if (state.announcements.some((a) => a.id === posted.id)) return state;
        return { ...state, announcements: [posted, ...state.announcements] };
      }
      if (event.type === 'announcement.withdrawn') {
        const { id } = event.payload as { id: number };
        return { ...state, announcements: state.announcements.filter((a) => a.id !== id) };
      }
      if (event.type === 'break.started' || event.type === 'break.updated') {
        const item = event.payload as ExerciseBreak;
        if (item.status !== 'running') return state; // an update of a break still to come
        return withBreak(state, item, action.browserNowUs);
      }
      if (event.type === 'break.ended' || event.type === 'break.cancelled') {
        const item = event.payload as ExerciseBreak;
        if (state.currentBreak && state.currentBreak.id !== item.id) return state;
        return { ...state, currentBreak: null };
      }
      return state;
    }
  }
}

// The announcements to show at `serverNowUs`: active, not dismissed, not expired.
export function visibleAnnouncements(state: FloorState, serverNowUs: number): Announcement[] {
  return state.announcements.filter(
    (a) => !state.dismissed.includes(a.id) && a.withdrawn_at_us === null && (a.expires_at_us === null || a.expires_at_us > serverNowUs),
  );
}

// Whole seconds left in the break at `serverNowUs` (0 when over; rounded up so that
// the display reaches 0:00 exactly at the end; never more than the break lasts, also
// when the browser's last tick predates the event that started it).
export function remainingSeconds(item: ExerciseBreak, serverNowUs: number): number {
  const left = item.ends_at_us - serverNowUs;
  return left <= 0 ? 0 : Math.min(item.duration_seconds, Math.ceil(left / 1_000_000));
}

// "m:ss", or "h:mm:ss" from an hour.
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

export const TITLE_MARKING = '【演習】';

// The document title with the exercise marking in front (once).
export function markedTitle(title: string): string {
  return title.startsWith(TITLE_MARKING) ? title : `${TITLE_MARKING}${title}`;
}
