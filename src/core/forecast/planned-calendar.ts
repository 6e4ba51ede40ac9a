/**
 * The days ahead a forecast may use: the hours the commitment gives each weekday, no work on days
 * off or paused days, and only what is left of today.
 */
import { buildCalendar } from '../schedule/calendar.js';
import type { Weekday } from '../schedule/schedule.model.js';
import type { PlannedDay } from './monte-carlo.js';

/**
 * @example
 * plannedCalendar({ from: '2026-03-02', days: 3, timeZone: 'Europe/Berlin', minutesPerWeekday,
 *   daysOff: [], pauses: [{ from: '2026-03-03', to: '2026-03-03' }], usedToday: 30 })
 * // [{ date: '2026-03-02', minutes: 90 }, { date: '2026-03-03', minutes: 0 }, { date: '2026-03-04', minutes: 120 }]
 */
export function plannedCalendar(input: {
  /** Today, in the builder's zone. */
  from: string;
  days: number;
  timeZone: string;
  minutesPerWeekday: Record<Weekday, number>;
  daysOff: readonly string[];
  pauses: readonly { from: string; to: string }[];
  /** Minutes already worked today: today only has the rest. */
  usedToday: number;
}): PlannedDay[] {
  const calendar = buildCalendar(
    {
      timeZone: input.timeZone,
      minutesPerWeekday: input.minutesPerWeekday,
      daysOff: [...input.daysOff],
      startDate: input.from,
    },
    input.days,
  );
  const planned: PlannedDay[] = [];
  for (let i = 0; i < input.days; i++) {
    const date = calendar.dateOf(i);
    const paused = input.pauses.some((pause) => pause.from <= date && date <= pause.to);
    const minutes = paused ? 0 : (calendar.capacity[i] ?? 0);
    planned.push({ date, minutes: i === 0 ? Math.max(0, minutes - input.usedToday) : minutes });
  }
  return planned;
}
