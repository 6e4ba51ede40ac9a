import type { PlanVersion, PlanVersionSummary } from '../../../contracts/plans.contract.js';
import type { ImportedPlan, PlanTask } from '../../../core/plans/plan.model.js';
import type { PlanDiff } from '../../../core/plans/versions/index.js';
import type { PlanVersionRow } from './plans.repository.js';

type SummaryRow = Pick<
  PlanVersionRow,
  | 'id'
  | 'number'
  | 'format'
  | 'source_name'
  | 'reason'
  | 'imported_by'
  | 'created_at'
  | 'task_count'
  | 'open_minutes'
  | 'warning_count'
>;

export function presentVersionSummary(row: SummaryRow): PlanVersionSummary {
  return {
    id: row.id,
    number: row.number,
    format: row.format as PlanVersionSummary['format'],
    sourceName: row.source_name,
    reason: row.reason,
    importedBy: row.imported_by,
    createdAt: row.created_at,
    taskCount: row.task_count,
    openMinutes: row.open_minutes,
    warningCount: row.warning_count,
  };
}

function presentTask(task: PlanTask): PlanVersion['tasks'][number] {
  const { sourceId: _sourceId, ...rest } = task;
  return { ...rest, source: { line: task.source.line } };
}

export function presentVersion(row: SummaryRow, plan: ImportedPlan, diff: PlanDiff | null): PlanVersion {
  return {
    ...presentVersionSummary(row),
    tasks: plan.tasks.map(presentTask),
    checkpoints: plan.checkpoints.map((c) => ({
      id: c.id,
      title: c.title,
      taskIds: c.taskIds,
      criteria: c.criteria,
      source: { line: c.source.line },
    })),
    warnings: plan.warnings,
    diff: diff && {
      ...diff,
      added: diff.added.map(({ id, title }) => ({ id, title })),
      removed: diff.removed.map(({ id, title }) => ({ id, title })),
    },
  };
}
