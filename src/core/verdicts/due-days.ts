/** Which planned days a sweeper should close now. */
import { dayEndMs, requireInstant, requireLocalDate, requireTimeZone } from './local-day.js';
import type { Instant, LocalDate } from './verdict.model.js';

export interface DueDaysInput {
  plannedDays: readonly LocalDate[];
  timeZone: string;
  /** Every planned day up to and including this date already has a verdict; null when none has. */
  closedThrough: LocalDate | null;
  now: Instant;
  /** Return at most this many (the earliest), so a sweep works in bounded batches. */
  limit?: number;
}

/**
 * Planned days after `closedThrough` whose local day has ended by `now` (the end instant itself
 * counts as ended), oldest first and without repeats — after three days of downtime the sweeper
 * gets all three, in the order they must be closed.
 *
 * @example
 * dueDays({ plannedDays: ['2026-03-02', '2026-03-03'], timeZone: 'Europe/Berlin',
 *   closedThrough: null, now: '2026-03-02T23:00:00Z' }) // ['2026-03-02']
 */
export function dueDays(input: DueDaysInput): LocalDate[] {
  const timeZone = requireTimeZone(input.timeZone);
  const now = requireInstant(input.now, 'now');
  const after = input.closedThrough === null ? null : requireLocalDate(input.closedThrough, 'closedThrough');
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  const candidates = [...new Set(input.plannedDays.map((d) => requireLocalDate(d, 'plannedDays')))]
    .filter((date) => after === null || date > after)
    .sort();
  const due: LocalDate[] = [];
  for (const date of candidates) {
    // Days are in order and end in order, so the first one still open ends the list.
    if (due.length >= limit || dayEndMs(date, timeZone) > now) break;
    due.push(date);
  }
  return due;
}
