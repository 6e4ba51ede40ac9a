import { describe, expect, it } from 'vitest';
import {
  canInvite,
  canManageWorkspace,
  canRemoveMember,
  canSetRoles,
  canViewWorkspace,
} from './workspace-policy.js';

describe('workspace policies', () => {
  it('hides a workspace from non-members', () => {
    expect(canViewWorkspace(undefined)).toEqual({ allowed: false, reason: 'hidden' });
    expect(canManageWorkspace(undefined)).toEqual({ allowed: false, reason: 'hidden' });
    expect(canViewWorkspace(['builder'])).toEqual({ allowed: true });
  });

  it('lets only organizers invite', () => {
    expect(canInvite(['organizer']).allowed).toBe(true);
    expect(canInvite(['witness'])).toEqual({ allowed: false, reason: 'forbidden' });
    expect(canInvite(['builder'])).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('never lets a builder grant themselves a role', () => {
    for (const next of [['builder', 'witness'], ['builder', 'organizer'], ['organizer']] as const) {
      const decision = canSetRoles({
        actorId: 'u1',
        actor: ['builder'],
        targetId: 'u1',
        current: ['builder'],
        next: [...next],
        organizerCount: 1,
      });
      expect(decision).toEqual({ allowed: false, reason: 'self_escalation' });
    }
  });

  it('does not let an organizer add roles to themselves, only drop them', () => {
    const base = {
      actorId: 'o',
      actor: ['organizer'] as const,
      targetId: 'o',
      current: ['organizer'] as const,
    };
    expect(canSetRoles({ ...base, next: ['organizer', 'builder'], organizerCount: 2 }).allowed).toBe(false);
    expect(
      canSetRoles({ ...base, current: ['organizer', 'builder'], next: ['organizer'], organizerCount: 1 })
        .allowed,
    ).toBe(true);
  });

  it('lets any member drop roles of their own', () => {
    const change = {
      actorId: 'b',
      actor: ['witness', 'builder'] as const,
      targetId: 'b',
      current: ['witness', 'builder'] as const,
    };
    expect(canSetRoles({ ...change, next: ['builder'], organizerCount: 1 }).allowed).toBe(true);
  });

  it('keeps the last organizer', () => {
    const change = {
      actorId: 'o',
      actor: ['organizer'] as const,
      targetId: 'o',
      current: ['organizer'] as const,
      next: ['witness'] as const,
    };
    expect(canSetRoles({ ...change, next: [] as never[], organizerCount: 1 })).toEqual({
      allowed: false,
      reason: 'last_organizer',
    });
    expect(canSetRoles({ ...change, next: [], organizerCount: 2 }).allowed).toBe(true);
  });

  it('lets organizers change others and refuses witnesses and builders', () => {
    const change = {
      targetId: 'b',
      current: ['builder'] as const,
      next: ['builder', 'witness'] as const,
      organizerCount: 1,
    };
    expect(canSetRoles({ ...change, actorId: 'o', actor: ['organizer'] }).allowed).toBe(true);
    expect(canSetRoles({ ...change, actorId: 'w', actor: ['witness'] })).toEqual({
      allowed: false,
      reason: 'forbidden',
    });
    expect(canSetRoles({ ...change, actorId: 'x', actor: undefined })).toEqual({
      allowed: false,
      reason: 'hidden',
    });
  });

  it('lets anyone leave but the last organizer, and only organizers remove others', () => {
    expect(
      canRemoveMember({
        actorId: 'b',
        actor: ['builder'],
        targetId: 'b',
        target: ['builder'],
        organizerCount: 1,
      }).allowed,
    ).toBe(true);
    expect(
      canRemoveMember({
        actorId: 'b',
        actor: ['builder'],
        targetId: 'c',
        target: ['builder'],
        organizerCount: 1,
      }).allowed,
    ).toBe(false);
    expect(
      canRemoveMember({
        actorId: 'o',
        actor: ['organizer'],
        targetId: 'o',
        target: ['organizer'],
        organizerCount: 1,
      }),
    ).toEqual({
      allowed: false,
      reason: 'last_organizer',
    });
  });
});

describe('project policies', async () => {
  const { canChangePlan, canCreateProject, canViewProject } = await import('./project-policy.js');

  it('lets organizers create for anyone, builders only for themselves, witnesses not at all', () => {
    expect(canCreateProject({ actorId: 'o', actor: ['organizer'], builderId: 'b' }).allowed).toBe(true);
    expect(canCreateProject({ actorId: 'b', actor: ['builder'], builderId: 'b' }).allowed).toBe(true);
    expect(canCreateProject({ actorId: 'b', actor: ['builder'], builderId: 'c' })).toEqual({
      allowed: false,
      reason: 'forbidden',
    });
    expect(canCreateProject({ actorId: 'w', actor: ['witness'], builderId: 'w' })).toEqual({
      allowed: false,
      reason: 'forbidden',
    });
    expect(canCreateProject({ actorId: 'x', actor: undefined, builderId: 'x' })).toEqual({
      allowed: false,
      reason: 'hidden',
    });
  });

  it('lets the builder and organizers change a plan, and every member view it', () => {
    expect(canChangePlan({ actorId: 'b', actor: ['builder'], builderId: 'b' }).allowed).toBe(true);
    expect(canChangePlan({ actorId: 'o', actor: ['organizer'], builderId: 'b' }).allowed).toBe(true);
    expect(canChangePlan({ actorId: 'w', actor: ['witness'], builderId: 'b' })).toEqual({
      allowed: false,
      reason: 'forbidden',
    });
    expect(canViewProject(['witness']).allowed).toBe(true);
    expect(canViewProject(undefined).allowed).toBe(false);
  });
});
