/**
 * Grace-token accounting. Each sprint has `tokensPerSprint` tokens; they go to the spends that
 * need one, in the order the spends were made (then by date). A spend needs a token when it was
 * made in time on a planned day that was neither validly paused nor shown up for — so a token
 * spent on a day the builder then works is given back, and one spent late never costs anything.
 */
import { compareText, requireInstant, requireLocalDate } from './local-day.js';
import type { ResolvedPolicy } from './policy.js';
import { sprintLocator } from './sprints.js';
import type { GraceSpend, LocalDate } from './verdict.model.js';

/** What became of the day's grace spend (the earliest one, when several were made). */
export type GraceOutcome =
  | { status: 'none' }
  | { status: 'granted'; spend: GraceSpend; ordinal: number; tokens: number }
  | { status: 'not_needed'; spend: GraceSpend; because: 'paused' | 'showed_up' }
  | { status: 'late'; spend: GraceSpend; deadlineMs: number }
  | { status: 'no_tokens'; spend: GraceSpend; sprint: LocalDate; tokens: number }
  | { status: 'no_sprint' | 'no_policy' | 'not_planned'; spend: GraceSpend };

interface TimedSpend {
  spend: GraceSpend;
  ms: number;
}

export interface GraceAccountInput {
  spends: readonly GraceSpend[];
  rules: ResolvedPolicy['grace'];
  isPlanned: (date: LocalDate) => boolean;
  endMs: (date: LocalDate) => number;
  excusedBy: (date: LocalDate) => 'paused' | 'showed_up' | null;
}

/** Returns the outcome of each day's grace spend; sprints are ranked once, on first use. */
export function graceAccount(input: GraceAccountInput): (date: LocalDate) => GraceOutcome {
  const { rules, isPlanned, endMs, excusedBy } = input;
  const spends = earliestSpendPerDay(input.spends);
  if (!rules) {
    return (date) => {
      const spent = spends.get(date);
      return spent ? { status: 'no_policy', spend: spent.spend } : { status: 'none' };
    };
  }
  const sprintOf = sprintLocator(rules.sprints);
  const inTime = (date: LocalDate, spent: TimedSpend): boolean => spent.ms < endMs(date) + rules.windowMs;
  const ranks = new Map<LocalDate, Map<LocalDate, number>>();
  const rankInSprint = (sprint: LocalDate, date: LocalDate): number => {
    let rank = ranks.get(sprint);
    if (!rank) {
      const queue = [...spends]
        .filter(
          ([day, spent]) =>
            sprintOf(day) === sprint && isPlanned(day) && inTime(day, spent) && !excusedBy(day),
        )
        .sort(([dayA, a], [dayB, b]) => a.ms - b.ms || compareText(dayA, dayB));
      rank = new Map(queue.map(([day], i) => [day, i]));
      ranks.set(sprint, rank);
    }
    return rank.get(date) ?? Number.POSITIVE_INFINITY;
  };

  return (date) => {
    const spent = spends.get(date);
    if (!spent) return { status: 'none' };
    const { spend } = spent;
    if (!isPlanned(date)) return { status: 'not_planned', spend };
    const sprint = sprintOf(date);
    if (sprint === null) return { status: 'no_sprint', spend };
    if (!inTime(date, spent)) return { status: 'late', spend, deadlineMs: endMs(date) + rules.windowMs };
    const because = excusedBy(date);
    if (because) return { status: 'not_needed', spend, because };
    const rank = rankInSprint(sprint, date);
    return rank < rules.tokensPerSprint
      ? { status: 'granted', spend, ordinal: rank + 1, tokens: rules.tokensPerSprint }
      : { status: 'no_tokens', spend, sprint, tokens: rules.tokensPerSprint };
  };
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
