/**
 * Local days in the builder's zone, as half-open instant ranges [start, end). Built on the
 * schedule's calendar so a day here ends exactly when the schedule says it does.
 */
import { TZDate } from '@date-fns/tz';
import { addLocalDays, assertLocalDate, assertTimeZone, endOfLocalDay } from '../schedule/calendar.js';
import { VerdictInputError, type Instant, type LocalDate } from './verdict.model.js';

// An offset is required: an ISO string without one is read in the host's zone, so the same
// record would land on different days on different machines.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Throws `VerdictInputError` unless `date` is a real `YYYY-MM-DD` date. */
export function requireLocalDate(date: LocalDate, field: string): LocalDate {
  try {
    assertLocalDate(date, field);
  } catch {
    throw new VerdictInputError(`${field}: "${date}" is not a calendar date (YYYY-MM-DD)`, field);
  }
  return date;
}

/** Whether `date` is a real `YYYY-MM-DD` date (for answering user input rather than throwing). */
export function isLocalDate(date: string): boolean {
  try {
    assertLocalDate(date, 'date');
    return true;
  } catch {
    return false;
  }
}

/** Epoch milliseconds of an ISO instant with an offset; throws `VerdictInputError` otherwise. */
export function requireInstant(instant: Instant, field: string): number {
  const ms = ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new VerdictInputError(`${field}: "${instant}" is not an ISO 8601 instant with an offset`, field);
  }
  return ms;
}

export function requireTimeZone(timeZone: string): string {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new VerdictInputError(`"${timeZone}" is not an IANA time zone`, 'timeZone');
  }
  return timeZone;
}

/** The first instant after the local day, in epoch milliseconds. */
export function dayEndMs(date: LocalDate, timeZone: string): number {
  return Date.parse(endOfLocalDay(date, timeZone));
}

/** The first instant of the local day (where midnight is skipped, the first instant that exists). */
export function dayStartMs(date: LocalDate, timeZone: string): number {
  return dayEndMs(addLocalDays(date, -1), timeZone);
}

/**
 * The builder's local date at an instant.
 *
 * @example localDateOf(Date.parse('2026-03-29T21:30:00Z'), 'Europe/Berlin') // '2026-03-29' (23:30 CEST)
 */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const local = new TZDate(ms, timeZone);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(local.getFullYear()).padStart(4, '0')}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

export function toIso(ms: number): Instant {
  return new Date(ms).toISOString();
}

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
