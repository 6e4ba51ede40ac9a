import { useEffect, useEffectEvent } from 'react';
import { EVENTS_PATH, type LiveEvent } from '../../contracts/events.contract.js';

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

/** One EventSource for the whole tab, opened with the first listener and closed with the last. */
function connect(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource(EVENTS_PATH, { withCredentials: true });
  source.addEventListener('notification', (message) => {
    let event: LiveEvent;
    try {
      event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
    } catch {
      return;
    }
    for (const listener of listeners) listener(event);
  });
}

function disconnect(): void {
  if (listeners.size > 0) return;
  source?.close();
  source = null;
}

/**
 * Call `onEvent` for every live event (a witness's review, a missed checkpoint, a nudge…) while the
 * component is mounted. The browser reconnects by itself after a dropped connection.
 *
 * @example useLiveEvents((event) => { if (event.projectId === projectId) query.reload(); });
 */
export function useLiveEvents(onEvent: Listener): void {
  const handle = useEffectEvent(onEvent);
  useEffect(() => {
    const listener: Listener = (event) => handle(event);
    listeners.add(listener);
    connect();
    return () => {
      listeners.delete(listener);
      disconnect();
    };
  }, []);
}

/** Reload when something happens in this project (or anywhere, without a project id). */
export function useLiveReload(projectId: string | undefined, reload: () => void): void {
  useLiveEvents((event) => {
    if (!projectId || event.projectId === projectId) reload();
  });
}
