// The participant console's state: the injects and broadcasts received (deduplicated by
// event seq, whether they came from GET inbox or from the stream, in any order), their
// acknowledgement state, and the team's action log (deduplicated by id).
import type {
  AcknowledgedPayload,
  ActionEntry,
  BroadcastPayload,
  Inbox,
  InjectPayload,
  StreamEvent,
} from '../api/liveTypes';

export interface FeedInject {
  kind: 'inject';
  seq: number;
  releasedAtUs: number;
  payload: InjectPayload;
  acknowledgedByMe: boolean;
  acknowledgedAt: string | null;
  acknowledgedByOrganisation: boolean;
  organisationAcknowledgedAt: string | null;
  acknowledgedBy: string | null;
  read: boolean;
}

export interface FeedBroadcast {
  kind: 'broadcast';
  seq: number;
  releasedAtUs: number;
  payload: BroadcastPayload;
  dismissed: boolean;
}

export type FeedItem = FeedInject | FeedBroadcast;

export interface ConsoleState {
  organisationId: number | null;
  personId: number | null;
  items: FeedItem[]; // ordered by seq
  actions: ActionEntry[]; // newest first
  lastSeq: number;
}

export type ConsoleAction =
  | { type: 'inbox'; inbox: Inbox }
  | { type: 'event'; event: StreamEvent }
  | { type: 'actions'; actions: ActionEntry[] }
  | { type: 'action.created'; action: ActionEntry }
  | { type: 'acknowledged'; injectId: string; at: string }
  | { type: 'read'; seq: number }
  | { type: 'dismiss'; seq: number };

export function initialConsoleState(organisationId: number | null, personId: number | null): ConsoleState {
  return { organisationId, personId, items: [], actions: [], lastSeq: 0 };
}

function insertBySeq(items: FeedItem[], item: FeedItem): FeedItem[] {
  if (items.some((existing) => existing.seq === item.seq)) return items;
  const next = [...items, item];
  next.sort((a, b) => a.seq - b.seq);
  return next;
}

function addAction(actions: ActionEntry[], action: ActionEntry): ActionEntry[] {
  if (actions.some((existing) => existing.id === action.id)) return actions;
  return [action, ...actions].sort((a, b) => b.wall_at_us - a.wall_at_us || b.id - a.id);
}

