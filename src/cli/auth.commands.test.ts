import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenName } from './auth.commands.js';
import { type Credentials, createCredentialStore } from './credentials.js';
import { apiError, fakeApi, fakeTerminal, runInProcess } from './testing.js';

const URL_ = 'http://localhost:4000';
const user = {
  id: 'usr_1',
  email: 'ada@example.com',
  displayName: 'Ada Lovelace',
  timeZone: 'Europe/London',
  instanceRole: 'owner',
  createdAt: '2025-01-01T00:00:00.000Z',
};
const apiToken = (id: string, prefix: string) => ({
  id,
  name: 'recital CLI on test-host',
  prefix,
  createdAt: '2025-01-01T00:00:00.000Z',
  lastUsedAt: null,
  expiresAt: null,
});

let configDir: string;
const store = () => createCredentialStore({ dir: configDir, warn: () => undefined });
const stored: Credentials = { url: URL_, token: 'rct_old', tokenId: 'tok_old', email: user.email };

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'recital-auth-'));
});
afterEach(() => rm(configDir, { recursive: true, force: true }));

const exchangeRoute = {
  'POST /api/v1/auth/tokens': {
    status: 201,
    body: { token: apiToken('tok_new', 'rct_new'), secret: 'rct_new_secret' },
  },
  'GET /api/v1/me': { status: 200, body: user },
};

describe('login', () => {
  it('asks for email and password, exchanges them for a token and stores it privately', async () => {
    const api = fakeApi(exchangeRoute);
    const terminal = fakeTerminal({ interactive: true, answers: ['ada@example.com', 'correct horse'] });
    const result = await runInProcess(['login', `${URL_}/`], { configDir, fetch: api.fetch, terminal });
    expect(result).toEqual({ exitCode: 0, stdout: `Logged in to ${URL_} as ada@example.com.\n`, stderr: '' });
    expect(terminal.questions).toEqual([
      { question: 'Email: ', secret: false },
      { question: 'Password: ', secret: true },
    ]);
    expect(api.requests[0]?.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse',
      name: 'recital CLI on test-host',
    });
    expect(api.requests[1]?.authorization).toBe('Bearer rct_new_secret');
    expect(await store().read()).toEqual({
      url: URL_,
      token: 'rct_new_secret',
      tokenId: 'tok_new',
      email: user.email,
    });
    if (process.platform !== 'win32') expect((await stat(store().path)).mode & 0o777).toBe(0o600);
  });

  it('reads the password from stdin for scripts, without its final newline, and never prints the token', async () => {
    const api = fakeApi(exchangeRoute);
    const terminal = fakeTerminal({ stdin: 'correct horse\n' });
    const argv = ['login', URL_, '--email', 'ada@example.com', '--password-stdin', '--json'];
    const result = await runInProcess(argv, { configDir, fetch: api.fetch, terminal });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ url: URL_, email: user.email, tokenId: 'tok_new' });
    expect(result.stdout + result.stderr).not.toContain('rct_new_secret');
    expect((api.requests[0]?.body as { password: string }).password).toBe('correct horse');
  });

  it('refuses to prompt when stdin is not a terminal, and --password-stdin without --email', async () => {
    const notTty = await runInProcess(['login', URL_], { configDir });
    expect(notTty.exitCode).toBe(2);
    expect(notTty.stderr).toContain('hint: pass --email and --password-stdin, or --token');
    const noEmail = await runInProcess(['login', URL_, '--password-stdin'], { configDir });
    expect(noEmail.exitCode).toBe(2);
    expect(noEmail.stderr).toContain('--password-stdin needs --email');
  });

  it('warns before sending a password over plain http to another machine', async () => {
    const api = fakeApi(exchangeRoute);
    const terminal = fakeTerminal({ stdin: 'pw' });
    const argv = ['login', 'http://recital.example.com', '--email', 'ada@example.com', '--password-stdin'];
    const result = await runInProcess(argv, { configDir, fetch: api.fetch, terminal });
    expect(result.stderr).toContain('warning: http://recital.example.com is not https');
  });

  it('explains wrong credentials and stores nothing', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/tokens': {
        status: 401,
        body: apiError('auth.invalid_credentials', 'The email or password is wrong.'),
      },
    });
    const terminal = fakeTerminal({ stdin: 'wrong' });
    const argv = ['login', URL_, '--email', 'ada@example.com', '--password-stdin'];
    const result = await runInProcess(argv, { configDir, fetch: api.fetch, terminal });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: The email or password is wrong.\nhint: check the email and password, then try again\n',
    });
    expect(await store().read()).toBeNull();
  });

  it('stores an existing token after checking it, finding its id by prefix', async () => {
    const api = fakeApi({
      'GET /api/v1/me': { status: 200, body: user },
      'GET /api/v1/tokens': {
        status: 200,
        body: { tokens: [apiToken('tok_a', 'rct_aaa'), apiToken('tok_b', 'rct_bbb')] },
      },
    });
    const result = await runInProcess(['login', URL_, '--token', 'rct_bbb_rest'], {
      configDir,
      fetch: api.fetch,
    });
    expect(result.exitCode).toBe(0);
    expect(await store().read()).toEqual({
      url: URL_,
      token: 'rct_bbb_rest',
      tokenId: 'tok_b',
      email: user.email,
    });
  });

  it('does not store a token the server refuses', async () => {
    const api = fakeApi({ 'GET /api/v1/me': { status: 401, body: apiError('auth.required', 'Sign in.') } });
    const result = await runInProcess(['login', URL_, '--token', 'rct_bad'], { configDir, fetch: api.fetch });
    expect(result.exitCode).toBe(1);
    expect(await store().read()).toBeNull();
  });

  it('revokes the token it replaces', async () => {
    await store().write(stored);
    const api = fakeApi({ ...exchangeRoute, 'DELETE /api/v1/tokens/tok_old': { status: 204 } });
    const terminal = fakeTerminal({ stdin: 'pw' });
    const argv = ['login', URL_, '--email', 'ada@example.com', '--password-stdin'];
    const result = await runInProcess(argv, { configDir, fetch: api.fetch, terminal });
    expect(result.stderr).toBe('');
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', authorization: 'Bearer rct_old' });
  });

  it('names the token after the host, within the 80 characters the server allows', () => {
    expect(tokenName('laptop')).toBe('recital CLI on laptop');
    expect(tokenName('x'.repeat(200))).toHaveLength(80);
  });
});

