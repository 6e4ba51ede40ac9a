/**
 * Estimates to schedulable minutes. A range is scheduled at its midpoint by default (the
 * expected cost, so forecasts are neither padded nor rosy) or at its max with
 * `rangePolicy: 'max'`; its max is always kept for the worst case.
 */
import type { EstimateMinutes } from '../plans/plan.model.js';
import type { RangePolicy } from './schedule.model.js';

export interface EstimatePolicy {
  defaultEstimateMinutes: number;
  calibrationFactor: number;
  rangePolicy: RangePolicy;
}

export interface TaskMinutes {
  /** Minutes to schedule: the estimate per policy × calibration, rounded, at least 1. */
  expected: number;
  /** Minutes if every range lands at its max, × calibration. */
  worstCase: number;
  /** The estimate was unusable and the default was taken. */
  invalid: boolean;
}

const isMinutes = (value: number): boolean => Number.isFinite(value) && value >= 0;

/**
 * @example taskMinutes({ min: 180, max: 240 }, { defaultEstimateMinutes: 60, calibrationFactor: 1.5, rangePolicy: 'midpoint' })
 * // { expected: 315, worstCase: 360, invalid: false }
 */
export function taskMinutes(estimate: EstimateMinutes | null, policy: EstimatePolicy): TaskMinutes {
  let expected = policy.defaultEstimateMinutes;
  let worst = policy.defaultEstimateMinutes;
  let invalid = false;
  if (typeof estimate === 'number') {
    if (isMinutes(estimate)) expected = worst = estimate;
    else invalid = true;
  } else if (estimate !== null) {
    const low = Math.min(estimate.min, estimate.max);
    const high = Math.max(estimate.min, estimate.max);
    if (isMinutes(low) && isMinutes(high)) {
      expected = policy.rangePolicy === 'max' ? high : (low + high) / 2;
      worst = high;
    } else invalid = true;
  }
  const calibrate = (minutes: number): number => Math.max(1, Math.round(minutes * policy.calibrationFactor));
  return { expected: calibrate(expected), worstCase: calibrate(worst), invalid };
}