function markAcknowledged(state: ConsoleState, payload: AcknowledgedPayload): ConsoleState {
  if (state.organisationId !== null && payload.organisation_id !== state.organisationId) return state;
  const mine = state.personId !== null && payload.person_id === state.personId;
  return {
    ...state,
    items: state.items.map((item) =>
      item.kind === 'inject' && item.payload.inject_id === payload.inject_id
        ? {
            ...item,
            acknowledgedByOrganisation: true,
            organisationAcknowledgedAt: item.organisationAcknowledgedAt ?? payload.acknowledged_at,
            acknowledgedBy: item.acknowledgedBy ?? payload.person_name,
            acknowledgedByMe: item.acknowledgedByMe || mine,
            acknowledgedAt: mine ? (item.acknowledgedAt ?? payload.acknowledged_at) : item.acknowledgedAt,
            read: item.read || mine,
          }
        : item,
    ),
  };
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'inbox': {
      let items = state.items;
      for (const entry of action.inbox.items) {
        const existing = items.find((item) => item.seq === entry.seq);
        if (entry.type === 'broadcast') {
          if (!existing) {
            items = insertBySeq(items, {
              kind: 'broadcast',
              seq: entry.seq,
              releasedAtUs: entry.released_at_us,
              payload: entry.payload as BroadcastPayload,
              dismissed: true, // old broadcasts are listed, not shown again as a banner
            });
          }
          continue;
        }
        const fromServer: FeedInject = {
          kind: 'inject',
          seq: entry.seq,
          releasedAtUs: entry.released_at_us,
          payload: entry.payload as InjectPayload,
          acknowledgedByMe: entry.acknowledged_by_me,
          acknowledgedAt: entry.acknowledged_at,
          acknowledgedByOrganisation: entry.acknowledged_by_organisation,
          organisationAcknowledgedAt: entry.organisation_acknowledged_at,
          acknowledgedBy: null,
          read: entry.acknowledged_by_me,
        };
        if (!existing) {
          items = insertBySeq(items, fromServer);
        } else if (existing.kind === 'inject') {
          // The server's acknowledgement state wins when it knows more; local "read" stays.
          items = items.map((item) =>
            item.seq === entry.seq && item.kind === 'inject'
              ? {
                  ...item,
                  acknowledgedByMe: item.acknowledgedByMe || entry.acknowledged_by_me,
                  acknowledgedAt: item.acknowledgedAt ?? entry.acknowledged_at,
                  acknowledgedByOrganisation: item.acknowledgedByOrganisation || entry.acknowledged_by_organisation,
                  organisationAcknowledgedAt: item.organisationAcknowledgedAt ?? entry.organisation_acknowledged_at,
                  read: item.read || entry.acknowledged_by_me,
                }
              : item,
          );
        }
      }
      return {
        ...state,
        organisationId: state.organisationId ?? action.inbox.organisation_id,
        items,
        lastSeq: Math.max(state.lastSeq, action.inbox.last_seq, ...items.map((item) => item.seq)),
      };
    }
    case 'event': {
      const { event } = action;
      const lastSeq = Math.max(state.lastSeq, event.seq);
      if (event.type === 'inject.released') {
        return {
          ...state,
          lastSeq,
          items: insertBySeq(state.items, {
            kind: 'inject',
            seq: event.seq,
            releasedAtUs: event.released_at_us,
            payload: event.payload as InjectPayload,
            acknowledgedByMe: false,
            acknowledgedAt: null,
            acknowledgedByOrganisation: state.items.some(
              (item) =>
                item.kind === 'inject' &&
                item.payload.inject_id === (event.payload as InjectPayload).inject_id &&
                item.acknowledgedByOrganisation,
            ),
            organisationAcknowledgedAt: null,
            acknowledgedBy: null,
            read: false,
          }),
        };
      }
      if (event.type === 'broadcast') {
        return {
          ...state,
          lastSeq,
          items: insertBySeq(state.items, {
            kind: 'broadcast',
            seq: event.seq,
            releasedAtUs: event.released_at_us,
            payload: event.payload as BroadcastPayload,
            dismissed: false,
          }),
        };
      }
      if (event.type === 'inject.acknowledged') {
        return { ...markAcknowledged(state, event.payload as AcknowledgedPayload), lastSeq };
      }
      if (event.type === 'action.logged') {
        const entry = event.payload as ActionEntry;
        if (state.organisationId !== null && entry.organisation_id !== state.organisationId) return { ...state, lastSeq };
        return { ...state, lastSeq, actions: addAction(state.actions, entry) };
      }
      return { ...state, lastSeq };
    }
    case 'actions':
      return { ...state, actions: action.actions.reduce(addAction, state.actions) };
    case 'action.created':
      return { ...state, actions: addAction(state.actions, action.action) };
    case 'acknowledged':
      return {
        ...state,
        items: state.items.map((item) =>
          item.kind === 'inject' && item.payload.inject_id === action.injectId
            ? {
                ...item,
                acknowledgedByMe: true,
                acknowledgedAt: item.acknowledgedAt ?? action.at,
                acknowledgedByOrganisation: true,
                organisationAcknowledgedAt: item.organisationAcknowledgedAt ?? action.at,
                read: true,
              }
            : item,
        ),
      };
    case 'read':
      return {
        ...state,
        items: state.items.map((item) => (item.seq === action.seq && item.kind === 'inject' ? { ...item, read: true } : item)),
      };
    case 'dismiss':
      return {
        ...state,
        items: state.items.map((item) => (item.seq === action.seq && item.kind === 'broadcast' ? { ...item, dismissed: true } : item)),
      };
  }
}

export function injectsOf(state: ConsoleState): FeedInject[] {
  return state.items.filter((item): item is FeedInject => item.kind === 'inject');
}

export function unreadCount(state: ConsoleState): number {
  return injectsOf(state).filter((item) => !item.read && !item.acknowledgedByMe).length;
}

// The newest broadcast not yet dismissed (the banner).
export function activeBroadcast(state: ConsoleState): FeedBroadcast | null {
  for (let i = state.items.length - 1; i >= 0; i -= 1) {
    const item = state.items[i];
    if (item && item.kind === 'broadcast') return item.dismissed ? null : item;
  }
  return null;
}
