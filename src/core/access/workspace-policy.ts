import type { Role } from './roles.js';

/**
 * Who may do what in a workspace. Pure: the use cases load the facts and ask.
 *
 * `hidden` means the actor must not learn the workspace exists (answer 404);
 * `forbidden` is for members whose role does not allow the action.
 */
export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'hidden' | 'forbidden' | 'last_organizer' | 'self_escalation' };

const ALLOW: Decision = { allowed: true };
const deny = (reason: Exclude<Decision, { allowed: true }>['reason']): Decision => ({
  allowed: false,
  reason,
});

/** The actor's roles, or undefined when the actor is not a member. */
export type ActorRoles = readonly Role[] | undefined;

const isOrganizer = (roles: ActorRoles) => roles?.includes('organizer') ?? false;

export function canViewWorkspace(actor: ActorRoles): Decision {
  return actor ? ALLOW : deny('hidden');
}

export function canManageWorkspace(actor: ActorRoles): Decision {
  if (!actor) return deny('hidden');
  return isOrganizer(actor) ? ALLOW : deny('forbidden');
}

/** Organizers invite, with any role. */
export function canInvite(actor: ActorRoles): Decision {
  return canManageWorkspace(actor);
}

export interface RoleChange {
  actorId: string;
  actor: ActorRoles;
  targetId: string;
  current: readonly Role[];
  next: readonly Role[];
  /** Organizers in the workspace now, the target included. */
  organizerCount: number;
}

/**
 * Only organizers change roles, and nobody raises their own: a member may only drop roles of
 * their own. The last organizer cannot stop being one.
 */
export function canSetRoles(change: RoleChange): Decision {
  if (!change.actor) return deny('hidden');
  const self = change.actorId === change.targetId;
  const added = change.next.filter((role) => !change.current.includes(role));
  if (self && added.length > 0) return deny('self_escalation');
  if (!self && !isOrganizer(change.actor)) return deny('forbidden');
  const losesOrganizer = change.current.includes('organizer') && !change.next.includes('organizer');
  if (losesOrganizer && change.organizerCount <= 1) return deny('last_organizer');
  return ALLOW;
}

export interface MemberRemoval {
  actorId: string;
  actor: ActorRoles;
  targetId: string;
  target: readonly Role[];
  organizerCount: number;
}

/** Organizers remove members; anyone may leave. The last organizer stays. */
export function canRemoveMember(removal: MemberRemoval): Decision {
  if (!removal.actor) return deny('hidden');
  if (removal.actorId !== removal.targetId && !isOrganizer(removal.actor)) return deny('forbidden');
  if (removal.target.includes('organizer') && removal.organizerCount <= 1) return deny('last_organizer');
  return ALLOW;
}
