/**
 * When will the remaining work be done? A Monte Carlo simulation over the builder's own history,
 * pure and deterministic for a given random source:
 *
 * - `ebs` (evidence-based scheduling): each open task takes its estimate divided by a velocity drawn
 *   from the builder's past estimate ÷ actual ratios; the builder then works through their planned
 *   days, each one possibly skipped at the observed rate.
 * - `throughput`: each planned day that is not skipped finishes an amount of estimated work drawn from
 *   the builder's past days.
 *
 * Both add the observed scope growth (work added per planned day, as a share of the work at the
 * start) and stop at the end of the calendar: a trial that does not finish within it has no date.
 */

export type ForecastMethod = 'ebs' | 'throughput';

export interface PlannedDay {
  /** Local date. */
  date: string;
  /** Minutes the builder plans to work that day (0: not a work day). */
  minutes: number;
}

export interface ForecastInput {
  /** Estimates of the open work, in minutes. */
  estimates: readonly number[];
  /** Upcoming planned days, in order, from the first day work can happen. */
  calendar: readonly PlannedDay[];
  method: ForecastMethod;
  /** Past estimate ÷ actual ratios (1: as estimated; 0.5: took twice as long). For `ebs`. */
  velocities: readonly number[];
  /** Estimated minutes finished on past planned days that were worked. For `throughput`. */
  throughputs: readonly number[];
  /** Share of planned days skipped, 0..1. */
  skipRate: number;
  /** Work added per planned day, as a share of the open work at the start (0.01: 1% a day). */
  scopeGrowthPerDay: number;
  trials: number;
  /** A uniform random number in [0, 1); inject a seeded one for a repeatable forecast. */
  random: () => number;
}

export interface Simulation {
  /** Per trial, the index into `calendar` of the day the work finished; -1 when it did not within it. */
  finishDays: Int32Array;
}

function pick(values: readonly number[], random: () => number): number {
  return values[Math.floor(random() * values.length)] ?? 1;
}

/** Several checkpoints in one run: `groups[k]` is the work checkpoint k adds to those before it. */
export interface MilestonesInput extends Omit<ForecastInput, 'estimates'> {
  groups: readonly (readonly number[])[];
}

/**
 * One trial for every checkpoint at once: the open work in actual minutes (ebs: each estimate over a
 * sampled velocity) or in estimated minutes (throughput), summed per checkpoint, cumulatively; then
 * the planned days, each possibly skipped, each adding scope, until the last checkpoint's work is
 * done. Writes each checkpoint's finishing day (or -1) into `finish` at `trial`.
 */
function trial(input: MilestonesInput, totals: Float64Array, finish: Int32Array[], trialIndex: number): void {
  const { groups, velocities, throughputs, calendar, random, skipRate, method } = input;
  const growth = Math.max(0, input.scopeGrowthPerDay);
  let cumulative = 0;
  for (let k = 0; k < groups.length; k++) {
    if (method === 'ebs')
      for (const estimate of groups[k]!) cumulative += estimate / Math.max(pick(velocities, random), 0.05);
    else for (const estimate of groups[k]!) cumulative += estimate;
    totals[k] = cumulative;
  }
  let next = 0;
  let planned = 0;
  let worked = 0;
  for (let day = 0; day < calendar.length && next < groups.length; day++) {
    const minutes = calendar[day]!.minutes;
    if (minutes <= 0) continue;
    planned += 1;
    if (random() < skipRate) continue;
    worked += method === 'ebs' ? minutes : pick(throughputs, random);
    // A checkpoint is done when the work done covers its work and the scope added to it so far.
    while (next < groups.length && worked >= totals[next]! * (1 + growth * planned)) {
      finish[next]![trialIndex] = day;
      next += 1;
    }
  }
  for (; next < groups.length; next++) finish[next]![trialIndex] = -1;
}

/**
 * Checkpoints simulated together, so that each run is one possible future for all of them (a slow
 * task delays every checkpoint after it, and a later checkpoint never finishes before an earlier one).
 *
 * @example
 * simulateMilestones({ groups: [[60], [120, 90]], calendar, method: 'ebs', velocities, throughputs: [],
 *   skipRate: 0.1, scopeGrowthPerDay: 0, trials: 10_000, random }).map((s) => s.finishDays)
 */
export function simulateMilestones(input: MilestonesInput): Simulation[] {
  const finish = input.groups.map(() => new Int32Array(input.trials));
  const samples = input.method === 'ebs' ? input.velocities : input.throughputs;
  if (samples.length === 0) throw new Error(`a ${input.method} forecast needs at least one sample`);
  const totals = new Float64Array(input.groups.length);
  for (let t = 0; t < input.trials; t++) trial(input, totals, finish, t);
  return finish.map((finishDays) => ({ finishDays }));
}

/**
 * @example
 * simulate({ estimates: [120, 60], calendar, method: 'ebs', velocities: [1, 0.8], throughputs: [],
 *   skipRate: 0.1, scopeGrowthPerDay: 0, trials: 10_000, random: seededRandom(7) }).finishDays
 */
export function simulate(input: ForecastInput): Simulation {
  const total = input.estimates.reduce((sum, estimate) => sum + estimate, 0);
  if (total <= 0) return { finishDays: new Int32Array(input.trials) };
  const { estimates, ...rest } = input;
  return simulateMilestones({ ...rest, groups: [estimates] })[0]!;
}

export interface ForecastSummary {
  /** Dates by which 50, 85 and 95% of trials finished; null when that share did not finish in the calendar. */
  p50: string | null;
  p85: string | null;
  p95: string | null;
  /** Share of trials that finished on or before `dueDate`. */
  probability: number;
  trials: number;
}

const UNFINISHED = 0x7fffffff;

/** The finishing date a share of trials reached, or null when not that many finished in time. */
function percentile(sorted: Int32Array, share: number, calendar: readonly PlannedDay[]): string | null {
  const day = sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
  return day === undefined || day === UNFINISHED ? null : (calendar[day]?.date ?? null);
}

/** Percentile dates and the probability of meeting `dueDate` (a local date). */
export function summarize(
  simulation: Simulation,
  calendar: readonly PlannedDay[],
  dueDate: string,
): ForecastSummary {
  const trials = simulation.finishDays.length;
  // Unfinished trials sort last.
  const sorted = Int32Array.from(simulation.finishDays, (day) => (day < 0 ? UNFINISHED : day)).sort();
  let met = 0;
  for (const day of simulation.finishDays) {
    const date = day >= 0 ? calendar[day]?.date : undefined;
    if (date !== undefined && date <= dueDate) met += 1;
  }
  return {
    p50: percentile(sorted, 0.5, calendar),
    p85: percentile(sorted, 0.85, calendar),
    p95: percentile(sorted, 0.95, calendar),
    probability: trials === 0 ? 0 : met / trials,
    trials,
  };
}
