/**
 * An index over a project's ledger (evidence, pauses, grace spends) answering, per local day,
 * the questions a verdict needs. Built once per sweep so judging many days stays linear.
 */
import {
  dayEndMs,
  dayStartMs,
  localDateOf,
  requireInstant,
  requireLocalDate,
  compareText,
  requireTimeZone,
} from './local-day.js';
import { resolvePolicy, type ResolvedPolicy } from './policy.js';
import { graceAccount, type GraceOutcome } from './grace-tokens.js';
import type { DayLedger, Evidence, LocalDate, Pause, VerdictPolicy } from './verdict.model.js';

export type { GraceOutcome };

export type ShowUp =
  | { qualified: true; records: Evidence[]; by: 'kind' | 'minutes'; minutes: number }
  | { qualified: false; records: Evidence[]; minutes: number };

export interface LedgerIndex {
  readonly timeZone: string;
  readonly policy: ResolvedPolicy;
  isPlanned(date: LocalDate): boolean;
  endMs(date: LocalDate): number;
  startMs(date: LocalDate): number;
  showUp(date: LocalDate): ShowUp;
  /** The pause that validly covers the day, if any; else a covering one requested too late. */
  pause(date: LocalDate): { pause: Pause; valid: boolean } | undefined;
  grace(date: LocalDate): GraceOutcome;
}

/** Validates the ledger once and indexes it by local day. Throws `VerdictInputError` on bad input. */
export function indexLedger(ledger: DayLedger, policyInput: VerdictPolicy = {}): LedgerIndex {
  const timeZone = requireTimeZone(ledger.timeZone);
  const policy = resolvePolicy(policyInput);
  const planned = new Set(ledger.plannedDays.map((d) => requireLocalDate(d, 'plannedDays')));
  const ends = new Map<LocalDate, number>();
  const endMs = (date: LocalDate): number => {
    let end = ends.get(date);
    if (end === undefined) ends.set(date, (end = dayEndMs(date, timeZone)));
    return end;
  };
  const startMs = (date: LocalDate): number => dayStartMs(date, timeZone);

  const evidenceByDay = bucketEvidence(ledger.evidence, timeZone);
  const pause = pauseFinder(ledger.pauses, startMs);

  const showUpMemo = new Map<LocalDate, ShowUp>();
  const showUp = (date: LocalDate): ShowUp => {
    let result = showUpMemo.get(date);
    if (!result) showUpMemo.set(date, (result = judgeEvidence(evidenceByDay.get(date) ?? [], policy)));
    return result;
  };

  const grace = graceAccount({
    spends: ledger.graceSpends,
    rules: policy.grace,
    isPlanned: (date) => planned.has(date),
    endMs,
    excusedBy: (date) => (pause(date)?.valid ? 'paused' : showUp(date).qualified ? 'showed_up' : null),
  });

  return { timeZone, policy, isPlanned: (d) => planned.has(d), endMs, startMs, showUp, pause, grace };
}

/** One record per id (the earliest), bucketed by the local day of `at`, in time order. */
function bucketEvidence(evidence: readonly Evidence[], timeZone: string): Map<LocalDate, Evidence[]> {
  const timed = evidence
    .map((record) => ({ record, ms: requireInstant(record.at, 'evidence.at') }))
    .sort(
      (a, b) =>
        a.ms - b.ms ||
        compareText(a.record.id, b.record.id) ||
        compareText(a.record.kind, b.record.kind) ||
        (a.record.minutes ?? 0) - (b.record.minutes ?? 0),
    );
  const seen = new Set<string>();
  const byDay = new Map<LocalDate, Evidence[]>();
  for (const { record, ms } of timed) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    const day = localDateOf(ms, timeZone);
    const list = byDay.get(day);
    if (list) list.push(record);
    else byDay.set(day, [record]);
  }
  return byDay;
}

function judgeEvidence(records: Evidence[], policy: ResolvedPolicy): ShowUp {
  const minutes = records.reduce((sum, r) => sum + usableMinutes(r), 0);
  const byKind = records.filter((r) => policy.qualifyingKinds.has(r.kind));
  if (byKind.length > 0) return { qualified: true, records: byKind, by: 'kind', minutes };
  if (minutes >= policy.showUp.minMinutes) {
    return { qualified: true, records: records.filter((r) => usableMinutes(r) > 0), by: 'minutes', minutes };
  }
  return { qualified: false, records, minutes };
}

/** Negative, fractional-garbage or non-finite minutes from an importer never count. */
export function usableMinutes(record: Evidence): number {
  const minutes = record.minutes ?? 0;
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 0;
}

/** Finds, per day, the pause that validly covers it, else a covering one requested too late. */
function pauseFinder(
  pauses: readonly Pause[],
  startMs: (date: LocalDate) => number,
): (date: LocalDate) => { pause: Pause; valid: boolean } | undefined {
  const timed = pauses
    .map((pause) => ({
      pause,
      from: requireLocalDate(pause.from, 'pauses.from'),
      to: requireLocalDate(pause.to, 'pauses.to'),
      ms: requireInstant(pause.requestedAt, 'pauses.requestedAt'),
    }))
    .sort((a, b) => a.ms - b.ms || compareText(a.from, b.from) || compareText(a.to, b.to));
  return (date) => {
    const covering = timed.filter((p) => p.from <= date && date <= p.to);
    if (covering.length === 0) return undefined;
    const start = startMs(date);
    const valid = covering.find((p) => p.ms < start);
    return valid ? { pause: valid.pause, valid: true } : { pause: covering[0]!.pause, valid: false };
  };
}
