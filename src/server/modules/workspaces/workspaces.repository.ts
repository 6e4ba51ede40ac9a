import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../../core/access/roles.js';
import type { Database, WorkspacesTable } from '../../db/schema.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;

export async function insertWorkspace(db: Kysely<Database>, row: WorkspaceRow): Promise<void> {
  await db.insertInto('workspaces').values(row).execute();
}

export function findWorkspace(db: Kysely<Database>, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function slugExists(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined
  );
}

export async function updateWorkspaceRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<WorkspaceRow, 'name' | 'slug' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('workspaces').set(changes).where('id', '=', id).execute();
}

/** Workspaces the user belongs to, with their roles in each, in one query. */
export async function listWorkspacesOf(
  db: Kysely<Database>,
  userId: string,
): Promise<Array<WorkspaceRow & { roles: Role[] }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .leftJoin('membership_roles', (join) =>
      join
        .onRef('membership_roles.workspace_id', '=', 'memberships.workspace_id')
        .onRef('membership_roles.user_id', '=', 'memberships.user_id'),
    )
    .selectAll('workspaces')
    .select('membership_roles.role')
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.created_at')
    .orderBy('workspaces.id')
    .execute();
  const byId = new Map<string, WorkspaceRow & { roles: Role[] }>();
  for (const { role, ...workspace } of rows) {
    const entry = byId.get(workspace.id) ?? { ...workspace, roles: [] };
    if (role) entry.roles.push(role);
    byId.set(workspace.id, entry);
  }
  return [...byId.values()].map((entry) => ({ ...entry, roles: sortRoles(entry.roles) }));
}

/** The roles of a user in a workspace, or undefined when they are not a member. */
export async function rolesOf(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<Role[] | undefined> {
  const membership = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!membership) return undefined;
  const rows = await db
    .selectFrom('membership_roles')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  return sortRoles(rows.map((row) => row.role));
}

export async function addMembership(
  db: Kysely<Database>,
  m: { workspaceId: string; userId: string; at: string },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ workspace_id: m.workspaceId, user_id: m.userId, created_at: m.at })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
    .execute();
}

export async function grantRoles(
  db: Kysely<Database>,
  g: { workspaceId: string; userId: string; roles: readonly Role[]; grantedBy: string; at: string },
): Promise<void> {
  if (g.roles.length === 0) return;
  await db
    .insertInto('membership_roles')
    .values(
      g.roles.map((role) => ({
        workspace_id: g.workspaceId,
        user_id: g.userId,
        role,
        granted_by: g.grantedBy,
        granted_at: g.at,
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'role']).doNothing())
    .execute();
}

export async function revokeRoles(
  db: Kysely<Database>,
  r: { workspaceId: string; userId: string; roles: readonly Role[] },
): Promise<void> {
  if (r.roles.length === 0) return;
  await db
    .deleteFrom('membership_roles')
    .where('workspace_id', '=', r.workspaceId)
    .where('user_id', '=', r.userId)
    .where('role', 'in', [...r.roles])
    .execute();
}

export async function removeMembership(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}

export async function countOrganizers(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('membership_roles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'organizer')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listMembersOf(db: Kysely<Database>, workspaceId: string) {
  const members = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'users.email', 'users.time_zone', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('memberships.created_at')
    .orderBy('users.id')
    .execute();
  const roles = await db
    .selectFrom('membership_roles')
    .select(['user_id', 'role'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return members.map((member) => ({
    ...member,
    roles: sortRoles(roles.filter((r) => r.user_id === member.id).map((r) => r.role)),
  }));
}

const ROLE_ORDER: Record<Role, number> = { organizer: 0, witness: 1, builder: 2 };
function sortRoles(roles: Role[]): Role[] {
  return roles.sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);
}

/** The organizers of a workspace, who are asked when nobody else is. */
export async function organizersOf(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership_roles')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'organizer')
    .execute();
  return rows.map((r) => r.user_id);
}
