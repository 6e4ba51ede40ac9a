import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreateWorkspaceBody,
  Member,
  SetRolesBody,
  UpdateWorkspaceBody,
  Workspace,
} from '../../../contracts/workspaces.contract.js';
import { creatorRoles, type Role } from '../../../core/access/roles.js';
import { slugify } from '../../../core/access/slug.js';
import {
  canManageWorkspace,
  canRemoveMember,
  canSetRoles,
  canViewWorkspace,
} from '../../../core/access/workspace-policy.js';
import { isUniqueViolation } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { presentMember, presentWorkspace } from './workspaces.presenters.js';
import * as repo from './workspaces.repository.js';

type WorkspaceDeps = Pick<Deps, 'db' | 'clock'>;

/** The actor's roles in a workspace; a workspace they do not belong to does not exist for them. */
export async function requireMembership(db: Kysely<Database>, workspaceId: string, actor: Actor) {
  const roles = await repo.rolesOf(db, workspaceId, actor.userId);
  enforce(canViewWorkspace(roles), 'workspaces.not_found');
  const workspace = await repo.findWorkspace(db, workspaceId);
  if (!workspace || !roles) throw new AppError('workspaces.not_found');
  return { workspace, roles };
}

async function uniqueSlug(db: Kysely<Database>, base: string): Promise<string> {
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.slugExists(db, candidate))) return candidate;
  }
  return `${base}-${newId().slice(0, 8)}`;
}

export async function createWorkspace(
  deps: WorkspaceDeps,
  actor: Actor,
  input: z.output<typeof CreateWorkspaceBody>,
): Promise<Workspace> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now().toISOString();
      if (input.slug && (await repo.slugExists(trx, input.slug))) throw new AppError('workspaces.slug_taken');
      const row: repo.WorkspaceRow = {
        id: newId(),
        name: input.name,
        slug: input.slug ?? (await uniqueSlug(trx, slugify(input.name))),
        kind: input.kind,
        why_mode: 'warn',
        at_risk_below: 70,
        git_settings_json: '{}',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertWorkspace(trx, row);
      await repo.addMembership(trx, { workspaceId: row.id, userId: actor.userId, at: now });
      const roles = creatorRoles(input.kind);
      await repo.grantRoles(trx, {
        workspaceId: row.id,
        userId: actor.userId,
        roles,
        grantedBy: actor.userId,
        at: now,
      });
      await recordAudit(trx, {
        workspaceId: row.id,
        actorId: actor.userId,
        action: 'workspace.created',
        subjectId: row.id,
        data: { roles },
        at: deps.clock.now(),
      });
      return presentWorkspace(row, roles);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('workspaces.slug_taken', { cause: error });
    throw error;
  }
}

export async function listWorkspaces(deps: Pick<Deps, 'db'>, actor: Actor): Promise<Workspace[]> {
  const rows = await repo.listWorkspacesOf(deps.db, actor.userId);
  return rows.map((row) => presentWorkspace(row, row.roles));
}

export async function getWorkspace(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  workspaceId: string,
): Promise<Workspace> {
  const { workspace, roles } = await requireMembership(deps.db, workspaceId, actor);
  return presentWorkspace(workspace, roles);
}

export async function updateWorkspace(
  deps: WorkspaceDeps,
  actor: Actor,
  workspaceId: string,
  input: z.output<typeof UpdateWorkspaceBody>,
): Promise<Workspace> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const { workspace, roles } = await requireMembership(trx, workspaceId, actor);
      enforce(canManageWorkspace(roles), 'workspaces.not_found');
      if (input.slug && input.slug !== workspace.slug && (await repo.slugExists(trx, input.slug)))
        throw new AppError('workspaces.slug_taken');
      const { whyMode, atRiskBelow, ...rest } = input;
      const changes = {
        ...rest,
        ...(whyMode ? { why_mode: whyMode } : {}),
        ...(atRiskBelow ? { at_risk_below: atRiskBelow } : {}),
        updated_at: deps.clock.now().toISOString(),
      };
      await repo.updateWorkspaceRow(trx, workspaceId, changes);
      await recordAudit(trx, {
        workspaceId,
        actorId: actor.userId,
        action: 'workspace.updated',
        subjectId: workspaceId,
        data: input,
        at: deps.clock.now(),
      });
      return presentWorkspace({ ...workspace, ...changes }, roles);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('workspaces.slug_taken', { cause: error });
    throw error;
  }
}

export async function listMembers(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  workspaceId: string,
): Promise<Member[]> {
  await requireMembership(deps.db, workspaceId, actor);
  return (await repo.listMembersOf(deps.db, workspaceId)).map(presentMember);
}

export async function setMemberRoles(
  deps: WorkspaceDeps,
  actor: Actor,
  target: { workspaceId: string; userId: string },
  input: z.output<typeof SetRolesBody>,
): Promise<Member> {
  return deps.db.transaction().execute(async (trx) => {
    const { roles: actorRoles } = await requireMembership(trx, target.workspaceId, actor);
    const current = await repo.rolesOf(trx, target.workspaceId, target.userId);
    if (!current) throw new AppError('members.not_found');
    const organizerCount = await repo.countOrganizers(trx, target.workspaceId);
    const next = input.roles;
    enforce(
      canSetRoles({
        actorId: actor.userId,
        actor: actorRoles,
        targetId: target.userId,
        current,
        next,
        organizerCount,
      }),
      'workspaces.not_found',
    );
    const now = deps.clock.now();
    const added = next.filter((role) => !current.includes(role));
    const removed = current.filter((role: Role) => !next.includes(role));
    await repo.grantRoles(trx, { ...target, roles: added, grantedBy: actor.userId, at: now.toISOString() });
    await repo.revokeRoles(trx, { ...target, roles: removed });
    await recordAudit(trx, {
      workspaceId: target.workspaceId,
      actorId: actor.userId,
      action: 'member.roles_changed',
      subjectId: target.userId,
      data: { from: current, to: next },
      at: now,
    });
    const member = (await repo.listMembersOf(trx, target.workspaceId)).find((m) => m.id === target.userId);
    if (!member) throw new AppError('members.not_found');
    return presentMember(member);
  });
}

export async function removeMember(
  deps: WorkspaceDeps,
  actor: Actor,
  target: { workspaceId: string; userId: string },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { roles: actorRoles } = await requireMembership(trx, target.workspaceId, actor);
    const targetRoles = await repo.rolesOf(trx, target.workspaceId, target.userId);
    if (!targetRoles) throw new AppError('members.not_found');
    const organizerCount = await repo.countOrganizers(trx, target.workspaceId);
    enforce(
      canRemoveMember({
        actorId: actor.userId,
        actor: actorRoles,
        targetId: target.userId,
        target: targetRoles,
        organizerCount,
      }),
      'workspaces.not_found',
    );
    await repo.removeMembership(trx, target.workspaceId, target.userId);
    await recordAudit(trx, {
      workspaceId: target.workspaceId,
      actorId: actor.userId,
      action: 'member.removed',
      subjectId: target.userId,
      data: { roles: targetRoles },
      at: deps.clock.now(),
    });
  });
}
