import type { z } from 'zod';
import type { Decision, ImportDecisionBody } from '../../../contracts/decisions.contract.js';
import { canChangePlan } from '../../../core/access/project-policy.js';
import { flaggedTasks } from '../../../core/decisions/decision-links.js';
import { importDecisionRecord } from '../../../core/decisions/decision.importer.js';
import type { DecisionRecord } from '../../../core/decisions/decision.model.js';
import { type ImportedPlan, PlanImportError, type PlanWarning } from '../../../core/plans/plan.model.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { getPlanVersion } from '../plans/plans.usecases.js';
import { requireProject } from '../projects/projects.usecases.js';
import { projectDecisions } from './decisions.repository.js';

type Row = { record_json: string; source_name: string | null; updated_at: string };

function present(row: Row): Decision {
  const record = JSON.parse(row.record_json) as DecisionRecord;
  const { source: _source, chosenOption: _chosen, ...rest } = record;
  return { ...rest, sourceName: row.source_name, updatedAt: row.updated_at };
}

async function currentPlanOrNull(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  projectId: string,
): Promise<ImportedPlan | null> {
  try {
    const version = await getPlanVersion(deps, actor, projectId, 'current');
    return {
      format: version.format,
      title: null,
      tasks: version.tasks.map((t) => ({ ...t, sourceId: null })),
      phases: [],
      checkpoints: [],
      warnings: [],
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'plans.empty') return null;
    throw error;
  }
}

/** Import (or update) a decision record of a project, and say which open tasks it now flags. */
export async function importDecision(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
  input: z.output<typeof ImportDecisionBody>,
) {
  let parsed: { decision: DecisionRecord; warnings: PlanWarning[] };
  try {
    parsed = importDecisionRecord({
      text: input.text,
      ...(input.fileName ? { fileName: input.fileName } : {}),
    });
  } catch (error) {
    if (!(error instanceof PlanImportError)) throw error;
    const where = `${input.fileName ?? 'the record'}${error.location.line === null ? '' : `:${error.location.line}`}`;
    throw new AppError('decisions.invalid', {
      message: `${where}: ${error.message} ${error.hint}`,
      details: { ...error.location, hint: error.hint },
      cause: error,
    });
  }
  const { decision } = parsed;
  const row = await deps.db.transaction().execute(async (trx) => {
    const { project, roles } = await requireProject(trx, projectId, actor);
    enforce(
      canChangePlan({ actorId: actor.userId, actor: roles, builderId: project.builder_id }),
      'projects.not_found',
    );
    const now = deps.clock.now().toISOString();
    const values = {
      project_id: projectId,
      decision_id: decision.id,
      title: decision.title,
      status: decision.status,
      record_json: JSON.stringify(decision),
      source_name: input.fileName ?? null,
      source_text: input.text,
      imported_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('decisions')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['project_id', 'decision_id']).doUpdateSet({
          title: values.title,
          status: values.status,
          record_json: values.record_json,
          source_name: values.source_name,
          source_text: values.source_text,
          imported_by: values.imported_by,
          updated_at: now,
        }),
      )
      .execute();
    await recordAudit(trx, {
      workspaceId: project.workspace_id,
      actorId: actor.userId,
      action: 'decision.imported',
      subjectId: projectId,
      data: { id: decision.id, status: decision.status },
      at: deps.clock.now(),
    });
    return values;
  });
  const plan = await currentPlanOrNull(deps, actor, projectId);
  const flagged = plan ? flaggedTasks(plan, await projectDecisions(deps.db, projectId)) : [];
  return { decision: present(row), warnings: parsed.warnings, flagged };
}

export async function listDecisions(deps: Pick<Deps, 'db'>, actor: Actor, projectId: string) {
  await requireProject(deps.db, projectId, actor);
  const rows = await deps.db
    .selectFrom('decisions')
    .select(['record_json', 'source_name', 'updated_at'])
    .where('project_id', '=', projectId)
    .orderBy('decision_id')
    .execute();
  const plan = await currentPlanOrNull(deps, actor, projectId);
  const records = rows.map((row) => JSON.parse(row.record_json) as DecisionRecord);
  return { decisions: rows.map(present), flagged: plan ? flaggedTasks(plan, records) : [] };
}
