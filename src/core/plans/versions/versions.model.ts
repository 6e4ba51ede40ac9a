/**
 * Types for plan versions: how the tasks of a re-imported plan pair with the previous version's, and
 * what changed between the two. Pure data.
 */
import type { EstimateMinutes } from '../plan.model.js';

/** Which pass paired two tasks; null when the task has no partner on the other side. */
export type MatchedBy = 'sourceId' | 'title' | 'similar' | null;

/**
 * One row of a matching. Every task of both versions appears in exactly one row: a pair, a next task
 * alone (added) or a previous task alone (removed).
 */
export interface TaskMatch {
  previousId: string | null;
  nextId: string | null;
  by: MatchedBy;
  /** Title similarity in [0, 1], only for `by: 'similar'`. */
  similarity?: number;
}

export interface MatchOptions {
  /** Lowest title similarity (Sørensen–Dice over character bigrams) that pairs two tasks. Default 0.6. */
  similarityThreshold?: number;
}

export interface TaskRef {
  id: string;
  title: string;
  sourceId: string | null;
}

export type ChangedField =
  | 'title'
  | 'description'
  | 'status'
  | 'estimate'
  | 'dependsOn'
  | 'parent'
  | 'phase'
  | 'optional'
  | 'priority';

export interface FieldChange {
  field: ChangedField;
  before: unknown;
  after: unknown;
}

export interface ChangedTask {
  /** The carried (stable) id. */
  id: string;
  /** The title in the next version. */
  title: string;
  fields: FieldChange[];
}

export interface Reestimate {
  id: string;
  title: string;
  before: EstimateMinutes | null;
  after: EstimateMinutes | null;
  /** Change in minutes, ranges by midpoint and a missing estimate as the default estimate. */
  deltaMinutes: number;
}

/** Remaining committed work of each version: open, non-optional leaf tasks. */
export interface PlanScope {
  previousMinutes: number;
  nextMinutes: number;
  deltaMinutes: number;
  previousTasks: number;
  nextTasks: number;
  /** deltaMinutes / previousMinutes (0.12 = 12% more work); 0 when both are 0, null when only previous is 0. */
  growthRatio: number | null;
}

export interface PlanDiff {
  added: TaskRef[];
  removed: TaskRef[];
  /** Matched tasks with a change other than the estimate (their estimate change, if any, is listed too). */
  changed: ChangedTask[];
  /** Every matched task whose estimate changed, with the change in minutes. */
  reestimated: Reestimate[];
  /** Matched tasks with no change at all. */
  unchanged: number;
  scope: PlanScope;
}

export interface DiffOptions {
  /** Minutes counted for a task with no estimate, in scope and re-estimate deltas. Default 60. */
  defaultEstimateMinutes?: number;
}
