import type { Kysely, Selectable } from 'kysely';
import type { Database, ProjectsTable } from '../../db/schema.js';

export type ProjectRow = Selectable<ProjectsTable>;

export async function insertProject(db: Kysely<Database>, row: ProjectRow): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

export function findProject(db: Kysely<Database>, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listProjectsOf(db: Kysely<Database>, workspaceId: string): Promise<ProjectRow[]> {
  return db
    .selectFrom('projects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function projectSlugExists(
  db: Kysely<Database>,
  workspaceId: string,
  slug: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setCurrentVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('projects')
    .set({ current_version: version, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Serialises concurrent imports into one project (PostgreSQL row lock; SQLite writes are serial already). */
export async function lockProject(
  db: Kysely<Database>,
  id: string,
  dialect: 'sqlite' | 'postgres',
): Promise<void> {
  if (dialect === 'postgres')
    await db.selectFrom('projects').select('id').where('id', '=', id).forUpdate().execute();
}

/** Every project in the workspaces `userId` belongs to, other people's only, with its builder's name and zone. */
export function othersProjectsVisibleTo(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'projects.workspace_id')
        .on('memberships.user_id', '=', userId),
    )
    .innerJoin('users', 'users.id', 'projects.builder_id')
    .selectAll('projects')
    .select(['users.time_zone', 'users.display_name as builder_name'])
    .where('projects.builder_id', '!=', userId)
    .execute();
}
