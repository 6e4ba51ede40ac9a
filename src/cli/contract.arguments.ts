/** The flags of `recital contract commit` and `change`: hours, repeatable lists, counts and due dates. */
import { InvalidArgumentError } from 'commander';
import { WEEK, type Weekday } from './contract.output.js';
import { CliError, EXIT_USAGE } from './errors.js';
import { sanitize } from './output.js';
import { parseHours } from './schedule.commands.js';

/**
 * `--hours` for a change: only the days named change (`sat=0` frees Saturdays); hours by default,
 * `90m` for minutes, `weekdays=` and `weekend=` for several days at once.
 *
 * @example
 * parseHoursChange('mon=3,weekend=0'); // { mon: 180, sat: 0, sun: 0 }
 */
export function parseHoursChange(value: string): Partial<Record<Weekday, number>> {
  const minutes: Partial<Record<Weekday, number>> = {};
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0)
    throw new CliError('--hours: name at least one day', { hint: 'e.g. --hours mon=2,sat=0', exitCode: 2 });
  for (const part of parts) {
    const tooMany = /^([a-z]+)=(\d+(?:\.\d+)?)$/i.exec(part);
    if (tooMany && Number(tooMany[2]) > 24)
      throw new CliError(`--hours: "${sanitize(part)}" is more than 24 hours in a day`, {
        hint: `hours are the unit; for minutes write ${tooMany[1]}=${tooMany[2]}m`,
        exitCode: EXIT_USAGE,
      });
    const full = parseHours(part);
    const key = part.split('=')[0]?.trim().toLowerCase() ?? '';
    const days: readonly Weekday[] =
      key === 'weekdays' ? WEEK.slice(0, 5) : key === 'weekend' ? ['sat', 'sun'] : [key as Weekday];
    for (const day of days) minutes[day] = full[day];
  }
  return minutes;
}

/** A repeatable, comma-separated option, e.g. `--witness a@x.org,b@x.org --witness c@x.org`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

export function parseCount(value: string): number {
  if (!/^\d{1,3}$/.test(value.trim())) throw new InvalidArgumentError('Expected a whole number (0 or more).');
  return Number(value.trim());
}

export interface DueChange {
  checkpoint: string;
  date: string;
}

/** `--due CHECKPOINT=YYYY-MM-DD`, repeatable. */
export function parseDue(value: string, previous: DueChange[] = []): DueChange[] {
  const match = /^(.+)=(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  if (!match || Number.isNaN(Date.parse(`${match[2]}T00:00:00Z`)))
    throw new InvalidArgumentError('Expected CHECKPOINT=YYYY-MM-DD, e.g. cp-week-2=2026-03-20.');
  return [...previous, { checkpoint: match[1]!.trim(), date: match[2]! }];
}
