import type { PlanTask } from '../plan.model.js';
import type {
  ChangedTask,
  DiffOptions,
  FieldChange,
  PlanDiff,
  Reestimate,
  TaskMatch,
  TaskRef,
} from './versions.model.js';
import { carryOver } from './carry-over.js';
import { estimateMidpoint, sameEstimate } from './estimates.js';
import { DEFAULT_ESTIMATE_MINUTES, scopeChange } from './plan-scope.js';

/**
 * What changed between two versions of a plan. `next` is the re-imported plan as the importer gave it
 * and `matches` what `matchTasks(previous, next)` returned; the diff is taken against the carried tasks
 * (`carryOver`), so it reports the ids and statuses the new version will really hold: a task the builder
 * finished stays done and is not reported as reopened, and dependencies compare in the same id space.
 *
 * - `changed`: matched tasks whose title, description, status, dependencies (as a set), parent, phase,
 *   optional flag or priority changed; their estimate change is listed too when there is one.
 * - `reestimated`: every matched task whose estimate changed, with `deltaMinutes` (ranges by midpoint,
 *   a missing estimate as `defaultEstimateMinutes`, default 60).
 * - `scope`: remaining committed work before and after (see plan-scope.ts), for forecasts.
 *
 * @example
 * const diff = diffPlans(v1.tasks, v2.tasks, matchTasks(v1.tasks, v2.tasks), { defaultEstimateMinutes: 90 });
 */
export function diffPlans(
  previous: PlanTask[],
  next: PlanTask[],
  matches: TaskMatch[],
  options: DiffOptions = {},
): PlanDiff {
  const defaultMinutes = options.defaultEstimateMinutes ?? DEFAULT_ESTIMATE_MINUTES;
  const carried = carryOver(previous, next, matches);
  const previousById = new Map(previous.map((task) => [task.id, task]));
  const diff: PlanDiff = {
    added: [],
    removed: [],
    changed: [],
    reestimated: [],
    unchanged: 0,
    scope: scopeChange(previous, carried, defaultMinutes),
  };
  const kept = new Set<string>();
  for (const task of carried) {
    const before = previousById.get(task.id);
    if (!before) {
      diff.added.push(refOf(task));
      continue;
    }
    kept.add(task.id);
    const fields = changedFields(before, task);
    const estimate = sameEstimate(before.estimateMinutes, task.estimateMinutes)
      ? null
      : reestimate(before, task, defaultMinutes);
    if (estimate) {
      diff.reestimated.push(estimate);
      fields.push({ field: 'estimate', before: before.estimateMinutes, after: task.estimateMinutes });
    }
    if (fields.some((change) => change.field !== 'estimate')) diff.changed.push(changedTask(task, fields));
    else if (!estimate) diff.unchanged += 1;
  }
  diff.removed = previous.filter((task) => !kept.has(task.id)).map(refOf);
  return diff;
}

function refOf(task: PlanTask): TaskRef {
  return { id: task.id, title: task.title, sourceId: task.sourceId };
}

function changedTask(task: PlanTask, fields: FieldChange[]): ChangedTask {
  return { id: task.id, title: task.title, fields };
}

function reestimate(before: PlanTask, after: PlanTask, defaultMinutes: number): Reestimate {
  return {
    id: after.id,
    title: after.title,
    before: before.estimateMinutes,
    after: after.estimateMinutes,
    deltaMinutes:
      estimateMidpoint(after.estimateMinutes, defaultMinutes) -
      estimateMidpoint(before.estimateMinutes, defaultMinutes),
  };
}

/** Every compared field except the estimate, in a fixed order. */
function changedFields(before: PlanTask, after: PlanTask): FieldChange[] {
  const dependsBefore = [...new Set(before.dependsOn)].sort();
  const dependsAfter = [...new Set(after.dependsOn)].sort();
  const candidates: FieldChange[] = [
    { field: 'title', before: before.title, after: after.title },
    { field: 'description', before: before.description, after: after.description },
    { field: 'status', before: before.status, after: after.status },
    { field: 'dependsOn', before: dependsBefore, after: dependsAfter },
    { field: 'parent', before: before.parentId, after: after.parentId },
    { field: 'phase', before: before.phase, after: after.phase },
    { field: 'optional', before: before.optional, after: after.optional },
    { field: 'priority', before: before.priority, after: after.priority },
  ];
  return candidates.filter((change) => !sameValue(change.before, change.after));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}
