import type { EstimateMinutes, ImportedPlan, PlanTask, PlanWarning } from './plan.model.js';

/** Above this an estimate is a typo or a unit mix-up, not a plan (1,000 hours). */
export const MAX_ESTIMATE_MINUTES = 60_000;

function validEstimate(estimate: EstimateMinutes | null): boolean {
  if (estimate === null) return true;
  if (typeof estimate === 'number') return estimate > 0 && estimate <= MAX_ESTIMATE_MINUTES;
  return estimate.min > 0 && estimate.max >= estimate.min && estimate.max <= MAX_ESTIMATE_MINUTES;
}

function showEstimate(estimate: EstimateMinutes): string {
  return typeof estimate === 'number' ? `${estimate} min` : `${estimate.min}-${estimate.max} min`;
}

/**
 * Checks every importer's output the same way and never guesses silently: unknown parents and
 * dependencies are dropped with a warning, absurd estimates are cleared with a warning, and
 * dependency cycles are reported with the lines of the tasks in them (the scheduler breaks them).
 */
export function checkPlan(plan: ImportedPlan): ImportedPlan {
  const warnings: PlanWarning[] = [...plan.warnings];
  const ids = new Set(plan.tasks.map((task) => task.id));
  const tasks = plan.tasks.map((task) => checkTask(task, ids, warnings));
  for (const cycle of findCycles(tasks)) {
    const byId = new Map(tasks.map((task) => [task.id, task]));
    const first = byId.get(cycle[0] ?? '');
    const lines = cycle.map((id) => `${id} (line ${byId.get(id)?.source.line ?? '?'})`).join(' → ');
    warnings.push({
      line: first?.source.line ?? null,
      message: `Dependency cycle: ${lines} → ${cycle[0]}. The schedule breaks it at the first task; fix the plan so one of them does not depend on the other.`,
    });
  }
  const checkpoints = plan.checkpoints.map((checkpoint) => {
    const unknown = checkpoint.taskIds.filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      warnings.push({
        line: checkpoint.source.line,
        message: `Checkpoint "${checkpoint.title}" names unknown tasks ${unknown.join(', ')}; they were left out.`,
      });
    }
    return unknown.length > 0
      ? { ...checkpoint, taskIds: checkpoint.taskIds.filter((id) => ids.has(id)) }
      : checkpoint;
  });
  return { ...plan, tasks, checkpoints, warnings };
}

function checkTask(task: PlanTask, ids: Set<string>, warnings: PlanWarning[]): PlanTask {
  const line = task.source.line;
  let checked = task;
  if (task.parentId !== null && !ids.has(task.parentId)) {
    warnings.push({
      line,
      message: `Task "${task.title}" names parent ${task.parentId}, which is not in the plan; it was made a top-level task.`,
    });
    checked = { ...checked, parentId: null };
  }
  const unknown = task.dependsOn.filter((id) => !ids.has(id) || id === task.id);
  if (unknown.length > 0) {
    const self = unknown.includes(task.id) ? ' (a task cannot depend on itself)' : '';
    warnings.push({
      line,
      message: `Task "${task.title}" depends on ${unknown.join(', ')}, which is not a task in this plan${self}; that dependency was ignored.`,
    });
    checked = { ...checked, dependsOn: task.dependsOn.filter((id) => ids.has(id) && id !== task.id) };
  }
  if (!validEstimate(task.estimateMinutes) && task.estimateMinutes !== null) {
    warnings.push({
      line,
      message: `Task "${task.title}" has an estimate of ${showEstimate(task.estimateMinutes)}, which cannot be right (it must be between 1 minute and 1,000 hours); it was treated as unestimated.`,
    });
    checked = { ...checked, estimateMinutes: null };
  }
  return checked;
}

/** Each elementary cycle reported once (by its smallest rotation), via iterative DFS. */
export function findCycles(tasks: readonly PlanTask[]): string[][] {
  const deps = new Map(tasks.map((task) => [task.id, task.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles = new Map<string, string[]>();
  for (const start of deps.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    const path: string[] = [start];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = deps.get(frame.id) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.id, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const target = targets[frame.next++]!;
      const seen = state.get(target);
      if (seen === 'visiting') {
        const cycle = path.slice(path.indexOf(target));
        const rotation = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(rotation), ...cycle.slice(0, rotation)];
        cycles.set(canonical.join('\u0000'), canonical);
      } else if (seen === undefined && deps.has(target)) {
        state.set(target, 'visiting');
        stack.push({ id: target, next: 0 });
        path.push(target);
      }
    }
  }
  return [...cycles.values()];
}
