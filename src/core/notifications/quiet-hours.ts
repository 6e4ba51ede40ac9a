/**
 * Quiet hours: a nightly window in the user's zone during which nothing is delivered; what arrives
 * meanwhile waits for the window to end.
 */
import { addLocalDays } from '../schedule/calendar.js';
import { instantsAt, localClock, minutesOfTime, requireTime, requireZone } from './local-time.js';

/** A window in the user's IANA zone; it may wrap midnight (22:00–07:00). start === end means none. */
export interface QuietHours {
  /** 'HH:MM', inclusive. */
  start: string;
  /** 'HH:MM', exclusive. */
  end: string;
}

export interface QuietHoursIssue {
  path: 'start' | 'end';
  message: string;
}

/** Problems with a quiet-hours window, for answering user input; empty when it is usable. */
export function validateQuietHours(quiet: QuietHours): QuietHoursIssue[] {
  const issues: QuietHoursIssue[] = [];
  for (const path of ['start', 'end'] as const) {
    const value: unknown = quiet[path];
    if (typeof value !== 'string' || minutesOfTime(value) === null) {
      issues.push({
        path,
        message: `Expected a time of day as HH:MM (00:00–23:59), got ${JSON.stringify(value)}.`,
      });
    }
  }
  return issues;
}

/**
 * When a notification due at `nowMs` may be delivered: `nowMs` itself outside quiet hours, else the
 * instant the window ends.
 *
 * Each night's window runs from the local start time on one date to the local end time on the same
 * date (or the next, when it wraps midnight), as instants:
 * - a time skipped by a spring-forward gap is the first instant after the gap (so 01:00–02:30 in
 *   Berlin on the last Sunday of March ends at 03:00 CEST);
 * - a start inside a repeated fall-back hour is its first occurrence and an end its second, so the
 *   window covers every instant at which the wall clock shows a quiet time (the night is an hour
 *   longer, and so is the quiet).
 *
 * @example
 * deliverAt(Date.parse('2026-06-10T21:30:00Z'), 'Europe/Berlin', { start: '22:00', end: '07:00' })
 * // Date.parse('2026-06-11T05:00:00Z') — 07:00 CEST
 */
export function deliverAt(nowMs: number, timeZone: string, quiet: QuietHours | null): number {
  if (quiet === null || quiet.start === quiet.end) return nowMs;
  requireZone(timeZone);
  const start = requireTime(quiet.start, 'quietHours.start');
  const end = requireTime(quiet.end, 'quietHours.end');
  let at = nowMs;
  // Windows of adjacent nights can touch or overlap around a DST change; keep going until outside.
  for (let guard = 0; guard < 4; guard++) {
    const ending = windowEndAround(at, timeZone, start, end);
    if (ending === null) return at;
    at = ending;
  }
  return at;
}

/** The end of a quiet window containing `ms`, or null when `ms` is outside every window. */
function windowEndAround(ms: number, timeZone: string, start: number, end: number): number | null {
  const today = localClock(ms, timeZone).date;
  // Only the windows starting yesterday (when they wrap) and today can contain an instant of today.
  for (const date of [addLocalDays(today, -1), today]) {
    const opens = instantsAt(date, start, timeZone).earlier;
    const closes = instantsAt(end > start ? date : addLocalDays(date, 1), end, timeZone).later;
    if (opens <= ms && ms < closes) return closes;
  }
  return null;
}
