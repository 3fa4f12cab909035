import { useCallback, useEffect, useReducer } from 'react';
import { listAnnouncements, listBreaks } from '../api/floorEndpoints';
import type { StreamEvent } from '../api/liveTypes';
import { floorReducer, initialFloorState, isFloorEvent, type FloorState } from './floorState';

const DISMISSED_KEY = 'enshu.floor.dismissed';

function loadDismissed(): number[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? stored.filter((v): v is number => typeof v === 'number') : [];
  } catch {
    return [];
  }
}

export interface Floor {
  state: FloorState;
  // Feeds a live event; answers whether it was a floor event (then the page can skip it).
  onEvent: (event: StreamEvent) => boolean;
  // Reloads announcements and the running break (after a reconnect).
  reload: () => void;
  dismiss: (id: number) => void;
}

// The announcements and the running break of an exercise for one screen: loaded when
// mounted, kept current by the page's live stream (the page passes its events on).
export function useFloor(exerciseId: number | null): Floor {
  const [state, dispatch] = useReducer(floorReducer, undefined, () => ({ ...initialFloorState, dismissed: loadDismissed() }));

  const reload = useCallback(() => {
    if (exerciseId === null) return;
    listAnnouncements(exerciseId).then((answer) => dispatch({ type: 'announcements', items: answer.items }), () => undefined);
    listBreaks(exerciseId).then(
      (answer) => dispatch({ type: 'break', current: answer.current, browserNowUs: Date.now() * 1000 }),
      () => undefined,
    );
  }, [exerciseId]);

  useEffect(reload, [reload]);

  useEffect(() => {
    try {
      sessionStorage.setItem(DISMISSED_KEY, JSON.stringify(state.dismissed.slice(-200)));
    } catch {
      // storage full or disabled: dismissal lasts until the page reloads
    }
  }, [state.dismissed]);

  const onEvent = useCallback((event: StreamEvent) => {
    if (!isFloorEvent(event)) return false;
    dispatch({ type: 'event', event, browserNowUs: Date.now() * 1000 });
    return true;
  }, []);

  const dismiss = useCallback((id: number) => dispatch({ type: 'dismiss', id }), []);
  return { state, onEvent, reload, dismiss };
}
