import type { PlanTask } from '../plan.model.js';
import type { PlanScope } from './versions.model.js';
import { estimateMidpoint } from './estimates.js';

/** Minutes counted for a task without an estimate unless the caller says otherwise. */
export const DEFAULT_ESTIMATE_MINUTES = 60;

/**
 * Remaining committed work of a plan: open (todo or in progress), non-optional leaf tasks. Parents are
 * left out because their children carry the work; optional tasks because they may never be done. A
 * range counts its midpoint, a task without an estimate counts `defaultEstimateMinutes`.
 */
export function remainingWork(
  tasks: readonly PlanTask[],
  defaultEstimateMinutes: number,
): { minutes: number; count: number } {
  const parents = new Set(tasks.map((task) => task.parentId).filter((id) => id !== null));
  let minutes = 0;
  let count = 0;
  for (const task of tasks) {
    const open = task.status === 'todo' || task.status === 'in_progress';
    if (!open || task.optional || parents.has(task.id)) continue;
    minutes += estimateMidpoint(task.estimateMinutes, defaultEstimateMinutes);
    count += 1;
  }
  return { minutes, count };
}

/** How the remaining work moved between two versions; `next` should be the carried tasks. */
export function scopeChange(
  previous: readonly PlanTask[],
  next: readonly PlanTask[],
  defaultEstimateMinutes: number,
): PlanScope {
  const before = remainingWork(previous, defaultEstimateMinutes);
  const after = remainingWork(next, defaultEstimateMinutes);
  const deltaMinutes = after.minutes - before.minutes;
  const growthRatio = before.minutes > 0 ? deltaMinutes / before.minutes : after.minutes === 0 ? 0 : null;
  return {
    previousMinutes: before.minutes,
    nextMinutes: after.minutes,
    deltaMinutes,
    previousTasks: before.count,
    nextTasks: after.count,
    growthRatio,
  };
}
