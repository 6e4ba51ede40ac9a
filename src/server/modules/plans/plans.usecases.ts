import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ImportPlanBody, PlanVersion, PlanVersionSummary } from '../../../contracts/plans.contract.js';
import { canChangePlan } from '../../../core/access/project-policy.js';
import { linkDecisions } from '../../../core/decisions/decision-links.js';
import { type ImportedPlan, PlanImportError, type PlanTask } from '../../../core/plans/plan.model.js';
import {
  carryOver,
  diffPlans,
  matchTasks,
  type PlanDiff,
  remainingWork,
  DEFAULT_ESTIMATE_MINUTES,
} from '../../../core/plans/versions/index.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { projectDecisions } from '../decisions/decisions.repository.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { lockProject, setCurrentVersion } from '../projects/projects.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { type PlanParser, PlanParseTimeout } from './plan-parser.js';
import { presentVersion, presentVersionSummary } from './plans.presenters.js';
import * as repo from './plans.repository.js';

async function parse(parser: PlanParser, input: z.output<typeof ImportPlanBody>): Promise<ImportedPlan> {
  const file = input.fileName ?? 'the plan';
  try {
    return await parser.parse({
      text: input.text,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      ...(input.format ? { format: input.format } : {}),
    });
  } catch (error) {
    if (error instanceof PlanParseTimeout) {
      throw new AppError('plans.invalid', {
        message: `${file}: ${error.message} Split the plan into smaller files, or remove pasted logs and data.`,
        cause: error,
      });
    }
    if (!(error instanceof PlanImportError)) throw error;
    const where = error.location.line === null ? file : `${file}:${error.location.line}`;
    throw new AppError('plans.invalid', {
      message: `${where}: ${error.message} ${error.hint}`,
      details: { ...error.location, hint: error.hint },
      cause: error,
    });
  }
}

/** The stored plan of a version, with the live statuses the builder has since set. */
async function currentPlan(
  db: Kysely<Database>,
  projectId: string,
  version: number | null,
): Promise<ImportedPlan | null> {
  if (version === null) return null;
  const row = await repo.findVersion(db, projectId, version);
  return row ? withLiveStatuses(db, projectId, JSON.parse(row.plan_json) as ImportedPlan) : null;
}

/** A stored plan with the statuses the builder has set since it was imported. */
async function withLiveStatuses(
  db: Kysely<Database>,
  projectId: string,
  plan: ImportedPlan,
): Promise<ImportedPlan> {
  const live = new Map((await repo.listLiveTasks(db, projectId)).map((task) => [task.task_id, task.status]));
  return {
    ...plan,
    tasks: plan.tasks.map((task) => ({ ...task, status: live.get(task.id) ?? task.status })),
  };
}

/** The new version as it will be stored: ids carried from the version before, checkpoints remapped. */
function nextVersion(
  previous: ImportedPlan | null,
  next: ImportedPlan,
): { plan: ImportedPlan; diff: PlanDiff | null } {
  if (!previous) return { plan: next, diff: null };
  const matches = matchTasks(previous.tasks, next.tasks);
  const tasks = carryOver(previous.tasks, next.tasks, matches);
  const idOf = new Map(next.tasks.map((task, index) => [task.id, tasks[index]?.id ?? task.id]));
  const checkpoints = next.checkpoints.map((c) => ({
    ...c,
    taskIds: c.taskIds.map((id) => idOf.get(id) ?? id),
  }));
  return { plan: { ...next, tasks, checkpoints }, diff: diffPlans(previous.tasks, next.tasks, matches) };
}

/** Link tasks to the project's decision records; flags for superseded ones join the warnings. */
async function withDecisions(
  db: Kysely<Database>,
  projectId: string,
  plan: ImportedPlan,
): Promise<ImportedPlan> {
  const decisions = await projectDecisions(db, projectId);
  if (decisions.length === 0) return plan;
  const linked = linkDecisions(plan, decisions);
  return { ...linked.plan, warnings: [...linked.plan.warnings, ...linked.warnings] };
}

function liveRow(projectId: string, version: number, at: string) {
  return (task: PlanTask, position: number) => {
    const estimate = task.estimateMinutes;
    return {
      project_id: projectId,
      task_id: task.id,
      parent_id: task.parentId,
      title: task.title,
      status: task.status,
      optional: task.optional ? 1 : 0,
      estimate_min: estimate === null ? null : typeof estimate === 'number' ? estimate : estimate.min,
      estimate_max: estimate === null ? null : typeof estimate === 'number' ? estimate : estimate.max,
      position,
      added_in_version: version,
      removed_in_version: null,
      updated_at: at,
    };
  };
}

