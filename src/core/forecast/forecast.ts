/**
 * A forecast that says what it is based on. With enough history the builder's own velocities are
 * sampled (evidence-based scheduling); with worked days but no timed tasks, their daily throughput;
 * with little history, estimates are widened by typical estimation error and the forecast says so;
 * where even that would be a guess (no hours, or a plan without estimates and no history), it says
 * that instead of a number.
 */
import { COLD_START_DAYS, typicalVelocities } from './cold-start.js';
import {
  type ForecastMethod,
  type ForecastSummary,
  type PlannedDay,
  simulateMilestones,
  summarize,
} from './monte-carlo.js';
import type { Pace } from './pace.js';

export interface Basis {
  method: ForecastMethod;
  historyDays: number;
  trials: number;
  /** Velocities came from typical estimation error, not the builder's own history. */
  coldStart: boolean;
  /** Velocities (ebs) or worked days (throughput) sampled. */
  samples: number;
  skipRate: number;
  scopeGrowthPerDay: number;
}

export type Forecast =
  | { kind: 'forecast'; summary: ForecastSummary; basis: Basis; note: string }
  | { kind: 'done'; note: string }
  | { kind: 'unknown'; note: string };

/**
 * The skip rate a forecast assumes: while history is short, the builder's own pulled towards a
 * typical one by a few pseudo-days, so that one skipped first day does not mean every future day is
 * skipped (nor a perfect first three days that none will be); their own once history is long enough.
 */
export const TYPICAL_SKIP_RATE = 0.1;

export function assumedSkipRate(pace: Pick<Pace, 'skipRate' | 'historyDays'>): number {
  if (pace.historyDays >= COLD_START_DAYS) return pace.skipRate;
  return (
    (pace.skipRate * pace.historyDays + TYPICAL_SKIP_RATE * COLD_START_DAYS) /
    (pace.historyDays + COLD_START_DAYS)
  );
}

/** Velocities of the builder's own that a forecast needs before it trusts them. */
export const MIN_VELOCITIES = 3;
/** Worked days a throughput forecast needs. */
export const MIN_WORKED_DAYS = 5;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export interface WorkInput {
  estimates: readonly number[];
  calendar: readonly PlannedDay[];
  dueDate: string;
  trials: number;
  random: () => number;
  /** How many of `estimates` are a default because the plan has none. */
  unestimated?: number;
  /** Force a method (the throughput variant beside the main forecast); chosen from the history when absent. */
  method?: ForecastMethod;
}

type Choice = { method: ForecastMethod; coldStart: boolean } | { unknown: string };

function choose(
  pace: Pace,
  input: { method?: ForecastMethod; unestimated?: number; estimates: readonly number[] },
): Choice {
  const ownVelocities = pace.historyDays >= COLD_START_DAYS && pace.velocities.length >= MIN_VELOCITIES;
  const ownThroughput = pace.throughputs.length >= MIN_WORKED_DAYS;
  if (input.method === 'throughput')
    return ownThroughput
      ? { method: 'throughput', coldStart: false }
      : {
          unknown: `Too little history to sample daily output: ${days(pace.throughputs.length)} worked so far, ${MIN_WORKED_DAYS} needed.`,
        };
  if (ownVelocities) return { method: 'ebs', coldStart: false };
  if (input.method !== 'ebs' && ownThroughput) return { method: 'throughput', coldStart: false };
  // A cold start widens the plan's own estimates; with most of them missing there is nothing to widen.
  if ((input.unestimated ?? 0) * 2 > input.estimates.length)
    return {
      unknown: `Too little to go on: ${days(pace.historyDays)} of history and no estimates for ${input.unestimated} of ${input.estimates.length} open tasks. Add estimates or work a few days first.`,
    };
  return { method: 'ebs', coldStart: true };
}

export interface CheckpointWorkInput {
  /** Estimates of the open work due by this checkpoint, earlier checkpoints' first: each list extends the one before. */
  estimates: readonly number[];
  dueDate: string;
  /** How many of `estimates` are a default because the plan has none. */
  unestimated?: number;
}

