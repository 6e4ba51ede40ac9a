import type { Kysely } from 'kysely';
import type { CheckpointChance } from '../../../contracts/forecast.contract.js';
import type { Database } from '../../db/schema.js';

/**
 * The latest stored forecast of each checkpoint of these projects (as the sweeper left it), by
 * project and checkpoint id: what consoles show without simulating anything.
 */
export async function loadChances(
  db: Kysely<Database>,
  projectIds: readonly string[],
): Promise<Map<string, Map<string, CheckpointChance>>> {
  const chances = new Map<string, Map<string, CheckpointChance>>();
  if (projectIds.length === 0) return chances;
  const rows = await db
    .selectFrom('checkpoint_forecasts')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .execute();
  for (const row of rows) {
    const byCheckpoint = chances.get(row.project_id) ?? new Map<string, CheckpointChance>();
    byCheckpoint.set(row.checkpoint_id, {
      probability: row.probability === null ? null : Number(row.probability),
      p50: row.p50,
      p85: row.p85,
      atRisk: row.at_risk_since !== null,
      atRiskSince: row.at_risk_since,
      note: row.note,
      computedAt: row.computed_at,
    });
    chances.set(row.project_id, byCheckpoint);
  }
  return chances;
}
