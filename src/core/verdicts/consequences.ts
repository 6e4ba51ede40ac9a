/**
 * What skipped days set off, per the contract's consequence ladder.
 *
 * A run of skips is the skipped days since the last showed-up day. Paused and grace days neither
 * count towards the run nor end it: an excused day is not a missed one, but it is not work either,
 * so skip, grace, skip is two skips in a row. Only showing up ends a run.
 */
import { inDateOrder } from './streak.js';
import { VerdictInputError, type DayVerdict, type LocalDate } from './verdict.model.js';

export const CONSEQUENCE_ACTIONS = [
  'nudge_builder',
  'notify_witness',
  'mark_stalled',
  'require_replan',
] as const;
export type ConsequenceAction = (typeof CONSEQUENCE_ACTIONS)[number];

export interface ConsequenceStep {
  /** Fires on the verdict that makes the run this long (once per run). */
  afterConsecutiveSkips: number;
  action: ConsequenceAction;
}

export type ConsequenceLadder = readonly ConsequenceStep[];

export const DEFAULT_LADDER: ConsequenceLadder = Object.freeze([
  { afterConsecutiveSkips: 1, action: 'nudge_builder' },
  { afterConsecutiveSkips: 2, action: 'notify_witness' },
  { afterConsecutiveSkips: 3, action: 'mark_stalled' },
  { afterConsecutiveSkips: 3, action: 'require_replan' },
]);

export interface Consequence {
  action: ConsequenceAction;
  /** The skipped day that set it off. */
  date: LocalDate;
  consecutiveSkips: number;
  /** Stable across re-runs (`date:action`), for an idempotent outbox insert. */
  key: string;
}

type Judged = Pick<DayVerdict, 'date' | 'verdict'>;

/**
 * The actions `newVerdict` triggers, given the verdicts before it (later ones and any earlier
 * verdict for the same date are ignored, so re-judging a day is safe). Each step fires exactly once
 * per run: on the skip that makes the run reach its threshold. Ladder order is kept for ties.
 *
 * @example consequencesFor([skipped('03-02')], skipped('03-03'), DEFAULT_LADDER) // [notify_witness]
 */
export function consequencesFor(
  history: readonly Judged[],
  newVerdict: Judged,
  ladder: ConsequenceLadder,
): Consequence[] {
  checkLadder(ladder);
  if (newVerdict.verdict !== 'skipped') return [];
  const before = history.filter((v) => v.date < newVerdict.date);
  const run = trailingSkips(inDateOrder(before)) + 1;
  return ladder
    .filter((step) => step.afterConsecutiveSkips === run)
    .map(({ action }) => ({
      action,
      date: newVerdict.date,
      consecutiveSkips: run,
      key: `${newVerdict.date}:${action}`,
    }));
}

export type HealthState = 'on_track' | 'slipping' | 'stalled';

export interface ProjectHealth {
  state: HealthState;
  consecutiveSkips: number;
  replanRequired: boolean;
}

export interface HealthOptions {
  /** The date of the last replan: runs of skips up to it no longer require one. */
  replannedOn?: LocalDate | null;
}

/**
 * `on_track` with no current run of skips, `stalled` once the run reaches the ladder's
 * `mark_stalled` step, `slipping` in between. A required replan outlives the run that caused it
 * (showing up once does not fix a plan that stopped fitting); it is cleared by `replannedOn`.
 */
export function projectHealth(
  verdicts: readonly Judged[],
  ladder: ConsequenceLadder,
  options: HealthOptions = {},
): ProjectHealth {
  checkLadder(ladder);
  const sorted = inDateOrder(verdicts);
  const consecutiveSkips = trailingSkips(sorted);
  const threshold = (action: ConsequenceAction): number =>
    Math.min(...ladder.filter((s) => s.action === action).map((s) => s.afterConsecutiveSkips));
  const stalledAt = threshold('mark_stalled');
  const replanAt = threshold('require_replan');

  let run = 0;
  let longestSinceReplan = 0;
  for (const { date, verdict } of sorted) {
    if (options.replannedOn != null && date <= options.replannedOn) continue;
    if (verdict === 'showed_up') run = 0;
    else if (verdict === 'skipped') longestSinceReplan = Math.max(longestSinceReplan, ++run);
  }
  const state: HealthState =
    consecutiveSkips === 0 ? 'on_track' : consecutiveSkips >= stalledAt ? 'stalled' : 'slipping';
  return { state, consecutiveSkips, replanRequired: longestSinceReplan >= replanAt };
}

function trailingSkips(sorted: readonly Judged[]): number {
  let run = 0;
  for (const { verdict } of sorted) {
    if (verdict === 'showed_up') run = 0;
    else if (verdict === 'skipped') run += 1;
  }
  return run;
}

function checkLadder(ladder: ConsequenceLadder): void {
  for (const step of ladder) {
    if (!Number.isInteger(step.afterConsecutiveSkips) || step.afterConsecutiveSkips < 1) {
      throw new VerdictInputError(
        `ladder: afterConsecutiveSkips ${step.afterConsecutiveSkips} for ${step.action} is not a whole number ≥ 1`,
        'ladder',
      );
    }
    if (!(CONSEQUENCE_ACTIONS as readonly string[]).includes(step.action)) {
      throw new VerdictInputError(`ladder: unknown action "${step.action}"`, 'ladder');
    }
  }
}
