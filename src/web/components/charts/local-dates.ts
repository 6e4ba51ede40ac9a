/**
 * Local calendar dates (`YYYY-MM-DD`, already read in the builder's zone by the server) and durations.
 * Dates are handled as UTC midnights so the viewer's own zone can never shift a day.
 */

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y = 'NaN', m = 'NaN', d = 'NaN'] = date.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value));
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayFromMonday(date: string): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

/** The Monday of the week holding `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayFromMonday(date));
}

/** Every date from `from` through `to`, in order. */
export function dateRange(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Seconds since the epoch at the date's UTC midnight: the x value charts use. */
export function dateToSeconds(date: string): number {
  return toUtc(date) / 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    formatters.set(key, found);
  }
  return found;
}

/**
 * A local date for people.
 *
 * @example formatDate('2026-03-03') // 'Tue, Mar 3'
 * @example formatDate('2026-03-03', { year: true }) // 'Tue, Mar 3, 2026'
 */
export function formatDate(date: string, options: { year?: boolean; weekday?: boolean } = {}): string {
  if (!isLocalDate(date)) return date;
  return formatter({
    ...(options.weekday === false ? {} : { weekday: 'short' }),
    month: 'short',
    day: 'numeric',
    ...(options.year ? { year: 'numeric' } : {}),
  }).format(new Date(toUtc(date)));
}

/** 'Mar' for any date in March. */
export function formatMonth(date: string): string {
  return formatter({ month: 'short' }).format(new Date(toUtc(date)));
}

/** 'Mon' … 'Sun'. */
export function formatWeekday(date: string, style: 'short' | 'long' = 'short'): string {
  return formatter({ weekday: style }).format(new Date(toUtc(date)));
}

/**
 * Minutes as hours and minutes.
 *
 * @example formatMinutes(90) // '1 h 30 min'
 * @example formatMinutes(120) // '2 h'
 */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  const sign = rounded < 0 ? '−' : '';
  const total = Math.abs(rounded);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${rest} min`;
}

/** Hours with at most one decimal: 11, 1.5. */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10);
}

/** '1 task', '3 tasks'. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The local date whose UTC midnight is `seconds` (the inverse of {@link dateToSeconds}). */
export function secondsToDate(seconds: number): string {
  return fromUtc(Math.round(seconds / 86_400) * DAY_MS);
}
