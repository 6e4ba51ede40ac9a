import type { DecisionRecord } from '../core/decisions/decision.model.js';
import type { EstimateMinutes, ImportedPlan, PlanTask } from '../core/plans/plan.model.js';
import { type Column, formatTable, sanitize } from './output.js';

/** The dry-run document: one JSON object, every task and subtask once. */
export function dryRunDocument(plan: ImportedPlan, decisions: DecisionRecord[]) {
  return {
    format: plan.format,
    tasks: plan.tasks.map((task) => ({
      id: task.id,
      parentId: task.parentId,
      title: task.title,
      status: task.status,
      optional: task.optional,
      estimateMinutes: task.estimateMinutes,
      dependsOn: task.dependsOn,
      phase: task.phase,
      source: { line: task.source.line },
    })),
    checkpoints: plan.checkpoints.map((checkpoint) => ({
      id: checkpoint.id,
      title: checkpoint.title,
      taskIds: checkpoint.taskIds,
    })),
    decisions: decisions.map((decision) => ({
      id: decision.id,
      title: decision.title,
      status: decision.status,
      supersededBy: decision.supersededBy,
    })),
    warnings: plan.warnings.map((warning) => ({ line: warning.line, message: warning.message })),
  };
}

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

export function formatEstimate(estimate: EstimateMinutes | null): string {
  if (estimate === null) return '-';
  return typeof estimate === 'number'
    ? formatMinutes(estimate)
    : `${formatMinutes(estimate.min)}-${formatMinutes(estimate.max)}`;
}

const STATUS_MARK: Record<PlanTask['status'], string> = {
  todo: '[ ]',
  in_progress: '[~]',
  done: '[x]',
  cancelled: '[-]',
};

function depth(task: PlanTask, byId: Map<string, PlanTask>): number {
  let level = 0;
  for (let parent = task.parentId; parent && level < 10; parent = byId.get(parent)?.parentId ?? null)
    level += 1;
  return level;
}

/** Totals people look for first: how much is there, how much is estimated, what was assumed. */
export function planTotals(plan: ImportedPlan) {
  const subtasks = plan.tasks.filter((task) => task.parentId !== null).length;
  const estimated = plan.tasks.filter((task) => task.estimateMinutes !== null);
  const hasChildren = new Set(plan.tasks.map((task) => task.parentId));
  // Count leaf estimates only, so a parent's total is not added twice.
  const minutes = estimated
    .filter((task) => !hasChildren.has(task.id))
    .reduce(
      (sum, task) =>
        sum +
        (typeof task.estimateMinutes === 'number'
          ? task.estimateMinutes
          : ((task.estimateMinutes?.min ?? 0) + (task.estimateMinutes?.max ?? 0)) / 2),
      0,
    );
  return {
    tasks: plan.tasks.length - subtasks,
    subtasks,
    done: plan.tasks.filter((task) => task.status === 'done').length,
    estimatedTasks: estimated.length,
    hours: Math.round((minutes / 60) * 10) / 10,
    checkpoints: plan.checkpoints.length,
    warnings: plan.warnings.length,
  };
}

export function formatPlan(plan: ImportedPlan, fileName: string): string {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  const columns: Column<PlanTask>[] = [
    { header: 'ID', value: (task) => task.id },
    { header: 'STATUS', value: (task) => STATUS_MARK[task.status] + (task.optional ? '*' : '') },
    { header: 'TITLE', value: (task) => '  '.repeat(depth(task, byId)) + sanitize(task.title).slice(0, 70) },
    { header: 'EST', value: (task) => formatEstimate(task.estimateMinutes) },
    { header: 'DEPENDS', value: (task) => task.dependsOn.join(',') || '-' },
    { header: 'LINE', value: (task) => String(task.source.line) },
  ];
  const totals = planTotals(plan);
  const lines = [
    formatTable(columns, plan.tasks).trimEnd(),
    '',
    `${fileName} (${plan.format}): ${totals.tasks} tasks, ${totals.subtasks} subtasks, ${totals.done} done, ` +
      `${totals.hours}h estimated on ${totals.estimatedTasks} tasks, ${totals.checkpoints} checkpoints, ${totals.warnings} warnings`,
  ];
  for (const checkpoint of plan.checkpoints)
    lines.push(
      `  checkpoint ${checkpoint.id}: ${sanitize(checkpoint.title)} (${checkpoint.taskIds.length} tasks)`,
    );
  for (const warning of plan.warnings)
    lines.push(`  warning ${fileName}:${warning.line ?? '-'}: ${sanitize(warning.message)}`);
  return `${lines.join('\n')}\n`;
}
