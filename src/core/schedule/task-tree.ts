/**
 * The parent/subtask tree of a plan, cleaned: duplicate ids, unknown parents and parent cycles
 * are dropped with a warning, and each task's dependencies are checked once.
 */
import type { PlanTask } from '../plans/plan.model.js';
import type { ScheduleWarning } from './schedule.model.js';

export interface TaskTree {
  /** Open (not done, not cancelled, no closed ancestor) tasks without subtasks, in source order. */
  openLeaves: PlanTask[];
  /** Parent first, root last. */
  ancestors(task: PlanTask): PlanTask[];
  /** The task's own dependency ids that name another known task (not itself or an ancestor). */
  dependencies(task: PlanTask): string[];
  /** The open leaves a task id stands for ([] when closed); undefined for an unknown id. */
  leavesOf(taskId: string): PlanTask[] | undefined;
  /** Optional itself or under an optional parent. */
  isOptional(task: PlanTask): boolean;
  warnings: ScheduleWarning[];
}

export function resolveTaskTree(input: PlanTask[]): TaskTree {
  const warnings: ScheduleWarning[] = [];
  const byId = new Map<string, PlanTask>();
  for (const task of input) {
    if (byId.has(task.id)) {
      warnings.push({
        code: 'duplicate_task',
        taskId: task.id,
        message: `Task id ${task.id} appears twice; kept the first`,
      });
    } else byId.set(task.id, task);
  }
  const tasks = [...byId.values()];
  const parentOf = resolveParents(tasks, byId, warnings);
  const children = new Map<string, PlanTask[]>();
  for (const task of tasks) {
    const parent = parentOf.get(task.id);
    if (!parent) continue;
    const siblings = children.get(parent.id);
    if (siblings) siblings.push(task);
    else children.set(parent.id, [task]);
  }

  const ancestorsCache = new Map<string, PlanTask[]>();
  const ancestors = (task: PlanTask): PlanTask[] => {
    let cached = ancestorsCache.get(task.id);
    if (!cached) {
      const parent = parentOf.get(task.id);
      cached = parent ? [parent, ...ancestors(parent)] : [];
      ancestorsCache.set(task.id, cached);
    }
    return cached;
  };
  const isClosed = (task: PlanTask): boolean =>
    [task, ...ancestors(task)].some((t) => t.status === 'done' || t.status === 'cancelled');

  const leavesCache = new Map<string, PlanTask[]>();
  const leavesOf = (taskId: string): PlanTask[] | undefined => {
    const task = byId.get(taskId);
    if (!task) return undefined;
    let cached = leavesCache.get(taskId);
    if (!cached) {
      const kids = children.get(taskId);
      if (isClosed(task)) cached = [];
      else if (!kids) cached = [task];
      else cached = kids.flatMap((kid) => leavesOf(kid.id) ?? []);
      leavesCache.set(taskId, cached);
    }
    return cached;
  };

  const cleanDeps = new Map(
    tasks.map((task) => [task.id, checkDependencies(task, byId, ancestors, warnings)]),
  );
  return {
    openLeaves: tasks.filter((task) => !children.has(task.id) && !isClosed(task)),
    ancestors,
    dependencies: (task) => cleanDeps.get(task.id) ?? [],
    leavesOf,
    isOptional: (task) => task.optional || ancestors(task).some((t) => t.optional),
    warnings,
  };
}

/** Each task's parent, with unknown parents and parent cycles cut (the first task met in a cycle loses its parent). */
function resolveParents(
  tasks: PlanTask[],
  byId: Map<string, PlanTask>,
  warnings: ScheduleWarning[],
): Map<string, PlanTask> {
  const parentOf = new Map<string, PlanTask>();
  for (const task of tasks) {
    if (task.parentId === null) continue;
    const parent = byId.get(task.parentId);
    if (parent) parentOf.set(task.id, parent);
    else {
      warnings.push({
        code: 'unknown_parent',
        taskId: task.id,
        message: `Parent ${task.parentId} of ${task.id} is not in the plan; treated as a top-level task`,
      });
    }
  }
  for (const task of tasks) {
    const seen = new Set<string>([task.id]);
    for (let up = parentOf.get(task.id); up; up = parentOf.get(up.id)) {
      if (up.id === task.id) {
        parentOf.delete(task.id);
        warnings.push({
          code: 'parent_cycle',
          taskId: task.id,
          message: `${task.id} is its own ancestor; treated as a top-level task`,
        });
        break;
      }
      if (seen.has(up.id)) break; // a cycle above this task: cut when its own member is visited
      seen.add(up.id);
    }
  }
  return parentOf;
}

function checkDependencies(
  task: PlanTask,
  byId: Map<string, PlanTask>,
  ancestors: (task: PlanTask) => PlanTask[],
  warnings: ScheduleWarning[],
): string[] {
  const kept: string[] = [];
  for (const depId of task.dependsOn) {
    if (!byId.has(depId)) {
      warnings.push({
        code: 'unknown_dependency',
        taskId: task.id,
        message: `${task.id} depends on ${depId}, which is not in the plan; ignored`,
      });
    } else if (depId === task.id) {
      warnings.push({
        code: 'dependency_cycle',
        taskId: task.id,
        message: `${task.id} depends on itself; ignored`,
      });
    } else if (ancestors(task).some((ancestor) => ancestor.id === depId)) {
      warnings.push({
        code: 'dependency_on_ancestor',
        taskId: task.id,
        message: `${task.id} depends on its own parent ${depId}; ignored (a parent is done when its subtasks are)`,
      });
    } else kept.push(depId);
  }
  return kept;
}
