import type { z } from 'zod';
import type { GraceBody, PauseBody } from '../../../contracts/days.contract.js';
import { judgeDay } from '../../../core/verdicts/judge-day.js';
import { validateGraceSpend } from '../../../core/verdicts/validate-grace.js';
import { validatePauseRequest } from '../../../core/verdicts/validate-pause.js';
import type { DayVerdict } from '../../../core/verdicts/verdict.model.js';
import type { Actor, Deps } from '../../deps.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { lockProject } from '../projects/projects.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { localDate } from '../schedule/schedule.usecases.js';
import { loadDayLedger, verdictPolicy, type VerdictProject } from './day-ledger.js';
import type { Database } from '../../db/schema.js';
import type { Kysely } from 'kysely';

type BreakDeps = Pick<Deps, 'db' | 'clock' | 'dialect'>;

/** The builder's own project with saved hours, locked for the change. */
async function requireOwnDays(
  trx: Kysely<Database>,
  dialect: Deps['dialect'],
  actor: Actor,
  projectId: string,
) {
  const { project } = await requireProject(trx, projectId, actor);
  if (project.builder_id !== actor.userId) throw new AppError('tasks.not_builder');
  await lockProject(trx, projectId, dialect);
  const builder = await trx
    .selectFrom('users')
    .select('time_zone')
    .where('id', '=', project.builder_id)
    .executeTakeFirstOrThrow();
  const contracts = await loadContractVersions(trx, projectId);
  if (!project.verdicts_from || (!project.availability_json && contracts.length === 0))
    throw new AppError('days.no_hours');
  const target: VerdictProject = {
    id: project.id,
    availability_json: project.availability_json,
    verdicts_from: project.verdicts_from,
    time_zone: builder.time_zone,
    contracts,
  };
  return { project, target };
}

export async function requestPause(
  deps: BreakDeps,
  actor: Actor,
  projectId: string,
  body: z.output<typeof PauseBody>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const { project, target } = await requireOwnDays(trx, deps.dialect, actor, projectId);
    const now = deps.clock.now().toISOString();
    const check = validatePauseRequest({
      from: body.from,
      to: body.to,
      requestedAt: now,
      timeZone: target.time_zone,
      now,
    });
    if (!check.ok)
      throw new AppError('days.pause_refused', { message: check.message, details: { code: check.code } });
    const row = {
      id: newId(),
      project_id: projectId,
      from_date: body.from,
      to_date: body.to,
      reason: body.reason,
      requested_by: actor.userId,
      requested_at: now,
      created_at: now,
    };
    await trx.insertInto('pauses').values(row).execute();
    await recordAudit(trx, {
      workspaceId: project.workspace_id,
      actorId: actor.userId,
      action: 'days.pause_requested',
      subjectId: projectId,
      data: { from: body.from, to: body.to },
      at: deps.clock.now(),
    });
    return {
      id: row.id,
      from: row.from_date,
      to: row.to_date,
      reason: row.reason,
      requestedAt: row.requested_at,
    };
  });
}

/**
 * Spend a grace token on a day. On a day already closed as skipped (within the window after it),
 * the verdict is judged again and the correction goes on the record as a new ledger entry.
 */
export async function spendGrace(
  deps: BreakDeps,
  actor: Actor,
  projectId: string,
  body: z.output<typeof GraceBody>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const { project, target } = await requireOwnDays(trx, deps.dialect, actor, projectId);
    const now = deps.clock.now();
    const date = body.date ?? localDate(now, target.time_zone);
    const through = date > localDate(now, target.time_zone) ? date : localDate(now, target.time_zone);
    const ledger = await loadDayLedger(trx, target, target.verdicts_from, through);
    const existing = await trx
      .selectFrom('day_verdicts')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('date', '=', date)
      .executeTakeFirst();
    const policy = verdictPolicy(target, now.getTime());
    const check = validateGraceSpend({
      date,
      spentAt: now.toISOString(),
      ledger,
      policy,
      verdict: existing ? { verdict: existing.verdict } : null,
    });
    if (!check.ok)
      throw new AppError('days.grace_refused', { message: check.message, details: { code: check.code } });
    const spentAt = now.toISOString();
    await trx
      .insertInto('grace_spends')
      .values({ project_id: projectId, date, spent_by: actor.userId, spent_at: spentAt, created_at: spentAt })
      .execute();
    let verdict: DayVerdict | null = null;
    if (existing) {
      verdict = judgeDay({
        ...ledger,
        graceSpends: [...ledger.graceSpends, { date, spentAt }],
        date,
        policy,
      });
      await trx
        .updateTable('day_verdicts')
        .set({
          verdict: verdict.verdict,
          reason: verdict.reason,
          evidence_ids_json: JSON.stringify(verdict.evidenceIds),
        })
        .where('project_id', '=', projectId)
        .where('date', '=', date)
        .execute();
      const payload = {
        date,
        verdict: verdict.verdict,
        amends: existing.verdict,
        reason: verdict.reason,
        evidenceIds: verdict.evidenceIds,
      };
      await appendLedger(trx, deps.dialect, {
        projectId,
        at: spentAt,
        kind: 'day.verdict',
        actorId: actor.userId,
        payload,
      });
    }
    await recordAudit(trx, {
      workspaceId: project.workspace_id,
      actorId: actor.userId,
      action: 'days.grace_spent',
      subjectId: projectId,
      data: { date },
      at: now,
    });
    return { date, spentAt, verdict };
  });
}
