import { useEffect, useRef, useState } from 'react';
import type { StreamEvent } from '../api/liveTypes';
import { StreamConnection, type EventSourceFactory, type StreamStatus } from './streamConnection';

interface Options {
  onEvent: (event: StreamEvent) => void;
  onReconnected: () => void;
  // For tests; the browser's EventSource otherwise.
  factory?: EventSourceFactory;
}

// Subscribes to a live stream while mounted (null url: none) and reports its state.
export function useEventStream(url: string | null, { onEvent, onReconnected, factory }: Options): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const handlers = useRef({ onEvent, onReconnected });
  handlers.current = { onEvent, onReconnected };

  useEffect(() => {
    if (!url) return;
    setStatus('connecting');
    const connection = new StreamConnection(
      url,
      {
        onEvent: (event) => handlers.current.onEvent(event),
        onReconnected: () => handlers.current.onReconnected(),
        onStatus: setStatus,
      },
      factory,
    );
    connection.start();
    return () => connection.stop();
  }, [url, factory]);

  return status;
}
