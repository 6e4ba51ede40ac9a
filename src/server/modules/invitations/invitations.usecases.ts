import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreatedInvitation,
  CreateInvitationBody,
  Invitation,
  InvitationPreview,
  Workspace,
} from '../../../contracts/workspaces.contract.js';
import { canInvite } from '../../../core/access/workspace-policy.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { hashSecret, newId, newSecret } from '../../shared/secrets.js';
import { findUserById } from '../accounts/users.repository.js';
import { presentWorkspace } from '../workspaces/workspaces.presenters.js';
import { addMembership, findWorkspace, grantRoles, rolesOf } from '../workspaces/workspaces.repository.js';
import { requireMembership } from '../workspaces/workspaces.usecases.js';
import * as repo from './invitations.repository.js';

const DAY_MS = 86_400_000;

export function presentInvitation(row: repo.InvitationRow): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    role: row.role,
    email: row.email,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    revokedAt: row.revoked_at,
  };
}

export async function createInvitation(
  deps: Pick<Deps, 'db' | 'clock'> & { publicUrl: string },
  actor: Actor,
  workspaceId: string,
  input: z.output<typeof CreateInvitationBody>,
): Promise<CreatedInvitation> {
  return deps.db.transaction().execute(async (trx) => {
    const { roles } = await requireMembership(trx, workspaceId, actor);
    enforce(canInvite(roles), 'workspaces.not_found');
    const now = deps.clock.now();
    const token = newSecret('inv_', 24);
    const row: repo.InvitationRow = {
      id: newId(),
      workspace_id: workspaceId,
      token_hash: hashSecret(token),
      role: input.role,
      email: input.email ?? null,
      created_by: actor.userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    };
    await repo.insertInvitation(trx, row);
    await recordAudit(trx, {
      workspaceId,
      actorId: actor.userId,
      action: 'invitation.created',
      subjectId: row.id,
      data: { role: row.role, email: row.email },
      at: now,
    });
    const url = `${deps.publicUrl.replace(/\/$/, '')}/invite/${token}`;
    return { invitation: presentInvitation(row), url, token };
  });
}

export async function listInvitations(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  workspaceId: string,
): Promise<Invitation[]> {
  const { roles } = await requireMembership(deps.db, workspaceId, actor);
  enforce(canInvite(roles), 'workspaces.not_found');
  return (await repo.listInvitationsOf(deps.db, workspaceId)).map(presentInvitation);
}

export async function revokeInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  ids: { workspaceId: string; invitationId: string },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { roles } = await requireMembership(trx, ids.workspaceId, actor);
    enforce(canInvite(roles), 'workspaces.not_found');
    const invitation = await repo.findInvitation(trx, ids.workspaceId, ids.invitationId);
    if (!invitation) throw new AppError('invitations.not_found');
    const now = deps.clock.now();
    await repo.markRevoked(trx, invitation.id, now.toISOString());
    await recordAudit(trx, {
      workspaceId: ids.workspaceId,
      actorId: actor.userId,
      action: 'invitation.revoked',
      subjectId: invitation.id,
      at: now,
    });
  });
}

/** An invitation that can still be accepted, or the reason it cannot. */
export async function loadUsableInvitation(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<repo.InvitationRow> {
  const invitation = await repo.findInvitationByTokenHash(db, hashSecret(token));
  if (!invitation || invitation.revoked_at) throw new AppError('invitations.not_found');
  if (invitation.accepted_at) throw new AppError('invitations.used');
  if (Date.parse(invitation.expires_at) <= now.getTime()) throw new AppError('invitations.expired');
  return invitation;
}

export async function previewInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<InvitationPreview> {
  const invitation = await loadUsableInvitation(deps.db, token, deps.clock.now());
  const workspace = await findWorkspace(deps.db, invitation.workspace_id);
  const inviter = await findUserById(deps.db, invitation.created_by);
  if (!workspace) throw new AppError('invitations.not_found');
  return {
    workspace: { name: workspace.name, kind: workspace.kind },
    role: invitation.role,
    invitedBy: inviter?.display_name ?? 'an organizer',
    expiresAt: invitation.expires_at,
    email: invitation.email,
  };
}

/** Join the invitation's workspace with its role; single use, even under concurrent accepts. */
export async function acceptInvitationInTransaction(
  trx: Kysely<Database>,
  args: { invitation: repo.InvitationRow; userId: string; now: Date },
): Promise<void> {
  const { invitation, userId, now } = args;
  const at = now.toISOString();
  if (!(await repo.markAccepted(trx, invitation.id, userId, at))) throw new AppError('invitations.used');
  await addMembership(trx, { workspaceId: invitation.workspace_id, userId, at });
  await grantRoles(trx, {
    workspaceId: invitation.workspace_id,
    userId,
    roles: [invitation.role],
    grantedBy: invitation.created_by,
    at,
  });
  await recordAudit(trx, {
    workspaceId: invitation.workspace_id,
    actorId: userId,
    action: 'invitation.accepted',
    subjectId: invitation.id,
    data: { role: invitation.role },
    at: now,
  });
}

export async function acceptInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  token: string,
): Promise<Workspace> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const invitation = await loadUsableInvitation(trx, token, now);
    const user = await findUserById(trx, actor.userId);
    if (invitation.email && invitation.email !== user?.email) throw new AppError('invitations.wrong_email');
    const existing = await rolesOf(trx, invitation.workspace_id, actor.userId);
    if (existing?.includes(invitation.role)) throw new AppError('members.already_member');
    await acceptInvitationInTransaction(trx, { invitation, userId: actor.userId, now });
    const workspace = await findWorkspace(trx, invitation.workspace_id);
    const roles = await rolesOf(trx, invitation.workspace_id, actor.userId);
    if (!workspace || !roles) throw new AppError('invitations.not_found');
    return presentWorkspace(workspace, roles);
  });
}