/**
 * Every checkpoint of a plan forecast in one simulation (see `simulateMilestones`), each saying
 * what it rests on; a checkpoint with nothing left is done, and one whose work is mostly
 * unestimated with no history to go on gets a note instead of a number.
 *
 * @example
 * forecastCheckpoints(pace, { checkpoints: [{ estimates: [60], dueDate: '2026-03-06' },
 *   { estimates: [60, 120], dueDate: '2026-03-13' }], calendar, trials: 10_000, random })
 */
export function forecastCheckpoints(
  pace: Pace,
  input: {
    checkpoints: readonly CheckpointWorkInput[];
    calendar: readonly PlannedDay[];
    trials: number;
    random: () => number;
    method?: ForecastMethod;
  },
): Forecast[] {
  const hasHours = input.calendar.some((day) => day.minutes > 0);
  const forced = input.method ? { method: input.method } : {};
  let choice: { method: ForecastMethod; coldStart: boolean } | null = null;
  const results: (Forecast | null)[] = [];
  for (const checkpoint of input.checkpoints) {
    if (checkpoint.estimates.reduce((sum, minutes) => sum + minutes, 0) <= 0) {
      results.push({ kind: 'done', note: 'Nothing is left to do before this date.' });
      continue;
    }
    if (!hasHours) {
      results.push({
        kind: 'unknown',
        note: 'No hours are planned, so no date can be forecast. Set your hours first.',
      });
      continue;
    }
    // The method depends on the history alone; only a cold start's "too little to go on" is per checkpoint.
    const own = choose(pace, { ...checkpoint, ...forced });
    if ('unknown' in own) results.push({ kind: 'unknown', note: own.unknown });
    else {
      choice ??= own;
      results.push(null);
    }
  }
  if (!choice) return results.map((result) => result!);
  const { method, coldStart } = choice;
  const velocities = coldStart ? typicalVelocities() : pace.velocities;
  const skipRate = assumedSkipRate(pace);
  const groups = input.checkpoints.map((checkpoint, k) =>
    checkpoint.estimates.slice(input.checkpoints[k - 1]?.estimates.length ?? 0),
  );
  const simulations = simulateMilestones({
    groups,
    calendar: input.calendar,
    method,
    velocities,
    throughputs: pace.throughputs,
    skipRate,
    scopeGrowthPerDay: pace.scopeGrowthPerDay,
    trials: input.trials,
    random: input.random,
  });
  const runs = `${input.trials.toLocaleString('en-US')} simulated runs`;
  const note = coldStart
    ? `Based on ${days(pace.historyDays)} of history: too little to know your pace, so your estimates are widened by the error people typically make (${runs}).`
    : method === 'ebs'
      ? `Based on ${days(pace.historyDays)} of history and ${pace.velocities.length} finished tasks with known times (${runs}).`
      : `Based on ${days(pace.historyDays)} of history: the work finished on each of ${days(pace.throughputs.length)} worked (${runs}).`;
  const basis: Basis = {
    method,
    historyDays: pace.historyDays,
    trials: input.trials,
    coldStart,
    samples: method === 'ebs' ? velocities.length : pace.throughputs.length,
    skipRate,
    scopeGrowthPerDay: pace.scopeGrowthPerDay,
  };
  return results.map(
    (result, k) =>
      result ?? {
        kind: 'forecast',
        summary: summarize(simulations[k]!, input.calendar, input.checkpoints[k]!.dueDate),
        basis,
        note,
      },
  );
}

/**
 * One checkpoint's (or any amount of work's) forecast.
 *
 * @example
 * forecastWork(pace, { estimates: [60, 120], calendar, dueDate: '2026-03-20', trials: 10_000, random })
 * // { kind: 'forecast', summary: { p50: '2026-03-11', … }, note: 'Based on 12 days of history …' }
 */
export function forecastWork(pace: Pace, input: WorkInput): Forecast {
  const { estimates, dueDate, unestimated, calendar, trials, random, method } = input;
  return forecastCheckpoints(pace, {
    checkpoints: [{ estimates, dueDate, ...(unestimated === undefined ? {} : { unestimated }) }],
    calendar,
    trials,
    random,
    ...(method ? { method } : {}),
  })[0]!;
}
