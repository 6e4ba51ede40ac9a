/** Streaks of showing up. */
import { requireLocalDate } from './local-day.js';
import { VerdictInputError, type DayVerdict } from './verdict.model.js';

export interface Streak {
  /** Showed-up days in the run that is still unbroken at the latest verdict. */
  current: number;
  longest: number;
}

/**
 * Counts showed-up days in a row. A skipped day breaks the run. Paused and grace days neither
 * break nor extend it: they were excused, not worked, so a streak of 5 still means five days of
 * real work — which keeps grace tokens from being spent to pad a streak.
 *
 * A missed checkpoint also ends the run: `resetAfter` lists the local dates after which it restarts
 * (the missed checkpoints' due dates).
 *
 * @example streak(['showed_up', 'grace', 'showed_up', 'skipped', 'showed_up'] as days) // { current: 1, longest: 2 }
 */
export function streak(
  verdicts: readonly Pick<DayVerdict, 'date' | 'verdict'>[],
  options: { resetAfter?: readonly string[] } = {},
): Streak {
  let current = 0;
  let longest = 0;
  const resets = [...(options.resetAfter ?? [])].sort();
  let next = 0;
  for (const { date, verdict } of inDateOrder(verdicts)) {
    while (next < resets.length && (resets[next] ?? '') < date) {
      current = 0;
      next += 1;
    }
    if (verdict === 'showed_up') longest = Math.max(longest, ++current);
    else if (verdict === 'skipped') current = 0;
  }
  return { current, longest };
}

/**
 * Verdicts sorted by date; throws `VerdictInputError` when a date appears twice (each planned
 * day has exactly one verdict, so a repeat is a caller bug that would double-count).
 */
export function inDateOrder<T extends Pick<DayVerdict, 'date'>>(verdicts: readonly T[]): T[] {
  const sorted = [...verdicts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    const date = requireLocalDate(sorted[i]!.date, 'verdicts.date');
    if (i > 0 && sorted[i - 1]!.date === date) {
      throw new VerdictInputError(`verdicts: ${date} has more than one verdict`, 'verdicts.date');
    }
  }
  return sorted;
}
