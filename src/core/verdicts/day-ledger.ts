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
  requireTimeZone,
} from './local-day.js';
import { resolvePolicy, type ResolvedPolicy } from './policy.js';
import { sprintLocator, type SprintKey } from './sprints.js';
import type { DayLedger, Evidence, GraceSpend, LocalDate, Pause, VerdictPolicy } from './verdict.model.js';

export type ShowUp =
  | { qualified: true; records: Evidence[]; by: 'kind' | 'minutes'; minutes: number }
  | { qualified: false; records: Evidence[]; minutes: number };

/** What became of the day's grace spend (the earliest one, when several were made). */
export type GraceOutcome =
  | { status: 'none' }
  | { status: 'granted'; spend: GraceSpend; ordinal: number; tokens: number }
  | { status: 'not_needed'; spend: GraceSpend; because: 'paused' | 'showed_up' }
  | { status: 'late'; spend: GraceSpend; deadlineMs: number }
  | { status: 'no_tokens'; spend: GraceSpend; sprint: LocalDate; tokens: number }
  | { status: 'no_sprint' | 'no_policy' | 'not_planned'; spend: GraceSpend };

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

interface TimedSpend {
  spend: GraceSpend;
  ms: number;
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
  const pauses = ledger.pauses
    .map((pause) => ({
      pause,
      from: requireLocalDate(pause.from, 'pauses.from'),
      to: requireLocalDate(pause.to, 'pauses.to'),
      ms: requireInstant(pause.requestedAt, 'pauses.requestedAt'),
    }))
    .sort((a, b) => a.ms - b.ms || compare(a.from, b.from) || compare(a.to, b.to));
  const spends = earliestSpendPerDay(ledger.graceSpends);
  const sprintOf = policy.grace ? sprintLocator(policy.grace.sprints) : (): SprintKey => null;

  const showUpMemo = new Map<LocalDate, ShowUp>();
  const showUp = (date: LocalDate): ShowUp => {
    let result = showUpMemo.get(date);
    if (!result) showUpMemo.set(date, (result = judgeEvidence(evidenceByDay.get(date) ?? [], policy)));
    return result;
  };

  const pause = (date: LocalDate): { pause: Pause; valid: boolean } | undefined => {
    const covering = pauses.filter((p) => p.from <= date && date <= p.to);
    if (covering.length === 0) return undefined;
    const start = startMs(date);
    const valid = covering.find((p) => p.ms < start);
    return valid ? { pause: valid.pause, valid: true } : { pause: covering[0]!.pause, valid: false };
  };

  // Tokens go to the spends that need one, in the order they were made; a spend on a day that
  // was paused or shown up for needs none, so its token stays available (refunded).
  const needsToken = (date: LocalDate, spent: TimedSpend): boolean =>
    planned.has(date) &&
    spent.ms < endMs(date) + (policy.grace?.windowMs ?? 0) &&
    pause(date)?.valid !== true &&
    !showUp(date).qualified;
  const ranks = new Map<LocalDate, Map<LocalDate, number>>();
  const rankInSprint = (sprint: LocalDate, date: LocalDate): number => {
    let rank = ranks.get(sprint);
    if (!rank) {
      const queue = [...spends]
        .filter(([day, spent]) => sprintOf(day) === sprint && needsToken(day, spent))
        .sort(([dayA, a], [dayB, b]) => a.ms - b.ms || compare(dayA, dayB));
      rank = new Map(queue.map(([day], i) => [day, i]));
      ranks.set(sprint, rank);
    }
    return rank.get(date) ?? Number.POSITIVE_INFINITY;
  };

  const grace = (date: LocalDate): GraceOutcome => {
    const spent = spends.get(date);
    if (!spent) return { status: 'none' };
    const { spend } = spent;
    const rules = policy.grace;
    if (!rules) return { status: 'no_policy', spend };
    if (!planned.has(date)) return { status: 'not_planned', spend };
    const sprint = sprintOf(date);
    if (sprint === null) return { status: 'no_sprint', spend };
    const deadlineMs = endMs(date) + rules.windowMs;
    if (spent.ms >= deadlineMs) return { status: 'late', spend, deadlineMs };
    if (pause(date)?.valid) return { status: 'not_needed', spend, because: 'paused' };
    if (showUp(date).qualified) return { status: 'not_needed', spend, because: 'showed_up' };
    const rank = rankInSprint(sprint, date);
    return rank < rules.tokensPerSprint
      ? { status: 'granted', spend, ordinal: rank + 1, tokens: rules.tokensPerSprint }
      : { status: 'no_tokens', spend, sprint, tokens: rules.tokensPerSprint };
  };

  return { timeZone, policy, isPlanned: (d) => planned.has(d), endMs, startMs, showUp, pause, grace };
}

/** One record per id (the earliest), bucketed by the local day of `at`, in time order. */
function bucketEvidence(evidence: readonly Evidence[], timeZone: string): Map<LocalDate, Evidence[]> {
  const timed = evidence
    .map((record) => ({ record, ms: requireInstant(record.at, 'evidence.at') }))
    .sort(
      (a, b) =>
        a.ms - b.ms ||
        compare(a.record.id, b.record.id) ||
        compare(a.record.kind, b.record.kind) ||
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

function earliestSpendPerDay(graceSpends: readonly GraceSpend[]): Map<LocalDate, TimedSpend> {
  const byDay = new Map<LocalDate, TimedSpend>();
  for (const spend of graceSpends) {
    const date = requireLocalDate(spend.date, 'graceSpends.date');
    const ms = requireInstant(spend.spentAt, 'graceSpends.spentAt');
    const current = byDay.get(date);
    if (!current || ms < current.ms || (ms === current.ms && spend.spentAt < current.spend.spentAt)) {
      byDay.set(date, { spend, ms });
    }
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
