import { useCallback, useEffect, useState } from 'react';

export const DEFAULT_FOCUS_MINUTES = 25;
export const MIN_FOCUS_MINUTES = 5;
export const MAX_FOCUS_MINUTES = 180;

export interface FocusSession {
  taskId: string | null;
  title: string;
  durationMs: number;
  /** When the current run began (ms since the epoch); null while paused or ended. */
  runningSince: number | null;
  /** Time focused before the current run. */
  elapsedMs: number;
  /** Set once the session is over: the time ran out, or they stopped. */
  ended: 'completed' | 'stopped' | null;
}

export interface FocusTimer {
  session: FocusSession | null;
  /** Time focused so far, and left, at the last tick. */
  elapsedMs: number;
  remainingMs: number;
  start(task: { taskId: string | null; title: string }, minutes?: number): void;
  pause(): void;
  resume(): void;
  /** Change the length (while running too); never below the time already focused. */
  setMinutes(minutes: number): void;
  stop(): void;
  clear(): void;
}

function storageKey(projectId: string): string {
  return `recital.focus.${projectId}`;
}

function load(projectId: string): FocusSession | null {
  try {
    const raw = localStorage.getItem(storageKey(projectId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<FocusSession>;
    if (typeof value.durationMs !== 'number' || typeof value.elapsedMs !== 'number') return null;
    return {
      taskId: typeof value.taskId === 'string' ? value.taskId : null,
      title: typeof value.title === 'string' ? value.title : '',
      durationMs: value.durationMs,
      runningSince: typeof value.runningSince === 'number' ? value.runningSince : null,
      elapsedMs: value.elapsedMs,
      ended: value.ended === 'completed' || value.ended === 'stopped' ? value.ended : null,
    };
  } catch {
    return null;
  }
}

function save(projectId: string, session: FocusSession | null): void {
  try {
    if (session) localStorage.setItem(storageKey(projectId), JSON.stringify(session));
    else localStorage.removeItem(storageKey(projectId));
  } catch {
    // Storage can be off; the timer then lasts as long as the page.
  }
}

function elapsedOf(session: FocusSession, now: number): number {
  return session.elapsedMs + (session.runningSince === null ? 0 : Math.max(0, now - session.runningSince));
}

/**
 * A focus timer that survives a reload (kept per project on this device) and measures from the clock,
 * not from counted ticks, so a throttled background tab still ends on time.
 */
export function useFocusTimer(projectId: string): FocusTimer {
  const [session, setSessionState] = useState<FocusSession | null>(() => load(projectId));
  const [now, setNow] = useState(() => Date.now());

  const setSession = useCallback(
    (update: (before: FocusSession | null) => FocusSession | null) => {
      setNow(Date.now());
      setSessionState((before) => {
        const next = update(before);
        save(projectId, next);
        return next;
      });
    },
    [projectId],
  );

  const running = session !== null && session.runningSince !== null && session.ended === null;
  useEffect(() => {
    if (!running) return;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      // Time is up: end the session once, at its full length.
      setSessionState((before) => {
        if (!before || before.runningSince === null || elapsedOf(before, at) < before.durationMs)
          return before;
        const next = {
          ...before,
          elapsedMs: before.durationMs,
          runningSince: null,
          ended: 'completed' as const,
        };
        save(projectId, next);
        return next;
      });
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [running, projectId]);

  const elapsedMs = session ? Math.min(session.durationMs, elapsedOf(session, now)) : 0;
  const remainingMs = session ? Math.max(0, session.durationMs - elapsedMs) : 0;

  const start = useCallback(
    (task: { taskId: string | null; title: string }, minutes = DEFAULT_FOCUS_MINUTES) =>
      setSession(() => ({
        taskId: task.taskId,
        title: task.title,
        durationMs: minutes * 60_000,
        runningSince: Date.now(),
        elapsedMs: 0,
        ended: null,
      })),
    [setSession],
  );
  const pause = useCallback(
    () =>
      setSession((before) =>
        before && before.runningSince !== null
          ? { ...before, elapsedMs: elapsedOf(before, Date.now()), runningSince: null }
          : before,
      ),
    [setSession],
  );
  const resume = useCallback(
    () =>
      setSession((before) =>
        before && before.runningSince === null && before.ended === null
          ? { ...before, runningSince: Date.now() }
          : before,
      ),
    [setSession],
  );
  const setMinutes = useCallback(
    (minutes: number) =>
      setSession((before) => {
        if (!before || before.ended) return before;
        const clamped = Math.min(MAX_FOCUS_MINUTES, Math.max(MIN_FOCUS_MINUTES, Math.round(minutes)));
        const floor = elapsedOf(before, Date.now()) + 60_000;
        return {
          ...before,
          durationMs: Math.max(clamped * 60_000, Math.min(floor, MAX_FOCUS_MINUTES * 60_000)),
        };
      }),
    [setSession],
  );
  const stop = useCallback(
    () =>
      setSession((before) =>
        before && !before.ended
          ? { ...before, elapsedMs: elapsedOf(before, Date.now()), runningSince: null, ended: 'stopped' }
          : before,
      ),
    [setSession],
  );
  const clear = useCallback(() => setSession(() => null), [setSession]);

  return { session, elapsedMs, remainingMs, start, pause, resume, setMinutes, stop, clear };
}

/** "24:59", or "1:04:59" past an hour. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Minutes to prefill a check-in with: what was focused, at least one. */
export function focusedMinutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}
