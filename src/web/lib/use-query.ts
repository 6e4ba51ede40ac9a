import { useCallback, useEffect, useEffectEvent, useState } from 'react';

interface QueryState<T> {
  key: string;
  data?: T;
  error?: unknown;
  settled: boolean;
}

export interface Query<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Load data for a component and reload it on demand. A new `key` discards the old answer, so a page
 * never shows one workspace's data under another's name.
 *
 * @example const members = useQuery(`members:${id}`, () => api.call(listMembers, { params: { workspaceId: id } }));
 */
export function useQuery<T>(key: string, load: () => Promise<T>): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ key, settled: false });
  const [version, setVersion] = useState(0);
  const run = useEffectEvent(load);

  useEffect(() => {
    let active = true;
    run().then(
      (data) => active && setState({ key, data, settled: true }),
      (error: unknown) => active && setState({ key, error, settled: true }),
    );
    return () => {
      active = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const current = state.key === key ? state : { key, settled: false };
  return { data: current.data, error: current.error, loading: !current.settled, reload };
}
