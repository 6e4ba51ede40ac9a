/** How many grace tokens are left in the sprint under way, and when they renew. */
import { indexLedger } from './day-ledger.js';
import { compareText, localDateOf, requireInstant, toIso } from './local-day.js';
import { sprintAround } from './sprints.js';
import type { DayLedger, Instant, LocalDate, VerdictPolicy } from './verdict.model.js';

export interface GraceAllowance {
  tokensPerSprint: number;
  /** Tokens not yet spent or reserved in the sprint under way (or the first one, before it starts). */
  tokensLeft: number;
  /** The days of that sprint a token is spent or reserved on, oldest first. */
  spentOn: LocalDate[];
  /** That sprint's first day, in the builder's zone. */
  sprintStart: LocalDate;
  /** The next sprint's first day, when the tokens renew; null when the sprint never ends. */
  renewsOn: LocalDate | null;
  /** The instant the tokens renew: the start of `renewsOn` in the builder's zone. */
  renewsAt: Instant | null;
}

/**
 * The builder's grace allowance at `now`: the sprint is the one under way in the builder's zone, and
 * a token counts as spent exactly as `judgeDay` and `validateGraceSpend` count it — a spend on a day
 * the builder then shows up for, or that is paused, gives its token back; one made too late never took
 * one. A token spent on today is reserved until the day ends. Null when the policy has no grace.
 *
 * The ledger must hold the planned days through the latest spend, and the evidence and pauses of the
 * sprint under way.
 *
 * @example
 * graceAllowance({ ledger, policy: { grace: { tokensPerSprint: 2, windowHours: 12,
 *   sprints: { startDate: '2026-03-02', lengthDays: 14 } } }, now: '2026-03-10T12:00:00Z' })
 * // { tokensPerSprint: 2, tokensLeft: 1, spentOn: ['2026-03-09'], sprintStart: '2026-03-02',
 * //   renewsOn: '2026-03-16', renewsAt: '2026-03-16T…' }
 */
export function graceAllowance(input: {
  ledger: DayLedger;
  policy: VerdictPolicy;
  now: Instant;
}): GraceAllowance | null {
  const index = indexLedger(input.ledger, input.policy);
  const rules = index.policy.grace;
  if (!rules) return null;
  const today = localDateOf(requireInstant(input.now, 'now'), index.timeZone);
  const sprint = sprintAround(rules.sprints, today);
  if (!sprint) return null;
  const inSprint = (date: LocalDate) => date >= sprint.start && (sprint.next === null || date < sprint.next);
  const spentOn = [...new Set(input.ledger.graceSpends.map((spend) => spend.date))]
    .filter((date) => inSprint(date) && index.grace(date).status === 'granted')
    .sort(compareText);
  return {
    tokensPerSprint: rules.tokensPerSprint,
    tokensLeft: Math.max(0, rules.tokensPerSprint - spentOn.length),
    spentOn,
    sprintStart: sprint.start,
    renewsOn: sprint.next,
    renewsAt: sprint.next === null ? null : toIso(index.startMs(sprint.next)),
  };
}
