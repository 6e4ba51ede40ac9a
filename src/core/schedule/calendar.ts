/**
 * Local calendar dates and the builder's capacity per day. A calendar date has no zone: day
 * arithmetic is done on epoch days (the date at UTC midnight, where every day is 24 hours).
 * Instants — when a local day ends — are derived with `@date-fns/tz` in the builder's zone, so
 * DST transitions are followed.
 */
import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { ScheduleInputError, WEEKDAYS, type Availability, type LocalDate } from './schedule.model.js';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date; throws on anything else. */
function epochDay(date: LocalDate, field: string): number {
  const match = LOCAL_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || fromEpochDay(ms / DAY_MS) !== date) {
    throw new ScheduleInputError(`${field}: "${date}" is not a calendar date (YYYY-MM-DD)`, field);
  }
  return ms / DAY_MS;
}

function fromEpochDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Throws `ScheduleInputError` unless `date` is a real `YYYY-MM-DD` date. */
export function assertLocalDate(date: LocalDate, field: string): void {
  epochDay(date, field);
}

/** @example addLocalDays('2026-02-28', 1) // '2026-03-01' */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date, 'date') + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function localDaysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to, 'date') - epochDay(from, 'date');
}

/**
 * The instant a local day ends — the next local midnight, or the start of the next day where
 * midnight is skipped — as a UTC ISO string.
 *
 * @example endOfLocalDay('2026-03-29', 'Europe/Berlin') // '2026-03-29T22:00:00.000Z' (a 23-hour day)
 */
export function endOfLocalDay(date: LocalDate, timeZone: string): string {
  const [year, month, day] = addLocalDays(date, 1).split('-').map(Number);
  const nextDay = new TZDate(year ?? 0, (month ?? 1) - 1, day ?? 1, timeZone);
  return new Date(startOfDay(nextDay).getTime()).toISOString();
}

const knownZones = new Set<string>();

/** Validates a zone name against the runtime's time zone database (answers are memoised). */
export function assertTimeZone(timeZone: string): void {
  if (knownZones.has(timeZone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    knownZones.add(timeZone);
  } catch {
    throw new ScheduleInputError(`"${timeZone}" is not an IANA time zone`, 'availability.timeZone');
  }
}

/** Capacity of every day in the horizon, day 0 being the start date. */
export interface WorkCalendar {
  startDate: LocalDate;
  /** Minutes available on day i of the horizon. */
  capacity: Int32Array;
  /** Minutes of a week, for estimates past the horizon. */
  weeklyMinutes: number;
  /** Minutes available on day i, also past the horizon. */
  minutesOnDay(dayIndex: number): number;
  dateOf(dayIndex: number): LocalDate;
}

/** Builds the horizon's capacity from the weekday pattern and the days off. */
export function buildCalendar(availability: Availability, horizonDays: number): WorkCalendar {
  const start = epochDay(availability.startDate, 'availability.startDate');
  const perWeekday = WEEKDAYS.map((weekday) => {
    const minutes = availability.minutesPerWeekday[weekday];
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) {
      throw new ScheduleInputError(
        `minutesPerWeekday.${weekday}: ${minutes} is not whole minutes in 0–1440`,
        'availability.minutesPerWeekday',
      );
    }
    return minutes;
  });
  const daysOff = new Set(availability.daysOff.map((date) => epochDay(date, 'availability.daysOff')));
  // 1970-01-01 (epoch day 0) was a Thursday, index 4 in WEEKDAYS.
  const minutesOnDay = (dayIndex: number): number =>
    daysOff.has(start + dayIndex) ? 0 : (perWeekday[(((start + dayIndex + 4) % 7) + 7) % 7] ?? 0);

  const dates: LocalDate[] = [];
  const capacity = new Int32Array(horizonDays);
  for (let i = 0; i < horizonDays; i++) {
    dates.push(fromEpochDay(start + i));
    capacity[i] = minutesOnDay(i);
  }
  return {
    startDate: availability.startDate,
    capacity,
    weeklyMinutes: perWeekday.reduce((sum, minutes) => sum + minutes, 0),
    minutesOnDay,
    dateOf: (dayIndex) => dates[dayIndex] ?? fromEpochDay(start + dayIndex),
  };
}

/** Capacity from the start date through `date` inclusive (0 when `date` is before the start). */
export function minutesThrough(calendar: WorkCalendar, date: LocalDate): number {
  const last = localDaysBetween(calendar.startDate, date);
  let total = 0;
  for (let i = 0; i <= last; i++) total += calendar.minutesOnDay(i);
  return total;
}

/**
 * The first date by which `minutes` of capacity have passed since the start date; null when the
 * week has no capacity at all or it takes more than ten years.
 */
export function dateWhenCapacityReaches(calendar: WorkCalendar, minutes: number): LocalDate | null {
  if (calendar.weeklyMinutes === 0) return null;
  let total = 0;
  for (let i = 0; i < 3660; i++) {
    total += calendar.minutesOnDay(i);
    if (total >= minutes && total > 0) return calendar.dateOf(i);
  }
  return null;
}
