/**
 * The comprehension trend: one point per sprint (the last measurement in it), so a chart shows how
 * understanding kept pace with output sprint by sprint. Before a commitment there are no sprints, so
 * weeks (Monday to Sunday, in the builder's zone) stand in.
 */
import { addLocalDays, localDaysBetween } from '../schedule/calendar.js';
import { localDateOf } from '../verdicts/local-day.js';

export interface Measured {
  takenAt: string;
}

export interface Periods {
  timeZone: string;
  /** The first day of the first sprint and the sprint length, when the builder has committed; earlier days count with the first sprint. */
  sprint?: { start: string; lengthDays: number } | null;
}

/** The first day of the period a local date falls in. */
export function periodStartOf(date: string, periods: Periods): string {
  const sprint = periods.sprint;
  if (sprint && sprint.lengthDays > 0) {
    // The day of the commitment comes just before the first judged day: it counts with the first sprint.
    const index = Math.max(0, Math.floor(localDaysBetween(sprint.start, date) / sprint.lengthDays));
    return addLocalDays(sprint.start, index * sprint.lengthDays);
  }
  // Monday of the week: 2024-01-01 was a Monday.
  const offset = ((localDaysBetween('2024-01-01', date) % 7) + 7) % 7;
  return addLocalDays(date, -offset);
}

/**
 * @example
 * trendByPeriod([{ takenAt: '2026-03-03T10:00:00Z' }, { takenAt: '2026-03-05T10:00:00Z' }], { timeZone: 'UTC' })
 * // [{ periodStart: '2026-03-02', takenAt: '2026-03-05T10:00:00Z' }]
 */
export function trendByPeriod<T extends Measured>(
  snapshots: readonly T[],
  periods: Periods,
): (T & { periodStart: string })[] {
  const last = new Map<string, T>();
  for (const snapshot of [...snapshots].sort((a, b) =>
    a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0,
  )) {
    const date = localDateOf(Date.parse(snapshot.takenAt), periods.timeZone);
    last.set(periodStartOf(date, periods), snapshot);
  }
  return [...last.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([periodStart, snapshot]) => ({ ...snapshot, periodStart }));
}
