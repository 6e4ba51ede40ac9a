import { addLocalDays } from '../../../core/schedule/calendar.js';
import { judgeDueDays } from '../../../core/verdicts/judge-day.js';
import type { Deps } from '../../deps.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { localDate } from '../schedule/schedule.usecases.js';
import { applyDayConsequences } from './consequences.js';
import { loadDayLedger, verdictPolicy, type VerdictProject } from './day-ledger.js';

/** Days closed per project per sweep; a long downtime is caught up over a few sweeps, oldest first. */
const DAYS_PER_SWEEP = 62;

/**
 * Close one project's ended days: judge each, store the verdict and append it to the ledger, in one
 * transaction. The (project, date) key and the claim on the project row make it safe to run twice,
 * to crash halfway, and to run on several instances at once.
 */
async function sweepProject(
  deps: Pick<Deps, 'db' | 'dialect'>,
  projectId: string,
  now: Date,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    let claim = trx
      .selectFrom('projects')
      .innerJoin('users', 'users.id', 'projects.builder_id')
      .select([
        'projects.id',
        'projects.name',
        'projects.workspace_id',
        'projects.builder_id',
        'projects.availability_json',
        'projects.verdicts_from',
        'users.time_zone',
        'users.display_name as builder_name',
      ])
      .where('projects.id', '=', projectId);
    // Another instance sweeping this project already? Leave it to them.
    if (deps.dialect === 'postgres') claim = claim.forUpdate('projects').skipLocked();
    const project = await claim.executeTakeFirst();
    if (!project?.verdicts_from) return 0;
    const contracts = await loadContractVersions(trx, projectId);
    if (!project.availability_json && contracts.length === 0) return 0;
    const target: VerdictProject = { ...project, verdicts_from: project.verdicts_from, contracts };
    const history = await trx
      .selectFrom('day_verdicts')
      .select(['date', 'verdict'])
      .where('project_id', '=', projectId)
      .orderBy('date')
      .execute();
    const closedThrough = history.at(-1)?.date ?? addLocalDays(target.verdicts_from, -1);
    const through = localDate(now, target.time_zone);
    const ledger = await loadDayLedger(trx, target, addLocalDays(closedThrough, 1), through);
    const verdicts = judgeDueDays({
      ...ledger,
      policy: verdictPolicy(target, now.getTime()),
      closedThrough,
      now: now.toISOString(),
      limit: DAYS_PER_SWEEP,
    });
    for (const verdict of verdicts) {
      const inserted = await trx
        .insertInto('day_verdicts')
        .values({
          project_id: projectId,
          date: verdict.date,
          verdict: verdict.verdict,
          evidence_ids_json: JSON.stringify(verdict.evidenceIds),
          reason: verdict.reason,
          closed_at: verdict.closedAt,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['project_id', 'date']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      const payload = {
        date: verdict.date,
        verdict: verdict.verdict,
        evidenceIds: verdict.evidenceIds,
        reason: verdict.reason,
      };
      await appendLedger(trx, deps.dialect, {
        projectId,
        at: verdict.closedAt,
        kind: 'day.verdict',
        actorId: null,
        payload,
      });
      await applyDayConsequences(trx, deps, { ...project, contracts }, history, verdict);
      history.push({ date: verdict.date, verdict: verdict.verdict });
    }
    return verdicts.length;
  });
}

/** Close every project's ended days up to `now`, in bounded batches. Returns how many days were closed. */
export async function sweepDays(deps: Pick<Deps, 'db' | 'dialect' | 'logger'>, now: Date): Promise<number> {
  const projects = await deps.db
    .selectFrom('projects')
    .select('id')
    .where('verdicts_from', 'is not', null)
    .orderBy('id')
    .execute();
  let closed = 0;
  for (const { id } of projects) {
    // Catch up a long downtime batch by batch, oldest days first.
    let batch: number;
    do {
      batch = await sweepProject(deps, id, now);
      closed += batch;
    } while (batch === DAYS_PER_SWEEP);
  }
  if (closed > 0) deps.logger.info({ closed }, 'days closed');
  return closed;
}
