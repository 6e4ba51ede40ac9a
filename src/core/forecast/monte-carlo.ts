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

/** One trial of evidence-based scheduling: the open work in actual minutes, then planned days. */
function trialEbs(input: ForecastInput, growth: number): number {
  const { estimates, velocities, calendar, random, skipRate } = input;
  let remaining = 0;
  for (const estimate of estimates) remaining += estimate / Math.max(pick(velocities, random), 0.05);
  const added = growth * remaining;
  for (let day = 0; day < calendar.length; day++) {
    const minutes = calendar[day]!.minutes;
    if (minutes <= 0) continue;
    remaining += added;
    if (random() < skipRate) continue;
    remaining -= minutes;
    if (remaining <= 0) return day;
  }
  return -1;
}

/** One trial drawing each worked day's output from the builder's past days. */
function trialThroughput(input: ForecastInput, total: number, growth: number): number {
  const { throughputs, calendar, random, skipRate } = input;
  let remaining = total;
  const added = growth * total;
  for (let day = 0; day < calendar.length; day++) {
    if (calendar[day]!.minutes <= 0) continue;
    remaining += added;
    if (random() < skipRate) continue;
    remaining -= pick(throughputs, random);
    if (remaining <= 0) return day;
  }
  return -1;
}

/**
 * @example
 * simulate({ estimates: [120, 60], calendar, method: 'ebs', velocities: [1, 0.8], throughputs: [],
 *   skipRate: 0.1, scopeGrowthPerDay: 0, trials: 10_000, random: seededRandom(7) }).finishDays
 */
export function simulate(input: ForecastInput): Simulation {
  const finishDays = new Int32Array(input.trials);
  const total = input.estimates.reduce((sum, estimate) => sum + estimate, 0);
  const growth = Math.max(0, input.scopeGrowthPerDay);
  if (total <= 0) return { finishDays };
  const samples = input.method === 'ebs' ? input.velocities : input.throughputs;
  if (samples.length === 0) throw new Error(`a ${input.method} forecast needs at least one sample`);
  for (let trial = 0; trial < input.trials; trial++)
    finishDays[trial] =
      input.method === 'ebs' ? trialEbs(input, growth) : trialThroughput(input, total, growth);
  return { finishDays };
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
