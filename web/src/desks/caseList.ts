// Pure helpers of the case lists (the organisation's panel and the desk queue): applying
// live events, ordering, and the waiting clock.
import type { CaseDetail, CaseEventPayload, CaseMessage, DeskCase } from '../api/deskTypes';
import type { StreamEvent } from '../api/liveTypes';

export const CASE_EVENT_TYPES = ['case.created', 'case.message', 'case.updated'] as const;

export function isCaseEvent(event: StreamEvent): boolean {
  return (CASE_EVENT_TYPES as readonly string[]).includes(event.type);
}

// The payload of a case event, or null when it does not look like one.
export function casePayload(event: StreamEvent): CaseEventPayload | null {
  if (!isCaseEvent(event)) return null;
  const payload = event.payload as Partial<CaseEventPayload> | null;
  if (!payload || typeof payload !== 'object' || !payload.case || typeof payload.case.id !== 'number') return null;
  return { case: payload.case, message: payload.message ?? null };
}

// Inserts or replaces a case (by id), keeping the queue order: oldest first, then by
// delivery order (a report to several recipients arrives in priority order).
export function upsertCase(cases: DeskCase[], next: DeskCase): DeskCase[] {
  const others = cases.filter((item) => item.id !== next.id);
  return sortCases([...others, next]);
}

export function sortCases(cases: DeskCase[]): DeskCase[] {
  return [...cases].sort(
    (a, b) => a.created_at_us - b.created_at_us || a.delivery_order - b.delivery_order || a.id - b.id,
  );
}

// Adds a message to an open detail when it belongs to it and is not there yet.
export function appendMessage(detail: CaseDetail, next: DeskCase, message: CaseMessage | null): CaseDetail {
  if (detail.id !== next.id) return detail;
  const messages =
    message && !detail.messages.some((item) => item.id === message.id) ? [...detail.messages, message] : detail.messages;
  return { ...detail, ...next, messages };
}

// Whether a case still waits for the desk: new, claimed (being handled) or answered by
// the organisation after an ask-back. Waiting for the organisation, answered and closed
// cases do not.
export function awaitsDesk(item: DeskCase): boolean {
  return item.state === 'new' || item.state === 'claimed';
}

// "m:ss" or "h:mm:ss" of the time since `fromUs` (never negative).
export function formatWaiting(fromUs: number, nowUs: number): string {
  const totalSeconds = Math.max(0, Math.floor((nowUs - fromUs) / 1_000_000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

// A case matches the queue's filters as the server would apply them (for live inserts).
export function matchesFilter(
  item: DeskCase,
  filter: { state?: string; desk_id?: number; kind?: string; sector?: string; category?: string },
  assignedToMe: (item: DeskCase) => boolean = () => true,
): boolean {
  if (filter.state === 'open' && item.state === 'closed') return false;
  if (filter.state && filter.state !== 'open' && item.state !== filter.state) return false;
  if (filter.desk_id && item.desk.id !== filter.desk_id) return false;
  if (filter.kind && item.kind !== filter.kind) return false;
  if (filter.sector && item.organisation.sector_code !== filter.sector) return false;
  if (filter.category && item.category !== filter.category) return false;
  return assignedToMe(item);
}
