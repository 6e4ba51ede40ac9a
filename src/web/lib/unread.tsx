import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveEvents } from './live.js';
import { useApi } from './session.js';

interface UnreadContextValue {
  /** Unread notifications; undefined until the first answer. */
  count: number | undefined;
  /** Ask the server again (after marking read elsewhere, say). */
  refresh(): void;
  /** Take a count a page already has (the inbox's own answer), saving a request. */
  set(count: number): void;
}

const UnreadContext = createContext<UnreadContextValue | null>(null);

/**
 * The signed-in person's unread count, for the navigation badge. It follows live events, and asks
 * again when the tab becomes visible, since events sent while the connection was down are not replayed.
 */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [count, setCount] = useState<number | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    let active = true;
    // Imported when first called, so the endpoint's schemas stay out of the first page's bundle.
    import('../../contracts/notifications.contract.js')
      .then(({ listNotifications }) => api.call(listNotifications, { query: { limit: 1 } }))
      .then(
        (answer) => active && setCount(answer.unreadCount),
        () => undefined, // the badge stays as it was; the inbox page shows errors
      );
    return () => {
      active = false;
    };
  }, [api, version]);

  useLiveEvents(refresh);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  const value = useMemo(() => ({ count, refresh, set: setCount }), [count, refresh]);
  return <UnreadContext value={value}>{children}</UnreadContext>;
}

export function useUnread(): UnreadContextValue {
  const value = use(UnreadContext);
  if (!value) throw new Error('useUnread must be used inside <UnreadProvider>.');
  return value;
}
