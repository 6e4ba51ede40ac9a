import type { PlanVersion } from '../../../contracts/plans.contract.js';
import { formatMinutes } from '../charts/local-dates.js';

export type PlanTask = PlanVersion['tasks'][number];
export type Estimate = PlanTask['estimateMinutes'];

export const TASK_STATUS: Record<PlanTask['status'], { label: string; symbol: string }> = {
  todo: { label: 'To do', symbol: '○' },
  in_progress: { label: 'In progress', symbol: '◐' },
  done: { label: 'Done', symbol: '✓' },
  cancelled: { label: 'Cancelled', symbol: '—' },
};

/** Done and cancelled tasks hold nothing up. */
export function isOpen(task: PlanTask): boolean {
  return task.status !== 'done' && task.status !== 'cancelled';
}

export interface TaskIndex {
  byId: ReadonlyMap<string, PlanTask>;
  /** The task's title, or its id when the plan no longer has it. */
  title(id: string): string;
  /** The tasks it depends on that are in the plan. */
  dependencies(task: PlanTask): PlanTask[];
  /** Its open dependencies: while there are any, an open task is blocked. */
  blockers(task: PlanTask): PlanTask[];
  /** How deep the task sits under parents (0 for a top-level task). */
  depth(task: PlanTask): number;
}

export function indexTasks(tasks: readonly PlanTask[]): TaskIndex {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const dependencies = (task: PlanTask) =>
    task.dependsOn.flatMap((id) => {
      const found = byId.get(id);
      return found ? [found] : [];
    });
  return {
    byId,
    title: (id) => byId.get(id)?.title ?? id,
    dependencies,
    blockers: (task) => (isOpen(task) ? dependencies(task).filter(isOpen) : []),
    depth(task) {
      let depth = 0;
      const seen = new Set<string>();
      for (
        let parent = task.parentId;
        parent && !seen.has(parent);
        parent = byId.get(parent)?.parentId ?? null
      ) {
        seen.add(parent);
        depth += 1;
      }
      return depth;
    },
  };
}

/**
 * An estimate for people.
 *
 * @example estimateText({ min: 180, max: 240 }) // '3 h–4 h'
 */
export function estimateText(estimate: Estimate): string {
  if (estimate === null) return 'no estimate';
  if (typeof estimate === 'number') return formatMinutes(estimate);
  return `${formatMinutes(estimate.min)}–${formatMinutes(estimate.max)}`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
