import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const instant = isPostgres ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('builder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('current_version', 'integer')
    // The builder's hours for this project (JSON); null until they are set.
    .addColumn('availability_json', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addUniqueConstraint('projects_workspace_slug', ['workspace_id', 'slug'])
    .execute();

  // Each import is a new, immutable version: the source as given and the checked plan as read.
  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('imported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('diff_json', 'text')
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addColumn('open_minutes', 'integer', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('plan_versions_project_number', ['project_id', 'number'])
    .execute();

  // The live task list: one row per task id across versions, so history and evidence attach to it.
  await db.schema
    .createTable('plan_tasks')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('todo', 'in_progress', 'done', 'cancelled')`),
    )
    .addColumn('optional', 'integer', (c) => c.notNull())
    .addColumn('estimate_min', 'integer')
    .addColumn('estimate_max', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('added_in_version', 'integer', (c) => c.notNull())
    .addColumn('removed_in_version', 'integer')
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_tasks_pk', ['project_id', 'task_id'])
    .execute();

  // Decision records of a project, by their stable id; importing the same id again updates it.
  await db.schema
    .createTable('decisions')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('decisions_pk', ['project_id', 'decision_id'])
    .execute();
}
