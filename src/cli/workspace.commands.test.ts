import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, runInProcess } from './testing.js';

const env = { RECITAL_TOKEN: 'rct_env', RECITAL_URL: 'http://localhost:4000' };
const workspace = (id: string, slug: string, name: string, myRoles: string[]) => ({
  id,
  slug,
  name,
  kind: 'cohort',
  createdAt: '2025-01-01T00:00:00.000Z',
  myRoles,
});
const workspaces = [
  workspace('ws_1', 'spring', 'Spring cohort', ['organizer', 'witness']),
  workspace('ws_22', 'solo-plan', 'My plan', ['builder']),
];

describe('workspace list', () => {
  it('prints a table for people', async () => {
    const api = fakeApi({ 'GET /api/v1/workspaces': { status: 200, body: { workspaces } } });
    const result = await runInProcess(['workspace', 'list'], { env, fetch: api.fetch });
    expect(result.stdout).toBe(
      [
        'ID     SLUG       NAME           KIND    ROLES',
        'ws_1   spring     Spring cohort  cohort  organizer, witness',
        'ws_22  solo-plan  My plan        cohort  builder',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON for scripts, and says so when there is nothing yet', async () => {
    const api = fakeApi({ 'GET /api/v1/workspaces': { status: 200, body: { workspaces: [] } } });
    const json = await runInProcess(['--json', 'workspace', 'list'], { env, fetch: api.fetch });
    expect(JSON.parse(json.stdout)).toEqual({ workspaces: [] });
    const human = await runInProcess(['workspace', 'list'], { env, fetch: api.fetch });
    expect(human.stdout).toMatch(/^No workspaces yet/);
  });
});

describe('workspace create', () => {
  it('sends the name, kind and slug and confirms', async () => {
    const api = fakeApi({
      'POST /api/v1/workspaces': (request) => ({
        status: 201,
        body: { ...workspace('ws_3', 'autumn', 'Autumn', ['organizer']), ...(request.body as object) },
      }),
    });
    const argv = ['workspace', 'create', 'Autumn', '--kind', 'team', '--slug', 'autumn'];
    const result = await runInProcess(argv, { env, fetch: api.fetch });
    expect(api.requests[0]?.body).toEqual({ name: 'Autumn', kind: 'team', slug: 'autumn' });
    expect(result.stdout).toBe('Created team workspace "Autumn" (slug autumn, id ws_3).\n');
  });

  it('defaults to a solo workspace and lets the server pick the slug', async () => {
    const api = fakeApi({
      'POST /api/v1/workspaces': { status: 201, body: workspace('ws_3', 'x', 'X', []) },
    });
    await runInProcess(['workspace', 'create', 'X'], { env, fetch: api.fetch });
    expect(api.requests[0]?.body).toEqual({ name: 'X', kind: 'solo' });
  });

  it('shows the field issues of a refused request', async () => {
    const details = {
      issues: [{ path: ['slug'], message: 'Use lowercase letters, digits and single dashes.' }],
    };
    const api = fakeApi({
      'POST /api/v1/workspaces': {
        status: 400,
        body: apiError('request.invalid', 'The request is not valid.', details),
      },
    });
    const result = await runInProcess(['workspace', 'create', 'X', '--slug', 'Bad Slug'], {
      env,
      fetch: api.fetch,
    });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: The request is not valid.\n  slug: Use lowercase letters, digits and single dashes.\n',
    });
  });
});

describe('workspace invite', () => {
  const created = {
    invitation: {
      id: 'inv_1',
      workspaceId: 'ws_1',
      role: 'witness',
      email: 'grace@example.com',
      createdBy: 'usr_1',
      createdAt: '2025-01-01T00:00:00.000Z',
      expiresAt: '2025-01-04T00:00:00.000Z',
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    },
    url: 'http://localhost:4000/invite/secret-token',
    token: 'secret-token',
  };
  const routes = {
    'GET /api/v1/workspaces': { status: 200, body: { workspaces } },
    'POST /api/v1/workspaces/ws_1/invitations': { status: 201, body: created },
  };

  it('resolves a slug, creates the invitation and prints only the link on stdout', async () => {
    const api = fakeApi(routes);
    const argv = [
      'workspace',
      'invite',
      'spring',
      '--role',
      'witness',
      '--email',
      'grace@example.com',
      '--expires-days',
      '3',
    ];
    const result = await runInProcess(argv, { env, fetch: api.fetch });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('http://localhost:4000/invite/secret-token\n');
    expect(result.stderr).toContain('Invitation to "Spring cohort" as witness for grace@example.com');
    expect(api.requests[1]?.body).toEqual({ role: 'witness', email: 'grace@example.com', expiresInDays: 3 });
  });

  it('accepts an id as well', async () => {
    const api = fakeApi(routes);
    const result = await runInProcess(['workspace', 'invite', 'ws_1', '--role', 'builder', '--json'], {
      env,
      fetch: api.fetch,
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ url: created.url, invitation: { id: 'inv_1' } });
    expect(api.requests[1]?.body).toEqual({ role: 'builder' });
  });

  it('explains an unknown workspace with a hint', async () => {
    const api = fakeApi(routes);
    const result = await runInProcess(['workspace', 'invite', 'autumn', '--role', 'builder'], {
      env,
      fetch: api.fetch,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'error: no workspace "autumn" among yours\nhint: run `recital workspace list` to see their ids and slugs\n',
    );
  });
});
