import type { Kysely } from 'kysely';
import type { DecisionRecord } from '../../../core/decisions/decision.model.js';
import type { Database } from '../../db/schema.js';

/** Every decision record of a project, as imported. */
export async function projectDecisions(db: Kysely<Database>, projectId: string): Promise<DecisionRecord[]> {
  const rows = await db
    .selectFrom('decisions')
    .select('record_json')
    .where('project_id', '=', projectId)
    .orderBy('decision_id')
    .execute();
  return rows.map((row) => JSON.parse(row.record_json) as DecisionRecord);
}
