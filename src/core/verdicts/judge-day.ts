/**
 * The verdict of one planned local day, once it has ended. Precedence (see `verdict.model.ts`):
 * paused > showed_up > grace > skipped.
 */
import { indexLedger, type GraceOutcome, type LedgerIndex, type ShowUp } from './day-ledger.js';
import { dueDays } from './due-days.js';
import { requireLocalDate, toIso } from './local-day.js';
import {
  VerdictInputError,
  type DayLedger,
  type DayVerdict,
  type Instant,
  type LocalDate,
  type VerdictPolicy,
} from './verdict.model.js';

export interface JudgeDayInput extends DayLedger {
  date: LocalDate;
  policy?: VerdictPolicy;
}

/**
 * Judges one planned day from everything known about it. Pure and deterministic: the same ledger
 * gives the same verdict whatever the order of its records. Call it for days `dueDays` returns;
 * it does not know the time, so it cannot tell a day still in progress from a skipped one.
 *
 * @example
 * judgeDay({ date: '2026-03-02', timeZone: 'Europe/Berlin', plannedDays: ['2026-03-02'],
 *   evidence: [{ id: 'e1', kind: 'checkin', at: '2026-03-02T22:30:00Z' }], pauses: [], graceSpends: [] })
 * // { verdict: 'showed_up', evidenceIds: ['e1'], closedAt: '2026-03-02T23:00:00.000Z', … }
 */
export function judgeDay(input: JudgeDayInput): DayVerdict {
  return judgeIndexed(indexLedger(input, input.policy), input.date);
}

export interface JudgeDueDaysInput extends DayLedger {
  closedThrough: LocalDate | null;
  now: Instant;
  policy?: VerdictPolicy;
  limit?: number;
}

/** Verdicts for every planned day that has ended and is not closed yet, oldest first. */
export function judgeDueDays(input: JudgeDueDaysInput): DayVerdict[] {
  const dates = dueDays(input);
  if (dates.length === 0) return [];
  const index = indexLedger(input, input.policy);
  return dates.map((date) => judgeIndexed(index, date));
}

function judgeIndexed(index: LedgerIndex, dateInput: LocalDate): DayVerdict {
  const date = requireLocalDate(dateInput, 'date');
  if (!index.isPlanned(date)) {
    throw new VerdictInputError(`${date} has no planned work, so it is never judged`, 'date');
  }
  const closedAt = toIso(index.endMs(date));
  const shown = index.showUp(date);
  const ids = (records: ShowUp['records']): string[] => records.map((r) => r.id);
  const pause = index.pause(date);

  if (pause?.valid) {
    const { from, to, reason } = pause.pause;
    const extra = shown.records.length > 0 ? `; ${count(shown.records.length, 'record')} logged anyway` : '';
    return {
      date,
      verdict: 'paused',
      evidenceIds: ids(shown.records),
      reason: `Paused ${from} to ${to} (requested ${pause.pause.requestedAt}): ${reason}${extra}.`,
      closedAt,
    };
  }
  if (shown.qualified) {
    return {
      date,
      verdict: 'showed_up',
      evidenceIds: ids(shown.records),
      reason: showedUpReason(shown),
      closedAt,
    };
  }
  const grace = index.grace(date);
  if (grace.status === 'granted') {
    return {
      date,
      verdict: 'grace',
      evidenceIds: ids(shown.records),
      reason: `Grace token ${grace.ordinal} of ${grace.tokens} this sprint, spent ${grace.spend.spentAt}; ${shortfall(index, shown)}.`,
      closedAt,
    };
  }
  const notes = [shortfall(index, shown), pauseNote(pause, index, date), graceNote(grace)].filter(Boolean);
  return {
    date,
    verdict: 'skipped',
    evidenceIds: ids(shown.records),
    reason: `Skipped: ${notes.join('; ')}.`,
    closedAt,
  };
}

function showedUpReason(shown: Extract<ShowUp, { qualified: true }>): string {
  if (shown.by === 'minutes') return `Showed up: ${shown.minutes} minutes logged.`;
  const kinds = new Map<string, number>();
  for (const record of shown.records) kinds.set(record.kind, (kinds.get(record.kind) ?? 0) + 1);
  return `Showed up: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}.`;
}

function shortfall(index: LedgerIndex, shown: ShowUp): string {
  const rule = index.policy.showUp;
  const options = [
    ...rule.qualifyingKinds.map((kind) => `a ${kind}`),
    ...(Number.isFinite(rule.minMinutes) ? [`${rule.minMinutes} minutes`] : []),
  ];
  const need =
    options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options.at(-1)}` : (options[0] ?? '');
  if (shown.records.length === 0) return `no evidence (needs ${need})`;
  return `${count(shown.records.length, 'record')} with ${shown.minutes} minutes, short of ${need}`;
}

function pauseNote(pause: ReturnType<LedgerIndex['pause']>, index: LedgerIndex, date: LocalDate): string {
  if (!pause) return '';
  return `the pause ${pause.pause.from} to ${pause.pause.to} was requested ${pause.pause.requestedAt}, after the day began at ${toIso(index.startMs(date))}`;
}

function graceNote(grace: GraceOutcome): string {
  switch (grace.status) {
    case 'none':
    case 'granted':
    case 'not_needed':
      return '';
    case 'late':
      return `the grace token spent ${grace.spend.spentAt} came after the window closed at ${toIso(grace.deadlineMs)}`;
    case 'no_tokens':
      return `no grace token was left in the sprint from ${grace.sprint} (${grace.tokens} per sprint)`;
    case 'no_sprint':
      return 'the grace token was spent on a day before the first sprint';
    case 'no_policy':
      return 'grace tokens are not enabled for this project';
    case 'not_planned':
      return '';
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
