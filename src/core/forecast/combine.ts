/**
 * A builder's pace across their projects (and a workspace's across its builders), and the personal
 * calibration factor the sprint compiler schedules with, both from the same history as forecasts.
 */
import type { Pace } from './pace.js';
import { COLD_START_DAYS } from './cold-start.js';

/**
 * One pace from several: samples pooled; skip rate and scope growth weighted by judged days.
 *
 * @example mergePaces([a, b]).historyDays // a.historyDays + b.historyDays
 */
export function mergePaces(paces: readonly Pace[]): Pace {
  const historyDays = paces.reduce((sum, pace) => sum + pace.historyDays, 0);
  const weighted = (value: (pace: Pace) => number) =>
    historyDays === 0
      ? 0
      : paces.reduce((sum, pace) => sum + value(pace) * pace.historyDays, 0) / historyDays;
  return {
    throughputs: paces.flatMap((pace) => pace.throughputs),
    velocities: paces.flatMap((pace) => pace.velocities),
    skipRate: weighted((pace) => pace.skipRate),
    scopeGrowthPerDay: weighted((pace) => pace.scopeGrowthPerDay),
    historyDays,
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle)
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0);
}

/** Finished tasks with known times a calibration factor needs. */
export const MIN_CALIBRATION_TASKS = 3;

export interface Calibration {
  /** Actual ÷ estimated time of the typical finished task (1.4: things take 40% longer). */
  factor: number;
  /** Finished tasks with known times it comes from. */
  tasks: number;
  historyDays: number;
}

/**
 * The median of actual ÷ estimate over finished tasks, kept within 0.5–3 so that one odd week
 * cannot halve or triple a schedule; null while history is too thin to say.
 *
 * @example calibrationOf({ velocities: [0.5, 0.8, 1], historyDays: 10, … }) // { factor: 1.25, tasks: 3, historyDays: 10 }
 */
export function calibrationOf(pace: Pace): Calibration | null {
  if (pace.historyDays < COLD_START_DAYS || pace.velocities.length < MIN_CALIBRATION_TASKS) return null;
  const typical = median(pace.velocities.map((velocity) => 1 / velocity)) ?? 1;
  return {
    factor: Math.round(Math.min(3, Math.max(0.5, typical)) * 100) / 100,
    tasks: pace.velocities.length,
    historyDays: pace.historyDays,
  };
}
