import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addRepository,
  createProject,
  createWorkspace,
  getRepository,
  getToday,
  importPlan,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

interface Example {
  name: string;
  examples: Record<string, unknown>[];
}
const require = createRequire(import.meta.url);
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as Example[];
const example = (event: string, pick: (payload: Record<string, unknown>) => boolean) => {
  const found = EXAMPLES.find((e) => e.name === event)?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example`);
  return structuredClone(found) as Record<string, unknown> & { commits?: Record<string, unknown>[] };
};

const SECRET = 'It’s a Secret to Everybody';
const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describeEachDialect('GitHub webhooks', (dialect) => {
  let server: TestServer;
  let builder: Awaited<ReturnType<typeof signUpWithToken>>;
  let repositoryId: string;
  let projectId: string;
  let delivery = 0;
  // Tuesday 3 March 2026, 18:00 in Los Angeles.
  const clock = fixedClock(new Date('2026-03-04T02:00:00Z'));

  beforeAll(async () => {
    server = await startTestServer({
      dialect,
      clock,
      env: { RECITAL_GITHUB_WEBHOOK_SECRET: `old-one,${SECRET}` },
    });
    // The builder commits with GitHub's private address, as the example payloads do.
    builder = await signUpWithToken(server.url, {
      email: '21031067+Codertocat@users.noreply.github.com',
      timeZone: 'America/Los_Angeles',
    });
    const workspace = await builder.client.call(createWorkspace, { body: { name: 'Solo' } });
    projectId = (
      await builder.client.call(createProject, {
        params: { workspaceId: workspace.id },
        body: { name: 'Hello' },
      })
    ).id;
    await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: '- [ ] T001 Readme\n- [ ] T002 Sign-in\n', fileName: 'tasks.md' },
    });
    repositoryId = (
      await builder.client.call(addRepository, {
        params: { projectId },
        body: { name: 'hello', githubFullName: 'Codertocat/Hello-World' },
      })
    ).id;
  }, 60_000);
  afterAll(() => server?.close());

  async function post(
    event: string,
    payload: unknown,
    options: { signature?: string | null; id?: string } = {},
  ) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    delivery += 1;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': options.id ?? `delivery-${dialect}-${delivery}`,
      'user-agent': 'GitHub-Hookshot/test',
    };
    const signature = options.signature === undefined ? sign(body) : options.signature;
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    const response = await fetch(`${server.url}/api/v1/integrations/github/webhook`, {
      method: 'POST',
      headers,
      body,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  const commitsStored = async () =>
    (await builder.client.call(getRepository, { params: { repositoryId } })).commits;

  it('refuses unsigned and forged deliveries with 401 and records nothing', async () => {
    const push = example('push', (p) => Array.isArray(p.commits) && p.commits.length > 0);
    const unsigned = await post('push', push, { signature: null, id: 'forged-1' });
    expect(unsigned).toMatchObject({ status: 401, json: { error: { code: 'github.bad_signature' } } });
    const forged = await post('push', push, {
      signature: sign(JSON.stringify(push), 'guess'),
      id: 'forged-1',
    });
    expect(forged.status).toBe(401);
    expect(await commitsStored()).toBe(0);
    // The id of a refused delivery was never recorded: the real one is accepted.
    expect((await post('push', push, { id: 'forged-1' })).json).toMatchObject({
      outcome: 'stored',
      repositories: 1,
    });
    expect(await commitsStored()).toBe(1);
  });

  it('stores a real push once, as the builder’s evidence for their local day, and ignores redelivery', async () => {
    const push = example('push', (p) => Array.isArray(p.commits) && p.commits.length > 0);
    const commit = push.commits![0]!;
    commit.id = 'c0ffee'.padEnd(40, '0');
    commit.message = 'Fixes T2: sign-in form';
    commit.timestamp = '2026-03-03T17:30:00-08:00';
    const first = await post('push', push, { id: 'push-evidence' });
    expect(first).toMatchObject({ status: 200, json: { outcome: 'stored', repositories: 1 } });
    const again = await post('push', push, { id: 'push-evidence' });
    expect(again.json).toMatchObject({ outcome: 'duplicate delivery: already received' });
    expect(await commitsStored()).toBe(2);
    const today = await builder.client.call(getToday, { params: { projectId } });
    expect(today.evidence.filter((e) => e.kind === 'commit').map((e) => [e.text, e.localDate])).toEqual([
      ['Fixes T2: sign-in form', '2026-03-03'],
    ]);
  });

  it('counts the builder’s pull request for their day, once its branch holds their commits', async () => {
    const push = example('push', (p) => Array.isArray(p.commits) && p.commits.length > 0);
    push.ref = 'refs/heads/changes';
    const commit = push.commits![0]!;
    commit.id = 'feed'.padEnd(40, '1');
    commit.message = 'Update the README';
    commit.timestamp = '2026-03-03T16:00:00-08:00';
    expect((await post('push', push)).json.outcome).toBe('stored');
    const opened = example('pull_request', (p) => p.action === 'opened');
    const pr = opened.pull_request as Record<string, unknown>;
    pr.created_at = '2026-03-03T17:00:00-08:00';
    expect((await post('pull_request', opened, { id: 'pr-opened' })).json.outcome).toBe('stored');
    expect((await post('pull_request', opened, { id: 'pr-opened-again' })).json.outcome).toBe('stored');
    const today = await builder.client.call(getToday, { params: { projectId } });
    expect(today.evidence.filter((e) => e.kind === 'pull_request').map((e) => [e.text, e.localDate])).toEqual(
      [['Opened #2: Update the README with new information.', '2026-03-03']],
    );
  });

  it('accepts every real pull_request and pull_request_review example; ignores other events', async () => {
    const events = EXAMPLES.filter((e) => e.name === 'pull_request' || e.name === 'pull_request_review');
    let n = 0;
    for (const { name, examples } of events)
      for (const payload of examples) {
        const result = await post(name, payload);
        expect({ name, action: payload.action, status: result.status }).toEqual({
          name,
          action: payload.action,
          status: 200,
        });
        n += 1;
      }
    expect(n).toBe(33);
    const issues = await post('issues', { action: 'opened', issue: { number: 1 } });
    expect(issues.json.outcome).toMatch(/^ignored/);
    const ping = await post(
      'ping',
      example('ping', () => true),
    );
    expect(ping.json.outcome).toBe('pong');
  });

  it('refuses a signed but malformed delivery, naming what is wrong', async () => {
    const push = example('push', (p) => Array.isArray(p.commits) && p.commits.length > 0);
    delete push.commits;
    const missing = await post('push', push);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.json)).toContain('commits');
    const notJson = await post('push', 'payload=%7B%7D');
    expect(notJson).toMatchObject({ status: 400, json: { error: { code: 'github.bad_payload' } } });
  });

  it('is off, and says how to turn it on, while no secret is configured', async () => {
    const bare = await startTestServer({ dialect, clock });
    try {
      const response = await fetch(`${bare.url}/api/v1/integrations/github/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'x' },
        body: '{}',
      });
      expect(response.status).toBe(404);
      expect(JSON.stringify(await response.json())).toContain('RECITAL_GITHUB_WEBHOOK_SECRET');
    } finally {
      await bare.close();
    }
  });
});
