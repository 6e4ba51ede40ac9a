import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localDateOf } from '../../../core/verdicts/local-day.js';
import type { CheckpointChance } from '../../../contracts/forecast.contract.js';
import type { Database } from '../../db/schema.js';
import type { ProjectRow } from '../projects/projects.repository.js';

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

/** Everything a forecast of this project reads, in one hash: the date, the builder's evidence, the plan, the contract. */
export async function forecastFactsKey(
  db: Kysely<Database>,
  project: ProjectRow,
  now: Date,
): Promise<string> {
  const builder = await db
    .selectFrom('users')
    .select('time_zone')
    .where('id', '=', project.builder_id)
    .executeTakeFirstOrThrow();
  const ofBuilder = db.selectFrom('projects').select('id').where('builder_id', '=', project.builder_id);
  const facts = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('evidence')
        .select((e) => e.fn.max('created_at').as('m'))
        .where('project_id', 'in', ofBuilder)
        .as('evidence'),
      eb
        .selectFrom('evidence')
        .select((e) => e.fn.countAll().as('n'))
        .where('project_id', 'in', ofBuilder)
        .as('evidence_count'),
      eb
        .selectFrom('day_verdicts')
        .select((e) => e.fn.countAll().as('n'))
        .where('project_id', 'in', ofBuilder)
        .as('verdicts'),
      eb
        .selectFrom('plan_versions')
        .select((e) => e.fn.countAll().as('n'))
        .where('project_id', 'in', ofBuilder)
        .as('versions'),
      eb
        .selectFrom('contract_versions')
        .select((e) => e.fn.countAll().as('n'))
        .where('project_id', '=', project.id)
        .as('contracts'),
      eb
        .selectFrom('checkpoint_events')
        .select((e) => e.fn.countAll().as('n'))
        .where('project_id', '=', project.id)
        .as('events'),
      eb
        .selectFrom('pauses')
        .select((e) => e.fn.countAll().as('n'))
        .where('project_id', '=', project.id)
        .as('pauses'),
      eb
        .selectFrom('workspaces')
        .select('at_risk_below')
        .where('id', '=', project.workspace_id)
        .as('threshold'),
    ])
    .executeTakeFirstOrThrow();
  const today = localDateOf(now.getTime(), builder.time_zone);
  const text = JSON.stringify(
    [today, project.current_version, project.availability_json, facts],
    (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v),
  );
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
