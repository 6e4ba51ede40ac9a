import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createApiClient,
  createToken,
  exchangeCredentials,
  getMe,
  listTokens,
  revokeToken,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer, tokenClient } from '../helpers/server.js';
import { signUpUser, signUpWithToken } from '../helpers/users.js';

describeEachDialect('personal API tokens', (dialect) => {
  const clock = fixedClock(new Date('2026-03-28T12:00:00Z'));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect, clock });
  });
  afterAll(() => server.close());

  it('shows the secret once, stores only its hash, and lists tokens without secrets', async () => {
    const user = await signUpUser(server.url);
    const created = await user.api.call(createToken, { body: { name: 'laptop CLI' } });
    expect(created.secret).toMatch(/^rct_[A-Za-z0-9_-]{43}$/);
    expect(created.token.prefix).toBe(created.secret.slice(0, 10));
    const stored = await server.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.token.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(created.secret);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await user.api.call(listTokens, {});
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed.tokens.map((t) => t.name)).toContain('laptop CLI');
  });

  it('authenticates with the token and records when it was last used', async () => {
    const user = await signUpWithToken(server.url);
    clock.advance(5 * 60_000);
    expect((await user.client.call(getMe, {})).id).toBe(user.user.id);
    const [token] = (await user.client.call(listTokens, {})).tokens;
    expect(token?.lastUsedAt).toBe(clock.now().toISOString());
  });

  it('stops a revoked token at once', async () => {
    const user = await signUpWithToken(server.url);
    expect((await user.client.call(getMe, {})).id).toBe(user.user.id);
    await user.client.call(revokeToken, { params: { tokenId: user.tokenId } });
    const error = await expectApiError(user.client.call(getMe, {}), 'auth.required', 401);
    expect(error.message).toMatch(/revoked/);
  });

  it("answers 404 for another user's token and leaves it working", async () => {
    const alice = await signUpWithToken(server.url);
    const bob = await signUpWithToken(server.url);
    await expectApiError(
      bob.client.call(revokeToken, { params: { tokenId: alice.tokenId } }),
      'tokens.not_found',
      404,
    );
    expect((await alice.client.call(getMe, {})).id).toBe(alice.user.id);
  });

  it('refuses an expired token', async () => {
    const user = await signUpUser(server.url);
    const created = await user.api.call(createToken, { body: { name: 'short', expiresInDays: 1 } });
    const client = tokenClient(server.url, created.secret);
    await client.call(getMe, {});
    clock.advance(86_400_000 + 1);
    await expectApiError(client.call(getMe, {}), 'auth.required', 401);
  });

  it('exchanges email and password for a token (CLI login) and refuses bad credentials', async () => {
    const user = await signUpUser(server.url);
    const anonymous = createApiClient({ baseUrl: server.url });
    const created = await anonymous.call(exchangeCredentials, {
      body: { email: user.email, password: user.password, name: 'recital CLI' },
    });
    expect((await tokenClient(server.url, created.secret).call(getMe, {})).email).toBe(user.email);
    await expectApiError(
      anonymous.call(exchangeCredentials, {
        body: { email: user.email, password: 'wrong-password', name: 'x' },
      }),
      'auth.invalid_credentials',
      401,
    );
  });

  it('refuses malformed bearer tokens without revealing anything', async () => {
    for (const header of ['Bearer nope', 'Bearer rct_forged', 'Basic abc']) {
      const response = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: header } });
      expect(response.status).toBe(401);
    }
  });
});
