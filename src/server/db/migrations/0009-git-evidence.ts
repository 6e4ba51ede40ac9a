import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const instant = isPostgres ? sql`timestamptz` : sql`text`;

  // A git repository whose work counts for a project: a local clone synced by the CLI and its hooks,
  // or a GitHub repository reporting through webhooks (`full_name` routes a delivery to it).
  await db.schema
    .createTable('repositories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('github_full_name', 'text')
    .addColumn('default_branch', 'text')
    // The ref tips seen by the last sync ({ sha, ref }[]): the next one lists only what is new.
    .addColumn('tips_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('last_synced_at', instant)
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('repositories_project_name', ['project_id', 'name'])
    .execute();
  await db.schema.createIndex('repositories_github').on('repositories').column('github_full_name').execute();

  // Each commit once per repository, whichever way it arrived (sync, hook, push webhook).
  await db.schema
    .createTable('commits')
    .addColumn('repository_id', 'text', (c) => c.notNull().references('repositories.id').onDelete('cascade'))
    .addColumn('sha', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('parents_json', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text', (c) => c.notNull())
    .addColumn('authored_at', instant, (c) => c.notNull())
    .addColumn('committer_email', 'text', (c) => c.notNull())
    .addColumn('committed_at', instant, (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('branch', 'text')
    // The Recital user the author's email belongs to (verified emails only), if any.
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('is_bot', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('additions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deletions', 'integer', (c) => c.notNull().defaultTo(0))
    // Lines in generated paths (lockfiles, build output), kept out of the metrics.
    .addColumn('generated_lines', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attribution', 'text', (c) => c.notNull())
    .addColumn('attribution_signal', 'text', (c) => c.notNull())
    .addColumn('attribution_tool', 'text')
    .addColumn('attribution_confidence', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('commits_pk', ['repository_id', 'sha'])
    .execute();
  await db.schema
    .createIndex('commits_project_authored')
    .on('commits')
    .columns(['project_id', 'authored_at'])
    .execute();

  // A commit that names a task (RC-12, T012, #12, a t12-login branch); `closes` for "fixes T12".
  await db.schema
    .createTable('commit_task_links')
    .addColumn('repository_id', 'text', (c) => c.notNull().references('repositories.id').onDelete('cascade'))
    .addColumn('sha', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('closes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('commit_task_links_pk', ['repository_id', 'sha', 'task_id'])
    .execute();
  await db.schema
    .createIndex('commit_task_links_task')
    .on('commit_task_links')
    .columns(['project_id', 'task_id'])
    .execute();

  // Who understands a commit's lines: authored, explained (a why-note by its committer) or reviewed.
  await db.schema
    .createTable('understanding_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repository_id', 'text', (c) => c.notNull().references('repositories.id').onDelete('cascade'))
    .addColumn('sha', 'text', (c) => c.notNull())
    .addColumn('person_email', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('understanding_facts_once', [
      'repository_id',
      'sha',
      'person_email',
      'kind',
      'source',
    ])
    .execute();

  await db.schema
    .createTable('pull_requests')
    .addColumn('repository_id', 'text', (c) => c.notNull().references('repositories.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('merged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_at', instant)
    .addColumn('merge_commit_sha', 'text')
    .addColumn('head_ref', 'text', (c) => c.notNull())
    .addColumn('head_sha', 'text', (c) => c.notNull())
    .addColumn('base_ref', 'text', (c) => c.notNull())
    .addColumn('author_login', 'text', (c) => c.notNull())
    .addColumn('why', 'text')
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('pull_requests_pk', ['repository_id', 'number'])
    .execute();

  // Every accepted GitHub delivery once: a redelivery with the same X-GitHub-Delivery is acknowledged
  // and changes nothing.
  // More e-mail addresses a person commits with (work, personal, GitHub's noreply), each proved by a
  // link sent to it. A verified address belongs to one person only.
  await db.schema
    .createTable('user_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('verified_at', instant)
    .addColumn('token_hash', 'text')
    .addColumn('token_expires_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('user_emails_user_email', ['user_id', 'email'])
    .execute();
  await db.schema
    .createIndex('user_emails_verified_email')
    .on('user_emails')
    .column('email')
    .unique()
    .where(sql.ref('verified_at'), 'is not', null)
    .execute();
  await db.schema.createIndex('user_emails_token').on('user_emails').column('token_hash').execute();

  // The tree's comprehension at a commit, as `recital comprehension` measured it: the latest is shown,
  // the last of each sprint makes the trend.
  await db.schema
    .createTable('comprehension_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repository_id', 'text', (c) => c.notNull().references('repositories.id').onDelete('cascade'))
    .addColumn('commit_sha', 'text', (c) => c.notNull())
    .addColumn('taken_at', instant, (c) => c.notNull())
    .addColumn('totals_json', 'text', (c) => c.notNull())
    .addColumn('files_json', 'text', (c) => c.notNull())
    .addColumn('hotspots_json', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('comprehension_snapshots_repository')
    .on('comprehension_snapshots')
    .columns(['repository_id', 'taken_at'])
    .execute();

  // What the commit-msg hook does when an AI-assisted commit has no `Why:` trailer: off, warn, require.
  await db.schema
    .alterTable('workspaces')
    .addColumn('why_mode', 'text', (c) => c.notNull().defaultTo('warn'))
    .execute();
  // The workspace's attribution rules and extra bot and generated-path patterns (validated JSON).
  await db.schema
    .alterTable('workspaces')
    .addColumn('git_settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('github_deliveries')
    .addColumn('delivery_id', 'text', (c) => c.primaryKey())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('repository', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', instant, (c) => c.notNull())
    .execute();
}