describe('logout', () => {
  it('revokes the token on the server and deletes it here', async () => {
    await store().write(stored);
    const api = fakeApi({ 'DELETE /api/v1/tokens/tok_old': { status: 204 } });
    const result = await runInProcess(['logout'], { configDir, fetch: api.fetch });
    expect(result).toEqual({ exitCode: 0, stdout: `Logged out of ${URL_}.\n`, stderr: '' });
    expect(api.requests).toMatchObject([{ method: 'DELETE', authorization: 'Bearer rct_old' }]);
    expect(await store().read()).toBeNull();
  });

  it('still forgets the token when the server cannot be reached, and warns', async () => {
    await store().write(stored);
    const fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    const result = await runInProcess(['logout', '--json'], { configDir, fetch });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ loggedOut: true, url: URL_, revoked: false });
    expect(result.stderr).toContain(`warning: cannot reach ${URL_}: connect ECONNREFUSED`);
    expect(await store().read()).toBeNull();
  });

  it('treats a token the server no longer knows as revoked', async () => {
    await store().write(stored);
    const api = fakeApi({
      'DELETE /api/v1/tokens/tok_old': { status: 401, body: apiError('auth.required', 'x') },
    });
    const result = await runInProcess(['logout'], { configDir, fetch: api.fetch });
    expect(result.stderr).toBe('');
  });

  it('succeeds with nothing to do when not logged in', async () => {
    expect(await runInProcess(['logout'], { configDir })).toEqual({
      exitCode: 0,
      stdout: 'Not logged in.\n',
      stderr: '',
    });
  });
});

describe('whoami', () => {
  it('shows the user and the server', async () => {
    await store().write(stored);
    const api = fakeApi({ 'GET /api/v1/me': { status: 200, body: user } });
    const result = await runInProcess(['whoami'], { configDir, fetch: api.fetch });
    expect(result.stdout).toBe(
      'User    Ada Lovelace <ada@example.com>\nRole    owner\nServer  http://localhost:4000\nToken   stored by `recital login`\n',
    );
  });

  it('prefers RECITAL_TOKEN to the stored token', async () => {
    await store().write(stored);
    const api = fakeApi({ 'GET /api/v1/me': { status: 200, body: user } });
    const result = await runInProcess(['whoami', '--json'], {
      configDir,
      fetch: api.fetch,
      env: { RECITAL_TOKEN: 'rct_env' },
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ url: URL_, tokenSource: 'RECITAL_TOKEN', user });
    expect(api.requests[0]?.authorization).toBe('Bearer rct_env');
  });

  it('never sends the stored token to another server named by --url', async () => {
    await store().write(stored);
    const api = fakeApi({});
    const result = await runInProcess(['whoami', '--url', 'https://evil.example.com'], {
      configDir,
      fetch: api.fetch,
    });
    expect(result.exitCode).toBe(1);
    expect(api.requests).toEqual([]);
    expect(result.stderr).toBe(
      `error: not logged in to https://evil.example.com (your stored credentials are for ${URL_})\n` +
        'hint: run `recital login https://evil.example.com`\n',
    );
  });

  it('tells a person who is not logged in how to log in', async () => {
    const result = await runInProcess(['whoami'], { configDir });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: not logged in\nhint: run `recital login <url>`\n',
    });
  });

  it('reports an unreachable server by its URL', async () => {
    const fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND nope') }));
    const result = await runInProcess(['whoami', '--url', 'http://nope:4000'], {
      configDir,
      fetch,
      env: { RECITAL_TOKEN: 't' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^error: cannot reach http:\/\/nope:4000: getaddrinfo ENOTFOUND nope\nhint: /,
    );
  });
});
