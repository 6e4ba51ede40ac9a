/**
 * The open work each checkpoint still needs. Checkpoints come due in order and the builder works
 * through them in that order, so a later checkpoint's work includes what earlier ones still need:
 * the estimates are cumulative. A checkpoint's work is its tasks, their subtasks, and whatever they
 * depend on, transitively; only open, committed (non-optional) leaf tasks count, as in the burn-up.
 */
import type { EstimateMinutes, TaskStatus } from '../plans/plan.model.js';
import { estimateMidpoint } from '../plans/versions/estimates.js';

export interface WorkTask {
  id: string;
  parentId: string | null;
  status: TaskStatus;
  optional: boolean;
  estimateMinutes: EstimateMinutes | null;
  dependsOn: readonly string[];
}

export interface CheckpointWork {
  id: string;
  dueDate: string;
  /** Minutes of each open leaf task due by this checkpoint, its own and earlier checkpoints'. */
  estimates: number[];
  /** Open leaf tasks of this checkpoint's own (not counting earlier checkpoints'). */
  ownOpenTasks: number;
  /** How many of `estimates` are the default because the plan gives no estimate. */
  unestimated: number;
}

/**
 * @example
 * checkpointWork({ tasks, checkpoints: [{ id: 'cp-1', dueDate: '2026-03-20', taskIds: ['1'] }], defaultEstimateMinutes: 60 })
 * // [{ id: 'cp-1', dueDate: '2026-03-20', estimates: [90, 60], ownOpenTasks: 2, unestimated: 1 }]
 */
export function checkpointWork(input: {
  tasks: readonly WorkTask[];
  /** In the order they come due. */
  checkpoints: readonly { id: string; dueDate: string; taskIds: readonly string[] }[];
  defaultEstimateMinutes: number;
}): CheckpointWork[] {
  const byId = new Map(input.tasks.map((task) => [task.id, task]));
  const children = new Map<string, string[]>();
  for (const task of input.tasks) {
    if (task.parentId === null) continue;
    const siblings = children.get(task.parentId) ?? [];
    siblings.push(task.id);
    children.set(task.parentId, siblings);
  }
  const counted = new Set<string>();
  const estimates: number[] = [];
  let unestimated = 0;
  const result: CheckpointWork[] = [];
  for (const checkpoint of input.checkpoints) {
    let own = 0;
    const seen = new Set<string>();
    const stack = [...checkpoint.taskIds];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const task = byId.get(id);
      if (!task) continue;
      stack.push(...(children.get(id) ?? []), ...task.dependsOn);
      const open = task.status === 'todo' || task.status === 'in_progress';
      if (!open || task.optional || children.has(id) || counted.has(id)) continue;
      counted.add(id);
      own += 1;
      estimates.push(estimateMidpoint(task.estimateMinutes, input.defaultEstimateMinutes));
      if (task.estimateMinutes === null) unestimated += 1;
    }
    result.push({
      id: checkpoint.id,
      dueDate: checkpoint.dueDate,
      estimates: [...estimates],
      ownOpenTasks: own,
      unestimated,
    });
  }
  return result;
}
