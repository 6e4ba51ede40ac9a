import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const instant = isPostgres ? sql`timestamptz` : sql`text`;

  // A checkpoint is "at risk" when the chance it holds falls under this share, in percent; the
  // organizer of a cohort or team sets it for everyone in the workspace.
  await db.schema
    .alterTable('workspaces')
    .addColumn('at_risk_below', 'integer', (c) => c.notNull().defaultTo(70))
    .execute();

  // The latest forecast of each open checkpoint, kept by the sweeper so that consoles can list
  // at-risk checkpoints without simulating every project, and so that a drop under the threshold
  // is noticed once (at_risk_since is set when it drops and cleared when it recovers).
  await db.schema
    .createTable('checkpoint_forecasts')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('checkpoint_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('probability', 'real')
    .addColumn('p50', 'text')
    .addColumn('p85', 'text')
    .addColumn('p95', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    // What the forecast was computed from (a hash of the facts): unchanged facts are not re-simulated.
    .addColumn('facts_key', 'text', (c) => c.notNull())
    .addColumn('at_risk_since', instant)
    .addColumn('computed_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_forecasts_pk', ['project_id', 'checkpoint_id'])
    .execute();
}
