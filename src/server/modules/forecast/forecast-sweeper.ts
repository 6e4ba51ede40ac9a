/**
 * Keeps each open checkpoint's latest forecast, so consoles list at-risk checkpoints without
 * simulating every project, and tells the builder and their witnesses once when a checkpoint's
 * chance of holding drops under the workspace's threshold (again only after it has recovered).
 * A project is re-simulated only when something a forecast reads has changed: its facts key.
 */
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import { formatChance } from '../../../core/forecast/chance.js';
import type { Deps } from '../../deps.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { notify } from '../notifications/notify.js';
import type { ProjectRow } from '../projects/projects.repository.js';
import { forecastOf } from './forecast.usecases.js';
import { forecastFactsKey } from './forecast.repository.js';

type SweepDeps = Pick<Deps, 'db' | 'dialect' | 'logger'>;

const percent = (p: number) => `${Math.round(p * 100)}%`;

async function sweepProjectForecast(deps: SweepDeps, project: ProjectRow, now: Date): Promise<number> {
  const key = await forecastFactsKey(deps.db, project, now);
  const stored = await deps.db
    .selectFrom('checkpoint_forecasts')
    .select('facts_key')
    .where('project_id', '=', project.id)
    .execute();
  if (stored.length > 0 && stored.every((row) => row.facts_key === key)) return 0;
  const forecast = await forecastOf(deps.db, project, now, key);
  const nowIso = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    let claim = trx.selectFrom('projects').select('id').where('id', '=', project.id);
    if (deps.dialect === 'postgres') claim = claim.forUpdate().skipLocked();
    if (!(await claim.executeTakeFirst())) return 0;
    const previous = new Map(
      (
        await trx
          .selectFrom('checkpoint_forecasts')
          .select(['checkpoint_id', 'at_risk_since'])
          .where('project_id', '=', project.id)
          .execute()
      ).map((row) => [row.checkpoint_id, row.at_risk_since]),
    );
    const contract = contractAt(await loadContractVersions(trx, project.id), now.getTime())?.contract;
    let alerts = 0;
    await trx.deleteFrom('checkpoint_forecasts').where('project_id', '=', project.id).execute();
    for (const checkpoint of forecast.checkpoints) {
      const since = previous.get(checkpoint.checkpointId) ?? null;
      const atRiskSince = checkpoint.atRisk ? (since ?? nowIso) : null;
      await trx
        .insertInto('checkpoint_forecasts')
        .values({
          project_id: project.id,
          checkpoint_id: checkpoint.checkpointId,
          due_date: checkpoint.dueDate,
          kind: checkpoint.kind === 'closed' ? 'done' : checkpoint.kind,
          probability: checkpoint.probability,
          p50: checkpoint.p50,
          p85: checkpoint.p85,
          p95: checkpoint.p95,
          note: checkpoint.note,
          facts_key: key,
          at_risk_since: atRiskSince,
          computed_at: nowIso,
        })
        .execute();
      if (!checkpoint.atRisk || since !== null || checkpoint.probability === null) continue;
      alerts += await notify(trx, {
        userIds: [project.builder_id, ...(contract?.witnesses ?? [])],
        projectId: project.id,
        kind: 'checkpoint.at_risk',
        dedupKey: `checkpoint:${project.id}:${checkpoint.checkpointId}:at-risk:${atRiskSince}`,
        title: `${project.name}: "${checkpoint.title}" is at risk`,
        body: `The chance it holds by ${checkpoint.dueDate} is ${formatChance(checkpoint.probability)}, under the ${percent(forecast.atRiskBelow)} threshold. Likely done ${checkpoint.p50 ?? 'beyond the forecast horizon'}; 85% sure by ${checkpoint.p85 ?? 'beyond the forecast horizon'}. ${checkpoint.note} Cut scope, move hours, or propose a new date before it is missed.`,
        url: `/projects/${project.id}/checkpoints/${encodeURIComponent(checkpoint.checkpointId)}`,
        at: nowIso,
      });
    }
    return alerts;
  });
}

/** Refresh the forecasts of every committed project whose facts changed. Returns how many at-risk alerts went out. */
export async function sweepForecasts(deps: SweepDeps, now: Date): Promise<number> {
  const projects = await deps.db
    .selectFrom('projects')
    .selectAll()
    .where('id', 'in', deps.db.selectFrom('contract_versions').select('project_id'))
    .execute();
  let alerts = 0;
  for (const project of projects) {
    try {
      alerts += await sweepProjectForecast(deps, project, now);
    } catch (error) {
      // One project's bad data must not stop the others' forecasts.
      deps.logger.error({ err: error, projectId: project.id }, 'forecast sweep failed for a project');
    }
  }
  if (alerts > 0) deps.logger.info({ alerts }, 'checkpoints at risk');
  return alerts;
}
