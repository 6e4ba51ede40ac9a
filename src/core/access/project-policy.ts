import type { ActorRoles, Decision } from './workspace-policy.js';

const ALLOW: Decision = { allowed: true };

/**
 * Organizers create projects for any builder in the workspace; a builder creates their own.
 * Witnesses review work and do not create it.
 */
export function canCreateProject(args: { actorId: string; actor: ActorRoles; builderId: string }): Decision {
  if (!args.actor) return { allowed: false, reason: 'hidden' };
  if (args.actor.includes('organizer')) return ALLOW;
  if (args.actor.includes('builder') && args.builderId === args.actorId) return ALLOW;
  return { allowed: false, reason: 'forbidden' };
}

/** Every member sees the workspace's projects (witnesses and organizers need to). */
export function canViewProject(actor: ActorRoles): Decision {
  return actor ? ALLOW : { allowed: false, reason: 'hidden' };
}

/** The plan is changed by the project's builder or an organizer, never by a witness alone. */
export function canChangePlan(args: { actorId: string; actor: ActorRoles; builderId: string }): Decision {
  if (!args.actor) return { allowed: false, reason: 'hidden' };
  if (args.actor.includes('organizer') || args.actorId === args.builderId) return ALLOW;
  return { allowed: false, reason: 'forbidden' };
}
