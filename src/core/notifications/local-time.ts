/**
 * Wall-clock times ('HH:MM') in a user's IANA zone, turned into instants. Dates come from the
 * schedule's calendar and `localDateOf`, so a "local day" here is the one the verdicts use.
 *
 * Two wall-clock edge cases, both explicit: on a spring-forward day a time inside the gap does not
 * exist, and it is taken as the first instant after the gap (the transition itself, e.g. 03:00 CEST
 * for 02:30 in Berlin); on a fall-back day a time inside the repeated hour happens twice, and the
 * caller says which occurrence it wants.
 */
import { tzOffset } from '@date-fns/tz';
import { isValidTimeZone } from '../time/time-zone.js';
import { localDateOf } from '../verdicts/local-day.js';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export class NotificationInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'NotificationInputError';
  }
}

/** Minutes after midnight of an 'HH:MM' time (00:00–23:59), or null when it is not one. */
export function minutesOfTime(time: string): number | null {
  const match = HH_MM.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Like `minutesOfTime`, but throws `NotificationInputError` naming `field`. */
export function requireTime(time: string, field: string): number {
  const minutes = minutesOfTime(time);
  if (minutes === null) throw new NotificationInputError(`${field}: "${time}" is not a time (HH:MM)`, field);
  return minutes;
}

export function requireZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) {
    throw new NotificationInputError(`"${timeZone}" is not an IANA time zone`, 'timeZone');
  }
  return timeZone;
}

/** UTC offset of the zone at an instant, in milliseconds (Berlin in summer: +7 200 000). */
function offsetMs(timeZone: string, ms: number): number {
  return tzOffset(timeZone, new Date(ms)) * MINUTE_MS;
}

/** The local date and minutes after local midnight at an instant. */
export function localClock(ms: number, timeZone: string): { date: string; minutes: number } {
  const wall = ms + offsetMs(timeZone, ms);
  const minutes = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return { date: localDateOf(ms, timeZone), minutes };
}

/**
 * The instants at which the wall clock of `timeZone` reads `minutes` after midnight on `date`.
 * `earlier` and `later` differ only in a repeated hour; inside a spring-forward gap both are the
 * first instant after the gap.
 *
 * @example instantsAt('2026-03-29', 150, 'Europe/Berlin') // both 2026-03-29T01:00:00Z (03:00 CEST)
 */
export function instantsAt(
  date: string,
  minutes: number,
  timeZone: string,
): { earlier: number; later: number } {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  if (Number.isNaN(wall)) throw new NotificationInputError(`"${date}" is not a date (YYYY-MM-DD)`, 'date');
  // Offsets span -12h..+14h, so the instant lies within 15 hours of the wall time read as UTC; the
  // offsets in force at either end of that range are the only candidates.
  const candidates = new Set([
    offsetMs(timeZone, wall - 15 * HOUR_MS),
    offsetMs(timeZone, wall + 15 * HOUR_MS),
  ]);
  const valid = [...candidates]
    .map((offset) => wall - offset)
    .filter((instant) => wall - offsetMs(timeZone, instant) === instant)
    .sort((a, b) => a - b);
  const first = valid[0];
  const last = valid[valid.length - 1];
  if (first !== undefined && last !== undefined) return { earlier: first, later: last };
  const after = gapEnd(timeZone, wall, [...candidates]);
  return { earlier: after, later: after };
}

/**
 * The transition instant of a gap that swallows `wall`: read with the old (smaller) offset, the wall
 * time lies after the transition; with the new one, before it. Bisect to the millisecond.
 */
function gapEnd(timeZone: string, wall: number, offsets: number[]): number {
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  const newOffset = offsetMs(timeZone, after);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetMs(timeZone, middle) === newOffset) after = middle;
    else before = middle;
  }
  return after;
}
