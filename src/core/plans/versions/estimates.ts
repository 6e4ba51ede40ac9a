/** Estimates as numbers: midpoints, equality and a compact duration text. */
import type { EstimateMinutes } from '../plan.model.js';

/** Minutes an estimate stands for: a range counts its midpoint, a missing estimate the default. */
export function estimateMidpoint(estimate: EstimateMinutes | null, defaultMinutes: number): number {
  if (estimate === null) return defaultMinutes;
  return typeof estimate === 'number' ? estimate : (estimate.min + estimate.max) / 2;
}

export function sameEstimate(a: EstimateMinutes | null, b: EstimateMinutes | null): boolean {
  if (a === null || b === null || typeof a === 'number' || typeof b === 'number') return a === b;
  return a.min === b.min && a.max === b.max;
}

/**
 * Minutes as hours and minutes, rounded to the minute.
 *
 * @example formatMinutes(150) === '2h 30m'; formatMinutes(-45) === '-45m'; formatMinutes(0) === '0m'
 */
export function formatMinutes(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? '-' : '';
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h ${rest}m`;
}

/** An estimate as written by people: "2h", "3h-4h", "none". */
export function formatEstimate(estimate: EstimateMinutes | null): string {
  if (estimate === null) return 'none';
  if (typeof estimate === 'number') return formatMinutes(estimate);
  return `${formatMinutes(estimate.min)}-${formatMinutes(estimate.max)}`;
}
