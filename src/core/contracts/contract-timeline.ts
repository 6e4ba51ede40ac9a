import { addLocalDays, localDaysBetween } from '../schedule/calendar.js';
import { WEEKDAYS, type LocalDate } from '../schedule/schedule.model.js';
import { dayStartMs } from '../verdicts/local-day.js';
import type { Contract } from './contract.model.js';

/**
 * One stored version of a project's contract. `contract` is what was asked for; `interim` is what
 * is in force from `requestedAt` until `fullyEffectiveAt` while its easier parts wait (equal to
 * `contract` when nothing waits). A newer version ends this one's reign at its own `requestedAt`.
 */
export interface ContractVersion {
  number: number;
  contract: Contract;
  interim: Contract;
  requestedAt: string;
  fullyEffectiveAt: string;
}

export interface ContractInForce {
  version: ContractVersion;
  contract: Contract;
  /** Easier parts of `version` are still waiting (their delay has not passed, no witness approved). */
  waiting: boolean;
}

/**
 * The contract in force at `atMs`: the newest version requested at or before it, fully or in its
 * interim form. Null before the first version.
 *
 * @example contractAt([v1, v2], Date.parse('2026-05-03T00:00:00Z'))?.contract.graceTokensPerSprint
 */
export function contractAt(versions: readonly ContractVersion[], atMs: number): ContractInForce | null {
  let current: ContractVersion | null = null;
  for (const version of versions) {
    if (Date.parse(version.requestedAt) > atMs) continue;
    if (!current || version.number > current.number) current = version;
  }
  if (!current) return null;
  const waiting = atMs < Date.parse(current.fullyEffectiveAt);
  return { version: current, contract: waiting ? current.interim : current.contract, waiting };
}

/** 0 = Sunday … 6 = Saturday for a `YYYY-MM-DD` date (1970-01-01 was a Thursday). */
function weekdayIndex(date: LocalDate): number {
  const days = localDaysBetween('1970-01-01', date);
  return (((days + 4) % 7) + 7) % 7;
}

/**
 * The planned days from `from` through `through` (inclusive): days whose contract in force when the
 * day began gives the weekday some minutes, minus the builder's days off. A change of hours never
 * rewrites a day that had already begun.
 */
export function plannedDaysFromContracts(input: {
  versions: readonly ContractVersion[];
  timeZone: string;
  from: LocalDate;
  through: LocalDate;
  daysOff?: readonly LocalDate[];
}): LocalDate[] {
  const off = new Set(input.daysOff ?? []);
  const span = localDaysBetween(input.from, input.through) + 1;
  const days: LocalDate[] = [];
  for (let i = 0; i < span; i++) {
    const date = addLocalDays(input.from, i);
    if (off.has(date)) continue;
    const inForce = contractAt(input.versions, dayStartMs(date, input.timeZone));
    const weekday = WEEKDAYS[weekdayIndex(date)];
    if (inForce && weekday && (inForce.contract.minutesPerWeekday[weekday] ?? 0) > 0) days.push(date);
  }
  return days;
}
