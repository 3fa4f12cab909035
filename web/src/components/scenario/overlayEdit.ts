// Pure edits of an organisation overlay (個別シナリオ): text changes and disabled
// optional injects by inject id, own injects, variables.
import type { InjectChange, LocalisedText, Overlay } from '../../api/scenarioTypes';

export function emptyOverlay(): Overlay {
  return { variables: {}, changes: [], added: [] };
}

function withChange(overlay: Overlay, injectId: string, patch: (change: InjectChange) => InjectChange): Overlay {
  const existing = overlay.changes.find((c) => c.inject_id === injectId) ?? { inject_id: injectId, disabled: false };
  const next = patch(existing);
  const empty = !next.disabled && next.title === undefined && next.body === undefined;
  const others = overlay.changes.filter((c) => c.inject_id !== injectId);
  return { ...overlay, changes: empty ? others : [...others, next] };
}

// Sets the organisation's own wording of an inject (null title/body: back to the common text).
export function setInjectText(overlay: Overlay, injectId: string, title: LocalisedText | null, body: LocalisedText | null): Overlay {
  return withChange(overlay, injectId, (change) => {
    const next: InjectChange = { inject_id: change.inject_id, disabled: change.disabled };
    if (title) next.title = title;
    if (body) next.body = body;
    return next;
  });
}

export function setInjectDisabled(overlay: Overlay, injectId: string, disabled: boolean): Overlay {
  return withChange(overlay, injectId, (change) => ({ ...change, disabled }));
}

export function changeOf(overlay: Overlay, injectId: string): InjectChange | undefined {
  return overlay.changes.find((c) => c.inject_id === injectId);
}

export function disabledIds(overlay: Overlay): string[] {
  return overlay.changes.filter((c) => c.disabled).map((c) => c.inject_id);
}
