import { migrations } from '../../src/server/db/migrations/registry.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation, createToken, createWorkspace, signIn } from '../../src/contracts/index.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { browserClient, startTestServer, type TestServer } from '../helpers/server.js';
import { signUpUser } from '../helpers/users.js';

const json = { 'content-type': 'application/json' };

describeEachDialect('HTTP edge', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      dialect,
      env: { RECITAL_BODY_LIMIT: '4096', RECITAL_AUTH_RATE_LIMIT: '5' },
    });
  });
  afterAll(() => server.close());

  it('answers unknown API routes with a JSON 404 in the error shape', async () => {
    const response = await fetch(`${server.url}/api/v1/nope?x=1`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'route.not_found', message: 'There is no endpoint GET /api/v1/nope.' },
    });
  });

  it('refuses malformed JSON, oversized bodies and other media types, writing nothing', async () => {
    const post = (body: string, headers: Record<string, string> = json) =>
      fetch(`${server.url}/api/v1/auth/sign-up`, { method: 'POST', headers, body });
    const malformed = await post('{"email": "a@b.co",');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      'request.malformed_json',
    );
    const huge = await post(
      JSON.stringify({
        email: 'big@example.com',
        password: 'x'.repeat(10_000),
        displayName: 'Big',
        timeZone: 'UTC',
      }),
    );
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('request.too_large');
    const form = await post('email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await server.deps.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const client = browserClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await client.fetch(`${server.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'nobody@example.com', password: 'guess-number-' + i }),
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'request.rate_limited',
        );
        expect(response.headers.get('retry-after')).toBeTruthy();
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', migrations: Object.keys(migrations).length });
  });

  it('publishes an OpenAPI 3.1 document generated from the same schemas', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { operationId: string; requestBody?: { content: Record<string, { schema: unknown }> } }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'signUp',
        'signIn',
        'createToken',
        'revokeToken',
        'createWorkspace',
        'setMemberRoles',
        'acceptInvitation',
      ]),
    );
    const signUpBody = JSON.stringify(doc.paths['/api/v1/auth/sign-up']?.post?.requestBody);
    expect(signUpBody).toContain('"additionalProperties":false');
    expect(signUpBody).toContain('timeZone');
  });

  it('serves the web app for page URLs and keeps API 404s as JSON', async () => {
    const page = await fetch(`${server.url}/workspaces/abc`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<html');
  });
});

describe('logs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(() => server.close());

  it('never contain passwords, tokens, invitation secrets or cookies', async () => {
    const user = await signUpUser(server.url);
    const again = browserClient(server.url);
    await again.api.call(signIn, { body: { email: user.email, password: user.password } });
    const token = await user.api.call(createToken, { body: { name: 'secret-check' } });
    await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token.secret}` } });
    const space = await user.api.call(createWorkspace, { body: { name: 'Logs' } });
    const invite = await user.api.call(createInvitation, {
      params: { workspaceId: space.id },
      body: { role: 'witness' },
    });
    await fetch(`${server.url}/api/v1/invitations/${invite.token}`);
    await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: json,
      body: '{"email":"x@y.z","password":"',
    });
    const logs = server.logs();
    expect(logs.length).toBeGreaterThan(1000);
    const session = user.fetch.cookies.get('recital_session') ?? 'missing';
    for (const secret of [user.password, token.secret, invite.token, session, user.csrfToken]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).toContain('/api/v1/invitations/inv_[redacted]');
  });
});
