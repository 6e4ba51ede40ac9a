/**
 * The daily digest: when it goes out (a local time of day in the user's zone) and what it says
 * (the day's notifications grouped by project, times on the user's clock).
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { addLocalDays } from '../schedule/calendar.js';
import { compareText } from '../verdicts/local-day.js';
import { instantsAt, localClock, NotificationInputError, requireTime, requireZone } from './local-time.js';

export interface DigestItem {
  title: string;
  body: string;
  /** ISO 8601 instant with an offset. */
  at: string;
  projectName?: string;
}

/** Group key of notifications without a project (no project name is empty), shown as "Other". */
const NO_PROJECT = '';

/**
 * The next instant strictly after `afterMs` at which the wall clock of `timeZone` reads `time`. A time
 * skipped by a spring-forward gap is the first instant after the gap; a time repeated by a fall-back
 * hour is its first occurrence, so a digest goes out once a day.
 *
 * @example nextDigestAt(Date.parse('2026-03-28T08:00:00Z'), 'Europe/Berlin', '08:00')
 * // Date.parse('2026-03-29T06:00:00Z') — 08:00 CEST, 23 hours later
 */
export function nextDigestAt(afterMs: number, timeZone: string, time: string): number {
  requireZone(timeZone);
  const minutes = requireTime(time, 'digestTime');
  const today = localClock(afterMs, timeZone).date;
  // Today's time may have passed; tomorrow's cannot have (a day is at least 22 hours long), but a
  // gap that swallows tomorrow's time can put it at today's end, so look one day further.
  for (let days = 0; days <= 2; days++) {
    const at = instantsAt(addLocalDays(today, days), minutes, timeZone).earlier;
    if (at > afterMs) return at;
  }
  throw new Error(`no ${time} in ${timeZone} within two days of ${afterMs}`);
}

/**
 * Subject and plain text of a digest: projects in name order (notifications without one last, as
 * "Other"), each notification with its local time, oldest first.
 */
export function digestText(
  items: readonly DigestItem[],
  timeZone: string,
): { subject: string; text: string } {
  requireZone(timeZone);
  if (items.length === 0) {
    return { subject: 'Recital digest: nothing new', text: 'Nothing new since your last digest.\n' };
  }
  const groups = new Map<string, { ms: number; item: DigestItem }[]>();
  for (const item of items) {
    const ms = Date.parse(item.at);
    if (Number.isNaN(ms)) throw new NotificationInputError(`"${item.at}" is not an ISO 8601 instant`, 'at');
    const project = oneLine(item.projectName ?? '');
    const group = groups.get(project) ?? [];
    group.push({ ms, item });
    groups.set(project, group);
  }
  const projects = [...groups.keys()].sort((a, b) =>
    a === NO_PROJECT ? 1 : b === NO_PROJECT ? -1 : compareText(a, b),
  );
  const count = `${items.length} ${items.length === 1 ? 'update' : 'updates'}`;
  const scope = projects.length === 1 && projects[0] !== NO_PROJECT ? ` in ${projects[0]}` : '';
  const lines = [`${count}${scope} since your last digest.`, ''];
  for (const project of projects) {
    const heading = project === NO_PROJECT ? 'Other' : project;
    lines.push(heading, '-'.repeat(Math.min(heading.length, 60)));
    const entries = (groups.get(project) ?? []).sort((a, b) => a.ms - b.ms);
    for (const { ms, item } of entries) {
      lines.push(`${localStamp(ms, timeZone)}  ${oneLine(item.title)}`);
      for (const bodyLine of item.body.trim().split(/\r?\n/))
        if (bodyLine.trim()) lines.push(`    ${bodyLine}`);
    }
    lines.push('');
  }
  lines.push(`Times are in ${timeZone}.`);
  return { subject: `Recital digest: ${count}${scope}`, text: `${lines.join('\n')}\n` };
}

/** e.g. 'Tue 14 Apr 09:30' on the user's clock. */
function localStamp(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'EEE d MMM HH:mm');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
