// The PR site and media feed state, kept current by live events: statements and media
// items are upserted by id (a later version replaces an earlier one), hidden items drop
// out, and both lists stay newest first. Pure, so the page and the tests share it.
import type { StreamEvent } from '../api/liveTypes';
import type { Engagement, EngagementCurve, MediaItem, Statement } from '../api/prTypes';

export interface FeedState {
  statements: Statement[];
  media: MediaItem[];
  // Staff only: posts waiting for their scenario time, soonest first.
  scheduled: MediaItem[];
}

export const emptyFeed: FeedState = { statements: [], media: [], scheduled: [] };

// `at`: the browser's time of receipt (ms), from which the engagement counts tick on.
export type FeedAction =
  | { type: 'statementsLoaded'; statements: Statement[] }
  | { type: 'mediaLoaded'; media: MediaItem[]; at: number }
  | { type: 'event'; event: StreamEvent; at: number };

const bySchedule = (a: MediaItem, b: MediaItem) => (a.scheduled_minutes ?? 0) - (b.scheduled_minutes ?? 0) || a.id - b.id;
const statementTime = (statement: Statement) => statement.published_at_us ?? 0;
const mediaTime = (item: MediaItem) => item.published_at_us ?? 0;

function upsert<T extends { id: number }>(list: T[], item: T, time: (value: T) => number): T[] {
  const next = list.filter((existing) => existing.id !== item.id);
  next.push(item);
  return next.sort((a, b) => time(b) - time(a) || b.id - a.id);
}

function payloadOf(event: StreamEvent): Record<string, unknown> {
  return event.payload && typeof event.payload === 'object' ? (event.payload as Record<string, unknown>) : {};
}

export function feedReducer(state: FeedState, action: FeedAction): FeedState {
  switch (action.type) {
    case 'statementsLoaded':
      return { ...state, statements: [...action.statements].sort((a, b) => statementTime(b) - statementTime(a) || b.id - a.id) };
    case 'mediaLoaded':
      return {
        ...state,
        media: action.media.filter((item) => item.state === 'published').map((item) => ({ ...item, received_at_ms: action.at })),
        scheduled: action.media.filter((item) => item.state === 'scheduled').sort(bySchedule),
      };
    case 'event': {
      const payload = payloadOf(action.event);
      switch (action.event.type) {
        case 'statement.published':
        case 'statement.updated':
        case 'statement.withdrawn': {
          const incoming = payload.statement as Statement | undefined;
          if (!incoming) return state;
          // Keep the revision history already loaded; events carry none.
          const known = state.statements.find((existing) => existing.id === incoming.id);
          const merged = { ...incoming, revisions: known?.revisions ?? [] };
          return { ...state, statements: upsert(state.statements, merged, statementTime) };
        }
        case 'media.published':
        case 'media.unhidden': {
          const item = payload.item as MediaItem | undefined;
          if (!item) return state;
          return {
            ...state,
            media: upsert(state.media, { ...item, hidden: false, received_at_ms: action.at }, mediaTime),
            scheduled: state.scheduled.filter((waiting) => waiting.id !== item.id),
          };
        }
        case 'media.scheduled': {
          const item = payload.item as MediaItem | undefined;
          if (!item) return state;
          return { ...state, scheduled: [...state.scheduled.filter((waiting) => waiting.id !== item.id), item].sort(bySchedule) };
        }
        case 'media.hidden': {
          const id = payload.id;
          return { ...state, media: state.media.filter((item) => item.id !== id) };
        }
        default:
          return state;
      }
    }
  }
}

export interface StatementFilter {
  sector: string;
  organisationId: number | null;
}

export function filterStatements(statements: Statement[], filter: StatementFilter): Statement[] {
  return statements.filter(
    (statement) =>
      statement.state !== 'draft' &&
      (!filter.sector || statement.sector_code === filter.sector) &&
      (filter.organisationId === null || statement.organisation_id === filter.organisationId),
  );
}

// Organisations that appear in the feed, by name, for the organisation filter.
export function organisationsOf(statements: Statement[]): { id: number; name: string }[] {
  const byId = new Map<number, string>();
  for (const statement of statements) byId.set(statement.organisation_id, statement.organisation_name);
  return [...byId.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

// The organisations of both lists, once each, by name (the filter's choices grow as the
// board shows more organisations).
export function mergeOrganisations(
  known: { id: number; name: string }[],
  more: { id: number; name: string }[],
): { id: number; name: string }[] {
  const byId = new Map<number, string>();
  for (const organisation of [...known, ...more]) byId.set(organisation.id, organisation.name);
  const merged = [...byId.entries()].map(([id, name]) => ({ id, name }));
  return merged.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

// "1.2万" / "12.3K" style compact counts, as social media shows them.
export function compactCount(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en' : 'ja', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

// The counts of the curve after `elapsedMinutes` (the server's formula, world/media_model.cpp).
export function engagementAt(curve: EngagementCurve, elapsedMinutes: number): Engagement {
  const elapsed = Math.max(0, elapsedMinutes);
  const level = curve.level * (1 - Math.exp(-elapsed / curve.tau_minutes));
  return {
    likes: Math.floor(level),
    shares: Math.floor(level * curve.share_ratio),
    replies: Math.floor(level * curve.reply_ratio),
    views: Math.floor(level * 14 + (elapsed > 0 ? 1 : 0)),
  };
}

// The counts of `item` at the browser time `nowMs`: continued from the server's answer at the
// rate the exercise clock ran then (never below what the server said).
export function engagementNow(item: MediaItem, nowMs: number): Engagement {
  const curve = item.engagement_curve;
  if (!curve || item.received_at_ms === undefined) return item.engagement;
  const seconds = Math.max(0, (nowMs - item.received_at_ms) / 1000);
  const ticking = engagementAt(curve, curve.elapsed_minutes + seconds * curve.minutes_per_second);
  return {
    likes: Math.max(ticking.likes, item.engagement.likes),
    shares: Math.max(ticking.shares, item.engagement.shares),
    replies: Math.max(ticking.replies, item.engagement.replies),
    views: Math.max(ticking.views, item.engagement.views),
  };
}
