import type { ProgressItem, ProgressUpdatedPayload } from '../api/liveTypes';

// Applies a progress.updated event to the rows shown (rows of other organisations and
// filters are unaffected; an organisation not on this page is ignored).
export function applyProgressUpdate(items: readonly ProgressItem[], update: ProgressUpdatedPayload): ProgressItem[] {
  return items.map((item) =>
    item.organisation_id === update.organisation_id
      ? {
          ...item,
          acknowledged_injects: Math.max(item.acknowledged_injects, update.acked),
          action_entries: Math.max(item.action_entries, update.actions),
          last_activity: update.last_activity ?? item.last_activity,
        }
      : item,
  );
}
