/**
 * Dates and durations as people read them. Local dates are `YYYY-MM-DD` strings in the builder's zone
 * (the server decides which day it is); they are handled as UTC midnights so no browser zone creeps in.
 */

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
export type MinutesPerWeekday = Record<WeekdayKey, number>;

export const WEEKDAY_NAMES: Record<WeekdayKey, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const BY_UTC_DAY: WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utc(value).getTime());
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);
}

export function weekdayOf(date: string): WeekdayKey {
  return BY_UTC_DAY[utc(date).getUTCDay()] ?? 'mon';
}

/** The local date of an instant in a zone. */
export function localDateIn(iso: string, timeZone: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(date)
      .slice(0, 10);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** "Mon, Mar 2" (or with the year when asked). */
export function formatDate(
  date: string,
  options: { year?: boolean; weekday?: 'short' | 'long' } = {},
): string {
  if (!isLocalDate(date)) return date;
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: options.weekday ?? 'short',
    month: 'short',
    day: 'numeric',
    ...(options.year ? { year: 'numeric' } : {}),
  }).format(utc(date));
}

/** A time of day of an instant in the builder's zone: "14:05". */
export function formatTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(date);
  }
}

/** "45 min", "2 h", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "12.5 h" */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded.toLocaleString(undefined, { maximumFractionDigits: 1 })} h`;
}

export type Estimate = number | { min: number; max: number } | null;

/** "1 h", "3–4 h" or null when the plan gives none. */
export function formatEstimate(estimate: Estimate): string | null {
  if (estimate === null) return null;
  if (typeof estimate === 'number') return formatMinutes(estimate);
  return `${formatMinutes(estimate.min)} – ${formatMinutes(estimate.max)}`;
}

/** The midpoint of an estimate in minutes, as the schedule counts it (null: none given). */
export function estimateMidpoint(estimate: Estimate): number | null {
  if (estimate === null) return null;
  return typeof estimate === 'number' ? estimate : (estimate.min + estimate.max) / 2;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
