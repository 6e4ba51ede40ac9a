import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createInvitation,
  createWorkspace,
  getWorkspace,
  listInvitations,
  listMembers,
  listWorkspaces,
  removeMember,
  revokeInvitation,
  setMemberRoles,
  updateWorkspace,
} from '../../src/contracts/index.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

describeEachDialect('workspaces and roles', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
  });
  afterAll(() => server.close());

  it('makes the creator of a solo space its organizer and builder, and of a cohort its organizer', async () => {
    const user = await signUpWithToken(server.url);
    const solo = await user.client.call(createWorkspace, { body: { name: 'Ship the app' } });
    expect(solo).toMatchObject({ kind: 'solo', slug: 'ship-the-app', myRoles: ['organizer', 'builder'] });
    const cohort = await user.client.call(createWorkspace, {
      body: { name: 'Ship the app', kind: 'cohort' },
    });
    expect(cohort).toMatchObject({ slug: 'ship-the-app-2', myRoles: ['organizer'] });
    await expectApiError(
      user.client.call(createWorkspace, { body: { name: 'X', slug: 'ship-the-app' } }),
      'workspaces.slug_taken',
      409,
    );
    const list = await user.client.call(listWorkspaces, {});
    expect(list.workspaces.map((w) => w.id)).toEqual([solo.id, cohort.id]);
  });

  it('answers 404 for everything in a workspace the actor does not belong to', async () => {
    const alice = await signUpWithToken(server.url);
    const mallory = await signUpWithToken(server.url);
    const space = await alice.client.call(createWorkspace, { body: { name: 'Private' } });
    const params = { workspaceId: space.id };
    const memberParams = { workspaceId: space.id, userId: alice.user.id };
    await expectApiError(mallory.client.call(getWorkspace, { params }), 'workspaces.not_found', 404);
    await expectApiError(mallory.client.call(listMembers, { params }), 'workspaces.not_found', 404);
    await expectApiError(mallory.client.call(listInvitations, { params }), 'workspaces.not_found', 404);
    await expectApiError(
      mallory.client.call(updateWorkspace, { params, body: { name: 'Mine now' } }),
      'workspaces.not_found',
      404,
    );
    await expectApiError(
      mallory.client.call(createInvitation, { params, body: { role: 'organizer' } }),
      'workspaces.not_found',
      404,
    );
    await expectApiError(
      mallory.client.call(setMemberRoles, { params: memberParams, body: { roles: ['builder'] } }),
      'workspaces.not_found',
      404,
    );
    await expectApiError(
      mallory.client.call(removeMember, { params: memberParams }),
      'workspaces.not_found',
      404,
    );
    const missing = await expectApiError(
      mallory.client.call(getWorkspace, { params: { workspaceId: 'no-such-id' } }),
      'workspaces.not_found',
      404,
    );
    const hidden = await expectApiError(
      mallory.client.call(getWorkspace, { params }),
      'workspaces.not_found',
      404,
    );
    expect(hidden.message).toBe(missing.message);
    expect((await alice.client.call(getWorkspace, { params })).name).toBe('Private');
    expect((await mallory.client.call(listWorkspaces, {})).workspaces).toEqual([]);
  });

  it('never lets a builder raise their own role, and lets only organizers manage', async () => {
    const organizer = await signUpWithToken(server.url);
    const builder = await signUpWithToken(server.url);
    const space = await organizer.client.call(createWorkspace, { body: { name: 'Cohort', kind: 'cohort' } });
    const params = { workspaceId: space.id };
    const invite = await organizer.client.call(createInvitation, { params, body: { role: 'builder' } });
    await builder.client.call((await import('../../src/contracts/index.js')).acceptInvitation, {
      params: { token: invite.token },
    });
    const self = { workspaceId: space.id, userId: builder.user.id };
    for (const roles of [['builder', 'organizer'], ['organizer'], ['builder', 'witness']] as const) {
      await expectApiError(
        builder.client.call(setMemberRoles, { params: self, body: { roles: [...roles] } }),
        'access.self_escalation',
        403,
      );
    }
    await expectApiError(
      builder.client.call(createInvitation, { params, body: { role: 'organizer' } }),
      'access.forbidden',
      403,
    );
    await expectApiError(
      builder.client.call(updateWorkspace, { params, body: { name: 'Taken over' } }),
      'access.forbidden',
      403,
    );
    const members = await builder.client.call(listMembers, { params });
    expect(members.members.find((m) => m.userId === builder.user.id)?.roles).toEqual(['builder']);
    const audit = await server.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('workspace_id', '=', space.id)
      .execute();
    expect(audit.map((a) => a.action)).not.toContain('member.roles_changed');

    const promoted = await organizer.client.call(setMemberRoles, {
      params: self,
      body: { roles: ['builder', 'witness'] },
    });
    expect(promoted.roles).toEqual(['witness', 'builder']);
    const dropped = await builder.client.call(setMemberRoles, { params: self, body: { roles: ['builder'] } });
    expect(dropped.roles).toEqual(['builder']);
  });

  it('keeps the last organizer and lets members leave', async () => {
    const organizer = await signUpWithToken(server.url);
    const witness = await signUpWithToken(server.url);
    const space = await organizer.client.call(createWorkspace, { body: { name: 'Team', kind: 'team' } });
    const params = { workspaceId: space.id };
    const self = { workspaceId: space.id, userId: organizer.user.id };
    await expectApiError(
      organizer.client.call(setMemberRoles, { params: self, body: { roles: ['witness'] } }),
      'access.self_escalation',
      403,
    );
    await expectApiError(
      organizer.client.call(removeMember, { params: self }),
      'workspaces.last_organizer',
      409,
    );
    const invite = await organizer.client.call(createInvitation, { params, body: { role: 'witness' } });
    expect(invite.url).toBe(`${server.url}/invite/${invite.token}`);
    const { acceptInvitation } = await import('../../src/contracts/index.js');
    await witness.client.call(acceptInvitation, { params: { token: invite.token } });
    await witness.client.call(removeMember, { params: { workspaceId: space.id, userId: witness.user.id } });
    await expectApiError(witness.client.call(getWorkspace, { params }), 'workspaces.not_found', 404);
    const invitations = await organizer.client.call(listInvitations, { params });
    expect(invitations.invitations[0]).toMatchObject({ role: 'witness', acceptedBy: witness.user.id });
    await organizer.client.call(revokeInvitation, {
      params: { workspaceId: space.id, invitationId: invite.invitation.id },
    });
  });
});
