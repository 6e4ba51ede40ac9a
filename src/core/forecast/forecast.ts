/**
 * A forecast that says what it is based on. With enough history the builder's own velocities are
 * sampled (evidence-based scheduling); with little, estimates are widened by typical estimation error
 * and the forecast says so; with no planned hours there is nothing honest to say, and it says that.
 */
import { COLD_START_DAYS, typicalVelocities } from './cold-start.js';
import { type ForecastSummary, type PlannedDay, simulate, summarize } from './monte-carlo.js';
import type { Pace } from './pace.js';

export interface Basis {
  method: 'ebs';
  historyDays: number;
  trials: number;
  /** Velocities came from typical estimation error, not the builder's own history. */
  coldStart: boolean;
  velocitySamples: number;
  skipRate: number;
  scopeGrowthPerDay: number;
}

export type Forecast =
  | { kind: 'forecast'; summary: ForecastSummary; basis: Basis; note: string }
  | { kind: 'done'; note: string }
  | { kind: 'unknown'; note: string };

/** Velocities of the builder's own that a forecast needs before it trusts them. */
const MIN_VELOCITIES = 3;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * @example
 * forecastWork(pace, { estimates: [60, 120], calendar, dueDate: '2026-03-20', trials: 10_000, random })
 * // { kind: 'forecast', summary: { p50: '2026-03-11', … }, note: 'Based on 12 days of history …' }
 */
export function forecastWork(
  pace: Pace,
  input: {
    estimates: readonly number[];
    calendar: readonly PlannedDay[];
    dueDate: string;
    trials: number;
    random: () => number;
  },
): Forecast {
  if (input.estimates.reduce((sum, minutes) => sum + minutes, 0) <= 0)
    return { kind: 'done', note: 'Nothing is left to do before this date.' };
  if (!input.calendar.some((day) => day.minutes > 0))
    return {
      kind: 'unknown',
      note: 'No hours are planned, so no date can be forecast. Set your hours first.',
    };
  const coldStart = pace.historyDays < COLD_START_DAYS || pace.velocities.length < MIN_VELOCITIES;
  const velocities = coldStart ? typicalVelocities() : pace.velocities;
  const simulation = simulate({
    estimates: input.estimates,
    calendar: input.calendar,
    method: 'ebs',
    velocities,
    throughputs: pace.throughputs,
    skipRate: pace.skipRate,
    scopeGrowthPerDay: pace.scopeGrowthPerDay,
    trials: input.trials,
    random: input.random,
  });
  const summary = summarize(simulation, input.calendar, input.dueDate);
  const note = coldStart
    ? `Based on ${days(pace.historyDays)} of history: too little to know your pace, so your estimates are widened by the error people typically make (${input.trials.toLocaleString('en-US')} simulated runs).`
    : `Based on ${days(pace.historyDays)} of history and ${pace.velocities.length} finished tasks with known times (${input.trials.toLocaleString('en-US')} simulated runs).`;
  return {
    kind: 'forecast',
    summary,
    basis: {
      method: 'ebs',
      historyDays: pace.historyDays,
      trials: input.trials,
      coldStart,
      velocitySamples: velocities.length,
      skipRate: pace.skipRate,
      scopeGrowthPerDay: pace.scopeGrowthPerDay,
    },
    note,
  };
}
