/** Builders for verdict tests. */
import { TZDate } from '@date-fns/tz';
import { addLocalDays } from '../schedule/calendar.js';
import type { DayLedger, DayVerdict, Evidence, Instant, LocalDate, VerdictKind } from './verdict.model.js';

/**
 * The instant of a local wall-clock time, as an ISO string with the zone's offset
 * (`2026-03-29T23:30:00.000+02:00`), so tests also feed the engine offsets other than `Z`.
 */
export function localInstant(date: LocalDate, time: string, timeZone: string): Instant {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, timeZone).toISOString();
}

/** `days` consecutive dates from `from`. */
export function dateRange(from: LocalDate, days: number): LocalDate[] {
  return Array.from({ length: days }, (_, i) => addLocalDays(from, i));
}

export function ledger(overrides: Partial<DayLedger> & Pick<DayLedger, 'timeZone'>): DayLedger {
  return { plannedDays: [], evidence: [], pauses: [], graceSpends: [], ...overrides };
}

let sequence = 0;
export function checkin(at: Instant, fields: Partial<Evidence> = {}): Evidence {
  sequence += 1;
  return { id: `e${sequence}`, kind: 'checkin', at, ...fields };
}

/** Verdicts from a compact list, one day apart from 2026-03-02. */
export function verdicts(
  kinds: readonly VerdictKind[],
  from: LocalDate = '2026-03-02',
): Pick<DayVerdict, 'date' | 'verdict'>[] {
  return kinds.map((verdict, i) => ({ date: addLocalDays(from, i), verdict }));
}
