import type { Clock } from '../core/time/clock.js';

/** How far a long read has come; `etaMs` is null until there is a rate to extrapolate from. */
export interface Progress {
  done: number;
  total: number;
  etaMs: number | null;
}

/** Asking for progress means bringing a clock: the ETA is measured, and tests fix the time. */
export interface ProgressOptions {
  onProgress: (progress: Progress) => void;
  clock: Clock;
  /** Report every this many items (and once at the end); default 500. */
  every?: number;
}

/**
 * Remaining time at the average rate so far. Linear on purpose: git's cost per commit is steady
 * enough that anything cleverer would only move the number around.
 *
 * @example estimateEtaMs({ done: 250, total: 1000, elapsedMs: 500 }) // 1500
 */
export function estimateEtaMs(options: { done: number; total: number; elapsedMs: number }): number | null {
  const { done, total, elapsedMs } = options;
  if (done <= 0) return null;
  if (done >= total) return 0;
  return Math.round((elapsedMs / done) * (total - done));
}

export interface ProgressReporter {
  /** Counts one more item done, reporting when a step is reached. */
  tick(): void;
  /** Reports the final count (a history can grow while it is read, so `done` may pass `total`). */
  finish(): void;
}

/** A reporter that calls back every `every` items; without options it does nothing. */
export function createProgressReporter(
  total: number,
  options: ProgressOptions | undefined,
): ProgressReporter {
  if (!options) return { tick: () => undefined, finish: () => undefined };
  const { onProgress, clock, every = 500 } = options;
  const startedAt = clock.now().getTime();
  let done = 0;
  const report = (): void => {
    const elapsedMs = clock.now().getTime() - startedAt;
    onProgress({ done, total: Math.max(total, done), etaMs: estimateEtaMs({ done, total, elapsedMs }) });
  };
  return {
    tick() {
      done += 1;
      if (done % every === 0) report();
    },
    finish: report,
  };
}
