import { useEffect, useState } from 'react';
import { formatInstant } from './format.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The current time, refreshed every `intervalMs`, for labels such as "5 minutes ago". */
export function useNow(intervalMs = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * How long ago (or how far ahead) an instant is, in words.
 *
 * @example relativeTime('2026-03-02T16:55:00Z', Date.parse('2026-03-02T17:00:00Z')) // '5 minutes ago'
 */
export function relativeTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (abs < 45 * MINUTE) return format.format(Math.round(diff / MINUTE), 'minute');
  if (abs < 22 * HOUR) return format.format(Math.round(diff / HOUR), 'hour');
  if (abs < 26 * DAY) return format.format(Math.round(diff / DAY), 'day');
  if (abs < 320 * DAY) return format.format(Math.round(diff / (30 * DAY)), 'month');
  return format.format(Math.round(diff / (365 * DAY)), 'year');
}

/**
 * A calendar date (YYYY-MM-DD, already local to whoever it belongs to) in words.
 *
 * @example formatLocalDate('2026-03-06') // 'Fri, Mar 6, 2026'
 */
export function formatLocalDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parsed);
}

/** An instant as "in 3 days (Mar 9, 2026, 18:00)": relative first, then absolute in the person's zone. */
export function relativeAndAbsolute(iso: string, now: number, timeZone: string): string {
  return `${relativeTime(iso, now)} (${formatInstant(iso, timeZone)})`;
}