/**
 * Import a plan as the project's next version: parse and check it, match its tasks to the current
 * version (progress and ids carried over), store the version with its diff, and refresh the live
 * task list, all in one transaction. With `dryRun` nothing is written.
 */
export async function importPlanVersion(
  deps: Pick<Deps, 'db' | 'clock' | 'dialect' | 'planParser'>,
  actor: Actor,
  projectId: string,
  input: z.output<typeof ImportPlanBody>,
): Promise<{ version: PlanVersion; saved: boolean }> {
  const parsed = await parse(deps.planParser, input);
  return deps.db.transaction().execute(async (trx) => {
    const { project, roles } = await requireProject(trx, projectId, actor);
    enforce(
      canChangePlan({ actorId: actor.userId, actor: roles, builderId: project.builder_id }),
      'projects.not_found',
    );
    await lockProject(trx, projectId, deps.dialect);
    const fresh = (
      await trx
        .selectFrom('projects')
        .select('current_version')
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow()
    ).current_version;
    const versioned = nextVersion(await currentPlan(trx, projectId, fresh), parsed);
    const plan = await withDecisions(trx, projectId, versioned.plan);
    const { diff } = versioned;
    const now = deps.clock.now();
    const row: repo.PlanVersionRow = {
      id: newId(),
      project_id: projectId,
      number: (fresh ?? 0) + 1,
      format: plan.format,
      source_name: input.fileName ?? null,
      source_text: input.text,
      source_sha256: createHash('sha256').update(input.text).digest('hex'),
      reason: input.reason ?? null,
      imported_by: actor.userId,
      created_at: now.toISOString(),
      plan_json: JSON.stringify(plan),
      diff_json: diff ? JSON.stringify(diff) : null,
      task_count: plan.tasks.length,
      open_minutes: remainingWork(plan.tasks, DEFAULT_ESTIMATE_MINUTES).minutes,
      warning_count: plan.warnings.length,
    };
    const version = presentVersion(row, plan, diff);
    if (input.dryRun) return { version, saved: false };
    await repo.insertVersion(trx, row);
    await repo.syncLiveTasks(
      trx,
      projectId,
      row.number,
      plan.tasks.map(liveRow(projectId, row.number, row.created_at)),
      row.created_at,
    );
    await setCurrentVersion(trx, projectId, row.number, row.created_at);
    const data = {
      number: row.number,
      format: row.format,
      tasks: row.task_count,
      scope: diff?.scope ?? null,
      reason: row.reason,
    };
    if (diff) {
      // A new version of a plan already in force is a re-plan: it goes on the project's record.
      await appendLedger(trx, deps.dialect, {
        projectId,
        at: row.created_at,
        kind: 'plan.replanned',
        actorId: actor.userId,
        payload: {
          version: row.number,
          reason: row.reason,
          sourceSha256: row.source_sha256,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          reestimated: diff.reestimated.length,
          scopeDeltaMinutes: diff.scope.deltaMinutes,
        },
      });
    }
    await recordAudit(trx, {
      workspaceId: project.workspace_id,
      actorId: actor.userId,
      action: 'plan.imported',
      subjectId: projectId,
      data,
      at: now,
    });
    return { version, saved: true };
  });
}

export async function listPlanVersions(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  projectId: string,
): Promise<PlanVersionSummary[]> {
  await requireProject(deps.db, projectId, actor);
  return (await repo.listVersions(deps.db, projectId)).map(presentVersionSummary);
}

export async function getPlanVersion(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  projectId: string,
  number: number | 'current',
): Promise<PlanVersion> {
  const { project } = await requireProject(deps.db, projectId, actor);
  const wanted = number === 'current' ? project.current_version : number;
  if (wanted === null) throw new AppError('plans.empty');
  const row = await repo.findVersion(deps.db, projectId, wanted);
  if (!row) throw new AppError('plans.version_not_found');
  const stored = JSON.parse(row.plan_json) as ImportedPlan;
  const plan = number === 'current' ? await withLiveStatuses(deps.db, projectId, stored) : stored;
  return presentVersion(row, plan, row.diff_json ? (JSON.parse(row.diff_json) as PlanDiff) : null);
}

/** The diff between any two stored versions, computed from their stored (carried) tasks. */
export async function diffVersions(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  projectId: string,
  range: { from: number; to: number },
): Promise<PlanDiff> {
  await requireProject(deps.db, projectId, actor);
  const [from, to] = await Promise.all([
    repo.findVersion(deps.db, projectId, range.from),
    repo.findVersion(deps.db, projectId, range.to),
  ]);
  if (!from || !to) throw new AppError('plans.version_not_found');
  const before = (JSON.parse(from.plan_json) as ImportedPlan).tasks;
  const after = (JSON.parse(to.plan_json) as ImportedPlan).tasks;
  return diffPlans(before, after, matchTasks(before, after));
}
