import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/helpers/server.js';
import { type ApiError, createApiClient } from '../contracts/client.js';
import { exchangeCredentials, getMe, previewInvitation, signUp } from '../contracts/index.js';
import type { CliDeps } from './context.js';
import { createCredentialStore } from './credentials.js';
import { fakeTerminal, runInProcess } from './testing.js';

const owner = { email: 'ada@example.com', password: 'correct horse battery', displayName: 'Ada Lovelace' };

describe('recital CLI against a real server', () => {
  let server: { url: string; close(): Promise<void> };
  let configDir: string;
  const run = (argv: string[], overrides: Partial<CliDeps> = {}) =>
    runInProcess(argv, { configDir, fetch: globalThis.fetch, ...overrides });
  const stored = () => createCredentialStore({ dir: configDir, warn: () => undefined }).read();
  const login = () =>
    run(['login', server.url, '--email', owner.email, '--password-stdin'], {
      terminal: fakeTerminal({ stdin: `${owner.password}\n` }),
    });

  beforeAll(async () => {
    server = await startTestServer();
    configDir = await mkdtemp(join(tmpdir(), 'recital-cli-it-'));
    const api = createApiClient({ baseUrl: server.url });
    await api.call(signUp, { body: { ...owner, timeZone: 'Europe/London' } });
  });
  afterAll(async () => {
    await server?.close();
    await rm(configDir, { recursive: true, force: true });
  });

  it('refuses a wrong password and stores nothing', async () => {
    const result = await run(['login', server.url, '--email', owner.email, '--password-stdin'], {
      terminal: fakeTerminal({ stdin: 'not the password' }),
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('error: The email or password is wrong.');
    expect(await stored()).toBeNull();
  });

  it('logs in, storing a named token readable by the owner only', async () => {
    const result = await login();
    expect(result).toEqual({
      exitCode: 0,
      stdout: `Logged in to ${server.url} as ${owner.email}.\n`,
      stderr: '',
    });
    const credentials = await stored();
    expect(credentials).toMatchObject({ url: server.url, email: owner.email, tokenId: expect.any(String) });
    const path = join(configDir, 'credentials.json');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('shows who is logged in', async () => {
    const human = await run(['whoami']);
    expect(human.stdout).toContain('Ada Lovelace <ada@example.com>');
    expect(human.stdout).toContain(`Server  ${server.url}`);
    const json = await run(['whoami', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      url: server.url,
      user: { email: owner.email, instanceRole: 'owner' },
    });
  });

  it('creates, lists and invites to workspaces', async () => {
    const created = await run([
      'workspace',
      'create',
      'Spring cohort',
      '--kind',
      'cohort',
      '--slug',
      'spring',
    ]);
    expect(created).toMatchObject({ exitCode: 0, stderr: '' });
    expect(created.stdout).toMatch(/^Created cohort workspace "Spring cohort" \(slug spring, id .+\)\.\n$/);

    const listed = await run(['workspace', 'list', '--json']);
    const { workspaces } = JSON.parse(listed.stdout) as { workspaces: { slug: string; myRoles: string[] }[] };
    expect(workspaces).toEqual([
      expect.objectContaining({ slug: 'spring', kind: 'cohort', myRoles: ['organizer'] }),
    ]);
    expect((await run(['workspace', 'list'])).stdout).toMatch(
      /^ID +SLUG +NAME +KIND +ROLES\n.+ +spring +Spring cohort +cohort +organizer\n$/,
    );

    const invited = await run([
      'workspace',
      'invite',
      'spring',
      '--role',
      'builder',
      '--email',
      'grace@example.com',
    ]);
    expect(invited.exitCode).toBe(0);
    const link = invited.stdout.trim();
    const token = new URL(link).pathname.split('/').at(-1) ?? '';
    const preview = await createApiClient({ baseUrl: server.url }).call(previewInvitation, {
      params: { token },
    });
    expect(preview).toMatchObject({
      role: 'builder',
      email: 'grace@example.com',
      workspace: { name: 'Spring cohort' },
    });
  });

  it('explains refused input field by field', async () => {
    const result = await run(['workspace', 'create', 'Bad', '--slug', 'Not A Slug']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'error: The request is not valid.\n  slug: Use lowercase letters, digits and single dashes, e.g. "spring-cohort".\n',
    );
  });

  it('stores an existing token with --token, finding its id', async () => {
    const api = createApiClient({ baseUrl: server.url });
    const body = { email: owner.email, password: owner.password, name: 'pasted' };
    const created = await api.call(exchangeCredentials, { body });
    const result = await run(['login', server.url, '--token', created.secret]);
    expect(result.exitCode).toBe(0);
    expect(await stored()).toMatchObject({ token: created.secret, tokenId: created.token.id });
  });

  it('logs out, revoking the token on the server', async () => {
    const before = await stored();
    const result = await run(['logout']);
    expect(result).toEqual({ exitCode: 0, stdout: `Logged out of ${server.url}.\n`, stderr: '' });
    expect(await stored()).toBeNull();
    const revoked = createApiClient({ baseUrl: server.url, token: before?.token ?? '' });
    await expect(revoked.call(getMe, {})).rejects.toMatchObject({
      code: 'auth.required',
    } satisfies Partial<ApiError>);

    const whoami = await run(['whoami']);
    expect(whoami).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: not logged in\nhint: run `recital login <url>`\n',
    });
    const withOldToken = await run(['whoami', '--url', server.url], {
      env: { RECITAL_TOKEN: before?.token },
    });
    expect(withOldToken.exitCode).toBe(1);
    expect(withOldToken.stderr).toContain(`hint: run \`recital login ${server.url}\``);
  });

  it('says which server it cannot reach', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await run(['whoami', '--url', url], { env: { RECITAL_TOKEN: 'rct_whatever' } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error: cannot reach ${url}: .*ECONNREFUSED`));
  });
});

/** A port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 9;
}
