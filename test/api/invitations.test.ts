import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptInvitation,
  createApiClient,
  createInvitation,
  createWorkspace,
  listMembers,
  previewInvitation,
  revokeInvitation,
  signUp,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { browserClient, startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

describeEachDialect('invitations', (dialect) => {
  const clock = fixedClock(new Date('2026-10-24T22:30:00Z'));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      dialect,
      clock,
      env: { RECITAL_SIGNUP: 'invite', RECITAL_PUBLIC_URL: 'https://recital.example.com' },
    });
  });
  afterAll(() => server.close());

  // Sign-up is invite-only here: everyone after the owner arrives through an invitation to the lobby.
  let invitedUser: () => ReturnType<typeof signUpWithToken>;
  beforeAll(async () => {
    const owner = await signUpWithToken(server.url);
    const lobby = await owner.client.call(createWorkspace, { body: { name: 'Lobby', kind: 'cohort' } });
    invitedUser = async () => {
      const invite = await owner.client.call(createInvitation, {
        params: { workspaceId: lobby.id },
        body: { role: 'builder' },
      });
      return signUpWithToken(server.url, { invitationToken: invite.token });
    };
  });

  async function organizerWithSpace() {
    const organizer = await invitedUser();
    const space = await organizer.client.call(createWorkspace, {
      body: { name: 'Spring cohort', kind: 'cohort' },
    });
    return { organizer, space, params: { workspaceId: space.id } };
  }

  it('creates a link with a role and expiry; a new person signs up through it and joins in one step', async () => {
    const { organizer, space, params } = await organizerWithSpace();
    const created = await organizer.client.call(createInvitation, {
      params,
      body: { role: 'witness', expiresInDays: 3 },
    });
    expect(created.url).toBe(`https://recital.example.com/invite/${created.token}`);
    expect(created.invitation.expiresAt).toBe(new Date(clock.now().getTime() + 3 * 86_400_000).toISOString());
    const preview = await createApiClient({ baseUrl: server.url }).call(previewInvitation, {
      params: { token: created.token },
    });
    expect(preview).toMatchObject({
      role: 'witness',
      workspace: { name: space.name, kind: 'cohort' },
      invitedBy: organizer.user.displayName,
    });
    const stored = await server.deps.db
      .selectFrom('invitations')
      .select('token_hash')
      .where('id', '=', created.invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.token);

    const newcomer = browserClient(server.url);
    const session = await newcomer.api.call(signUp, {
      body: {
        email: 'witness@example.com',
        password: 'long-enough-pw',
        displayName: 'Wit',
        timeZone: 'Pacific/Auckland',
        invitationToken: created.token,
      },
    });
    newcomer.setCsrf(session.csrfToken);
    const members = await newcomer.api.call(listMembers, { params });
    expect(members.members.find((m) => m.userId === session.user.id)?.roles).toEqual(['witness']);
    await expectApiError(
      createApiClient({ baseUrl: server.url }).call(previewInvitation, { params: { token: created.token } }),
      'invitations.used',
      410,
    );
  });

  it('refuses an expired invitation and writes nothing', async () => {
    const { organizer, params } = await organizerWithSpace();
    const created = await organizer.client.call(createInvitation, {
      params,
      body: { role: 'builder', expiresInDays: 1 },
    });
    clock.advance(86_400_000);
    const joiner = browserClient(server.url);
    const body = {
      email: 'late-joiner@example.com',
      password: 'long-enough-pw',
      displayName: 'Late',
      timeZone: 'UTC',
      invitationToken: created.token,
    };
    await expectApiError(joiner.api.call(signUp, { body }), 'invitations.expired', 410);
    expect(
      await server.deps.db.selectFrom('users').where('email', '=', body.email).selectAll().execute(),
    ).toEqual([]);
    const existing = await invitedUser();
    await expectApiError(
      existing.client.call(acceptInvitation, { params: { token: created.token } }),
      'invitations.expired',
      410,
    );
  });

  it('refuses revoked, reused and wrongly addressed invitations', async () => {
    const { organizer, params } = await organizerWithSpace();
    const revoked = await organizer.client.call(createInvitation, { params, body: { role: 'builder' } });
    await organizer.client.call(revokeInvitation, {
      params: { ...params, invitationId: revoked.invitation.id },
    });
    const user = await invitedUser();
    await expectApiError(
      user.client.call(acceptInvitation, { params: { token: revoked.token } }),
      'invitations.not_found',
      404,
    );

    const addressed = await organizer.client.call(createInvitation, {
      params,
      body: { role: 'builder', email: 'Someone.Else@example.com' },
    });
    await expectApiError(
      user.client.call(acceptInvitation, { params: { token: addressed.token } }),
      'invitations.wrong_email',
      403,
    );

    const once = await organizer.client.call(createInvitation, { params, body: { role: 'builder' } });
    await user.client.call(acceptInvitation, { params: { token: once.token } });
    await expectApiError(
      user.client.call(acceptInvitation, { params: { token: once.token } }),
      'invitations.used',
      410,
    );
  });

  it('lets exactly one of several concurrent accepts use an invitation', async () => {
    const { organizer, params } = await organizerWithSpace();
    const created = await organizer.client.call(createInvitation, { params, body: { role: 'builder' } });
    const users = await Promise.all([1, 2, 3].map(() => invitedUser()));
    const results = await Promise.allSettled(
      users.map((u) => u.client.call(acceptInvitation, { params: { token: created.token } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
