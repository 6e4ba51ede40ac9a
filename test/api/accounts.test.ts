import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMe, getSession, signIn, signOut, signUp, updateMe } from '../../src/contracts/index.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { browserClient, startTestServer, type TestServer } from '../helpers/server.js';
import { signUpUser } from '../helpers/users.js';

describeEachDialect('accounts', (dialect) => {
  describe('on an invite-only instance', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ dialect, env: { RECITAL_SIGNUP: 'invite' } });
    });
    afterAll(() => server.close());

    it('makes the first sign-up the owner, then refuses sign-ups without an invitation and writes nothing', async () => {
      const owner = await signUpUser(server.url, { timeZone: 'america/los_angeles' });
      expect(owner.user).toMatchObject({ instanceRole: 'owner', timeZone: 'America/Los_Angeles' });
      const stranger = browserClient(server.url);
      const body = {
        email: 'late@example.com',
        password: 'long-enough-pw',
        displayName: 'Late',
        timeZone: 'UTC',
      };
      await expectApiError(stranger.api.call(signUp, { body }), 'auth.signup_closed', 403);
      const users = await server.deps.db.selectFrom('users').select('email').execute();
      expect(users.map((u) => u.email)).toEqual([owner.email]);
    });
  });

  describe('on an open instance', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ dialect });
    });
    afterAll(() => server.close());

    it('lets later sign-ups in as members and refuses a duplicate email, case-insensitively, writing nothing', async () => {
      await signUpUser(server.url);
      const member = await signUpUser(server.url, { email: 'Dup@Example.com' });
      expect(member.user.instanceRole).toBe('member');
      expect(member.user.email).toBe('dup@example.com');
      const before = await server.deps.db.selectFrom('users').select('id').execute();
      const again = browserClient(server.url);
      const body = {
        email: 'dup@example.COM',
        password: 'another-password',
        displayName: 'Twin',
        timeZone: 'UTC',
      };
      const error = await expectApiError(again.api.call(signUp, { body }), 'users.email_taken', 409);
      expect(error.message).toMatch(/already exists/);
      expect(await server.deps.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    });

    it('refuses an invalid time zone, naming the field and how to fix it', async () => {
      const client = browserClient(server.url);
      const body = {
        email: 'tz@example.com',
        password: 'long-enough-pw',
        displayName: 'Tz',
        timeZone: 'Mars/Base',
      };
      const error = await expectApiError(client.api.call(signUp, { body }), 'request.invalid', 400);
      expect(error.details).toEqual({
        issues: [{ path: 'body.timeZone', message: expect.stringContaining('IANA time zone') }],
      });
      expect(
        await server.deps.db.selectFrom('users').where('email', '=', 'tz@example.com').selectAll().execute(),
      ).toEqual([]);
    });

    it('refuses unknown fields, wrong types, short passwords and bad emails together', async () => {
      const response = await fetch(`${server.url}/api/v1/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'nope',
          password: 'short',
          displayName: 42,
          timeZone: 'UTC',
          admin: true,
        }),
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as {
        error: { code: string; details: { issues: Array<{ path: string }> } };
      };
      expect(error.code).toBe('request.invalid');
      const paths = error.details.issues.map((issue) => issue.path);
      expect(paths).toEqual(
        expect.arrayContaining(['body.email', 'body.password', 'body.displayName', 'body']),
      );
    });

    it('answers wrong password and unknown email with the same error', async () => {
      const user = await signUpUser(server.url);
      const client = browserClient(server.url);
      const wrong = await expectApiError(
        client.api.call(signIn, { body: { email: user.email, password: 'not-the-password' } }),
        'auth.invalid_credentials',
        401,
      );
      const unknown = await expectApiError(
        client.api.call(signIn, { body: { email: 'ghost@example.com', password: 'whatever-pass' } }),
        'auth.invalid_credentials',
        401,
      );
      expect(wrong.message).toBe(unknown.message);
    });

    it('keeps the session in an httpOnly SameSite cookie and ends it on sign-out', async () => {
      const user = await signUpUser(server.url);
      const client = browserClient(server.url);
      const response = await client.fetch(`${server.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      const cookie = response.headers.getSetCookie().join('\n');
      expect(cookie).toMatch(/recital_session=rss_/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      client.setCsrf(csrfToken);
      expect((await client.api.call(getSession, {})).csrfToken).toBe(csrfToken);
      const stolenCookie = client.fetch.cookies.get('recital_session');
      await client.api.call(signOut, {});
      await expectApiError(client.api.call(getMe, {}), 'auth.required', 401);
      const replay = await fetch(`${server.url}/api/v1/me`, {
        headers: { cookie: `recital_session=${stolenCookie}` },
      });
      expect(replay.status).toBe(401);
    });

    it('requires the session CSRF token and a same-site origin on cookie-authenticated writes', async () => {
      const user = await signUpUser(server.url);
      const other = await signUpUser(server.url);
      const body = JSON.stringify({ displayName: 'Changed' });
      const cookie = `recital_session=${user.fetch.cookies.get('recital_session')}`;
      const attempt = (headers: Record<string, string>) =>
        fetch(`${server.url}/api/v1/me`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', cookie, ...headers },
          body,
        });
      expect((await attempt({})).status).toBe(403);
      expect((await attempt({ 'x-csrf-token': other.csrfToken })).status).toBe(403);
      expect((await attempt({ 'x-csrf-token': user.csrfToken, origin: 'https://evil.example' })).status).toBe(
        403,
      );
      const refused = (await (await attempt({})).json()) as { error: { code: string } };
      expect(refused.error.code).toBe('auth.csrf_failed');
      expect((await user.api.call(getMe, {})).displayName).not.toBe('Changed');
      expect((await attempt({ 'x-csrf-token': user.csrfToken })).status).toBe(200);
    });

    it('changes the display name and time zone, validating the zone', async () => {
      const user = await signUpUser(server.url);
      const updated = await user.api.call(updateMe, {
        body: { displayName: '  Grace  ', timeZone: 'Asia/Kolkata' },
      });
      expect(updated).toMatchObject({ displayName: 'Grace', timeZone: 'Asia/Kolkata' });
      await expectApiError(user.api.call(updateMe, { body: { timeZone: '+05:30' } }), 'request.invalid', 400);
      await expectApiError(user.api.call(updateMe, { body: {} }), 'request.invalid', 400);
      expect((await user.api.call(getMe, {})).timeZone).toBe('Asia/Kolkata');
    });
  });

  describe('when two first sign-ups race', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ dialect, env: { RECITAL_SIGNUP: 'invite' } });
    });
    afterAll(() => server.close());

    it('makes exactly one of them the owner', async () => {
      const attempts = await Promise.allSettled(
        [1, 2, 3, 4].map((n) =>
          browserClient(server.url).api.call(signUp, {
            body: {
              email: `racer${n}@example.com`,
              password: 'long-enough-pw',
              displayName: `Racer ${n}`,
              timeZone: 'UTC',
            },
          }),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const owners = await server.deps.db.selectFrom('users').select('instance_role').execute();
      expect(owners).toEqual([{ instance_role: 'owner' }]);
    });
  });
});
