import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, EvidenceTable } from '../../db/schema.js';
import type {
  CommitTaskLinksTable,
  CommitsTable,
  RepositoriesTable,
  UnderstandingFactsTable,
} from '../../db/schema.git.js';

export type RepositoryRow = Selectable<RepositoriesTable>;
export type CommitRow = Selectable<CommitsTable>;

export async function insertRepository(db: Kysely<Database>, row: RepositoryRow): Promise<void> {
  await db.insertInto('repositories').values(row).execute();
}

export function findRepository(db: Kysely<Database>, id: string): Promise<RepositoryRow | undefined> {
  return db.selectFrom('repositories').selectAll().where('id', '=', id).executeTakeFirst();
}

export function repositoryNamed(
  db: Kysely<Database>,
  projectId: string,
  name: string,
): Promise<RepositoryRow | undefined> {
  return db
    .selectFrom('repositories')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export function repositoriesOf(db: Kysely<Database>, projectId: string): Promise<RepositoryRow[]> {
  return db
    .selectFrom('repositories')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Commits stored per repository, for the listing. */
export async function commitCounts(
  db: Kysely<Database>,
  repositoryIds: string[],
): Promise<Map<string, number>> {
  if (repositoryIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('commits')
    .select(['repository_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('repository_id', 'in', repositoryIds)
    .groupBy('repository_id')
    .execute();
  return new Map(rows.map((row) => [row.repository_id, Number(row.n)]));
}

/** Which of these SHAs the repository already has. */
export async function knownShas(
  db: Kysely<Database>,
  repositoryId: string,
  shas: string[],
): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db
    .selectFrom('commits')
    .select('sha')
    .where('repository_id', '=', repositoryId)
    .where('sha', 'in', shas)
    .execute();
  return new Set(rows.map((row) => row.sha));
}

/** Insert in chunks that stay under both dialects' bound-parameter limits. */
async function insertChunked<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  columns: number,
  conflict: readonly string[],
): Promise<void> {
  // SQLite (as built by better-sqlite3) takes up to 32,766 bound parameters, PostgreSQL 65,535.
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let at = 0; at < rows.length; at += size) {
    await db
      .insertInto(table)
      .values(rows.slice(at, at + size) as never)
      .onConflict((oc) => oc.columns(conflict as never).doNothing())
      .execute();
  }
}

export function insertCommits(db: Kysely<Database>, rows: Insertable<CommitsTable>[]): Promise<void> {
  return insertChunked(db, 'commits', rows, 25, ['repository_id', 'sha']);
}

/** Evidence rows at once; one already recorded (same dedup key) is left as it is. */
export function insertEvidenceRows(db: Kysely<Database>, rows: Insertable<EvidenceTable>[]): Promise<void> {
  return insertChunked(db, 'evidence', rows, 14, ['project_id', 'dedup_key']);
}

export function insertTaskLinks(
  db: Kysely<Database>,
  rows: Insertable<CommitTaskLinksTable>[],
): Promise<void> {
  return insertChunked(db, 'commit_task_links', rows, 7, ['repository_id', 'sha', 'task_id']);
}

export function insertFacts(
  db: Kysely<Database>,
  rows: Insertable<UnderstandingFactsTable>[],
): Promise<void> {
  return insertChunked(db, 'understanding_facts', rows, 9, [
    'repository_id',
    'sha',
    'person_email',
    'kind',
    'source',
  ]);
}

export async function recordSync(
  db: Kysely<Database>,
  repositoryId: string,
  changes: { tips_json?: string; default_branch?: string; last_synced_at: string },
): Promise<void> {
  await db.updateTable('repositories').set(changes).where('id', '=', repositoryId).execute();
}

/** Lower-cased e-mails → user ids: account addresses and verified commit addresses. */
export async function usersByEmail(db: Kysely<Database>, emails: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const [accounts, verified] = await Promise.all([
    db.selectFrom('users').select(['id', 'email']).where('email', 'in', wanted).execute(),
    db
      .selectFrom('user_emails')
      .select(['user_id as id', 'email'])
      .where('email', 'in', wanted)
      .where('verified_at', 'is not', null)
      .execute(),
  ]);
  return new Map([...accounts, ...verified].map((row) => [row.email.toLowerCase(), row.id]));
}

/** The live tasks of the project's current plan: their ids, for references like T12 or #12. */
export async function liveTaskIds(db: Kysely<Database>, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_tasks')
    .select('task_id')
    .where('project_id', '=', projectId)
    .where('removed_in_version', 'is', null)
    .execute();
  return rows.map((row) => row.task_id);
}

export async function workspaceWhyMode(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<'off' | 'warn' | 'require'> {
  const row = await db
    .selectFrom('workspaces')
    .select('why_mode')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.why_mode ?? 'warn';
}

/** Full SHAs of the repository's commits that start with `prefix` (at most two: enough to tell). */
export async function shasStartingWith(db: Kysely<Database>, repositoryId: string, prefix: string) {
  const rows = await db
    .selectFrom('commits')
    .select(['sha', 'author_email'])
    .where('repository_id', '=', repositoryId)
    .where('sha', '>=', prefix)
    .where('sha', '<', `${prefix}g`)
    .limit(2)
    .execute();
  return rows;
}
