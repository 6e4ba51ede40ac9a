import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const instant = isPostgres ? sql`timestamptz` : sql`text`;

  // What the builder did, from any source: check-ins and task events now, git commits and pull
  // requests later. Each row belongs to the builder's local day when it happened.
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('minutes', 'integer')
    .addColumn('text', 'text')
    .addColumn('ref', 'text')
    // Deliveries of the same fact (a webhook retried, a hook re-run) carry the same key.
    .addColumn('dedup_key', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('evidence_project_dedup', ['project_id', 'dedup_key'])
    .execute();
  await db.schema
    .createIndex('evidence_project_day')
    .on('evidence')
    .columns(['project_id', 'local_date'])
    .execute();
}
