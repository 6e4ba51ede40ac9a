/** Which sprint a local date falls in, for grace-token accounting. */
import { addLocalDays, localDaysBetween } from '../schedule/calendar.js';
import { requireLocalDate } from './local-day.js';
import { VerdictInputError, type LocalDate, type SprintCalendar } from './verdict.model.js';

/** The sprint's first day, used as its key; null when the date is before the first sprint. */
export type SprintKey = LocalDate | null;

/**
 * Returns a function from a local date to the start date of its sprint.
 *
 * @example sprintLocator({ startDate: '2026-03-02', lengthDays: 14 })('2026-03-20') // '2026-03-16'
 */
export function sprintLocator(sprints: SprintCalendar): (date: LocalDate) => SprintKey {
  if ('starts' in sprints) {
    const starts = [...new Set(sprints.starts.map((d) => requireLocalDate(d, 'sprints.starts')))].sort();
    return (date) => {
      let found: SprintKey = null;
      for (const start of starts) {
        if (start > date) break;
        found = start;
      }
      return found;
    };
  }
  const { startDate, lengthDays } = sprints;
  requireLocalDate(startDate, 'sprints.startDate');
  if (!Number.isInteger(lengthDays) || lengthDays < 1) {
    throw new VerdictInputError(
      `sprints.lengthDays: ${lengthDays} is not a whole number of days ≥ 1`,
      'sprints.lengthDays',
    );
  }
  return (date) => {
    const offset = localDaysBetween(startDate, date);
    if (offset < 0) return null;
    return addLocalDays(startDate, offset - (offset % lengthDays));
  };
}

export interface SprintBounds {
  /** The sprint's first day. */
  start: LocalDate;
  /** The next sprint's first day, when this one's tokens renew; null when this sprint never ends. */
  next: LocalDate | null;
}

/**
 * The sprint `date` falls in, with the day the next one starts. A date before the first sprint gets
 * the first sprint, whose tokens are the next to come; null only for a calendar without sprints.
 *
 * @example sprintAround({ startDate: '2026-03-02', lengthDays: 14 }, '2026-03-20')
 * // { start: '2026-03-16', next: '2026-03-30' }
 */
export function sprintAround(sprints: SprintCalendar, date: LocalDate): SprintBounds | null {
  requireLocalDate(date, 'date');
  if ('starts' in sprints) {
    const starts = [...new Set(sprints.starts.map((d) => requireLocalDate(d, 'sprints.starts')))].sort();
    const first = starts[0];
    if (first === undefined) return null;
    const start = sprintLocator(sprints)(date) ?? first;
    return { start, next: starts.find((s) => s > start) ?? null };
  }
  const start = sprintLocator(sprints)(date) ?? sprints.startDate;
  return { start, next: addLocalDays(start, sprints.lengthDays) };
}
