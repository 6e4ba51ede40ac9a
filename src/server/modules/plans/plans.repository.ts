import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PlanTasksTable, PlanVersionsTable } from '../../db/schema.js';

export type PlanVersionRow = Selectable<PlanVersionsTable>;
export type PlanTaskRow = Selectable<PlanTasksTable>;

export async function insertVersion(db: Kysely<Database>, row: PlanVersionRow): Promise<void> {
  await db.insertInto('plan_versions').values(row).execute();
}

export function findVersion(
  db: Kysely<Database>,
  projectId: string,
  number: number,
): Promise<PlanVersionRow | undefined> {
  return db
    .selectFrom('plan_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Summaries only: the plan and source texts stay in the database. */
export function listVersions(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('plan_versions')
    .select([
      'id',
      'number',
      'format',
      'source_name',
      'reason',
      'imported_by',
      'created_at',
      'task_count',
      'open_minutes',
      'warning_count',
    ])
    .where('project_id', '=', projectId)
    .orderBy('number', 'desc')
    .execute();
}

/** The live tasks (not removed), in plan order. */
export function listLiveTasks(db: Kysely<Database>, projectId: string): Promise<PlanTaskRow[]> {
  return db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('removed_in_version', 'is', null)
    .orderBy('position')
    .execute();
}

/** Insert or refresh the live row of each task of a new version; the others are marked removed. */
export async function syncLiveTasks(
  db: Kysely<Database>,
  projectId: string,
  version: number,
  rows: Insertable<PlanTasksTable>[],
  at: string,
): Promise<void> {
  const keep = rows.map((row) => row.task_id);
  await db
    .updateTable('plan_tasks')
    .set({ removed_in_version: version, updated_at: at })
    .where('project_id', '=', projectId)
    .where('removed_in_version', 'is', null)
    .$if(keep.length > 0, (qb) => qb.where('task_id', 'not in', keep))
    .execute();
  for (let start = 0; start < rows.length; start += 200) {
    await db
      .insertInto('plan_tasks')
      .values(rows.slice(start, start + 200))
      .onConflict((oc) =>
        oc.columns(['project_id', 'task_id']).doUpdateSet((eb) => ({
          parent_id: eb.ref('excluded.parent_id'),
          title: eb.ref('excluded.title'),
          status: eb.ref('excluded.status'),
          optional: eb.ref('excluded.optional'),
          estimate_min: eb.ref('excluded.estimate_min'),
          estimate_max: eb.ref('excluded.estimate_max'),
          position: eb.ref('excluded.position'),
          removed_in_version: null,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
