import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const instant = isPostgres ? sql`timestamptz` : sql`text`;

  // The first local day the builder's hours count for (set when hours are first saved).
  await db.schema.alterTable('projects').addColumn('verdicts_from', 'text').execute();

  // One verdict per planned day, written once: the key makes a repeated sweep a no-op.
  await db.schema
    .createTable('day_verdicts')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) =>
      c.notNull().check(sql`verdict in ('showed_up', 'skipped', 'paused', 'grace')`),
    )
    .addColumn('evidence_ids_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('day_verdicts_pk', ['project_id', 'date'])
    .execute();
}
