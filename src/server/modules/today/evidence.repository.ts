import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, EvidenceTable } from '../../db/schema.js';

export type EvidenceRow = Selectable<EvidenceTable>;

/** Record evidence; a repeated delivery (same dedup key) is ignored and the first row returned. */
export async function insertEvidence(db: Kysely<Database>, row: Insertable<EvidenceTable>): Promise<void> {
  await db
    .insertInto('evidence')
    .values(row)
    .onConflict((oc) => oc.columns(['project_id', 'dedup_key']).doNothing())
    .execute();
}

export function evidenceOfDay(
  db: Kysely<Database>,
  projectId: string,
  localDate: string,
): Promise<EvidenceRow[]> {
  return db
    .selectFrom('evidence')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('local_date', '=', localDate)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function setTaskStatus(
  db: Kysely<Database>,
  projectId: string,
  taskId: string,
  status: 'in_progress' | 'done',
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('plan_tasks')
    .set({ status, updated_at: at })
    .where('project_id', '=', projectId)
    .where('task_id', '=', taskId)
    .where('removed_in_version', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findLiveTask(db: Kysely<Database>, projectId: string, taskId: string) {
  return db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('task_id', '=', taskId)
    .where('removed_in_version', 'is', null)
    .executeTakeFirst();
}
