import type { Days } from '../../../contracts/days.contract.js';
import { DEFAULT_LADDER, projectHealth } from '../../../core/verdicts/consequences.js';
import { streak } from '../../../core/verdicts/streak.js';
import type { DayVerdict } from '../../../core/verdicts/verdict.model.js';
import type { Actor, Deps } from '../../deps.js';
import { requireProject } from '../projects/projects.usecases.js';

export async function listDays(deps: Pick<Deps, 'db'>, actor: Actor, projectId: string): Promise<Days> {
  const { project } = await requireProject(deps.db, projectId, actor);
  const rows = await deps.db
    .selectFrom('day_verdicts')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('date')
    .execute();
  const verdicts: DayVerdict[] = rows.map((row) => ({
    date: row.date,
    verdict: row.verdict,
    evidenceIds: JSON.parse(row.evidence_ids_json) as string[],
    reason: row.reason,
    closedAt: row.closed_at,
  }));
  const health = projectHealth(verdicts, DEFAULT_LADDER);
  return {
    verdicts,
    streak: streak(verdicts),
    health: {
      state: health.state,
      consecutiveSkips: health.consecutiveSkips,
      replanRequired: health.replanRequired,
    },
    verdictsFrom: project.verdicts_from,
  };
}
