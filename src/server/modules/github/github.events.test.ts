import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseGitHubDelivery, type GitHubEvent } from './github.events.js';

type WebhookDefinition = { name: string; examples: Record<string, unknown>[] };

// GitHub's real payloads, for github.com and each GitHub Enterprise Server release the package covers.
const SOURCES = ['api.github.com', 'ghes-31', 'ghes-32', 'ghes-33', 'ghes-34', 'ghes-35'] as const;
const require = createRequire(import.meta.url);
const definitions = new Map(
  SOURCES.map((source) => [
    source,
    require(`@octokit/webhooks-examples/${source}/index.json`) as WebhookDefinition[],
  ]),
);

function examplesOf(event: string, source: (typeof SOURCES)[number] = 'api.github.com') {
  return definitions.get(source)?.find((definition) => definition.name === event)?.examples ?? [];
}

function allExamplesOf(event: string): [string, Record<string, unknown>][] {
  return SOURCES.flatMap((source) =>
    examplesOf(event, source).map((body, index): [string, Record<string, unknown>] => [
      `${source} #${index} ${typeof body.action === 'string' ? body.action : ''}`.trim(),
      body,
    ]),
  );
}

function parsed(event: string, body: unknown): GitHubEvent {
  const result = parseGitHubDelivery({ event, deliveryId: 'd-1', body });
  if (!result.ok) throw new Error(result.message);
  return result.event;
}

function badPayload(event: string, body: unknown): string {
  const result = parseGitHubDelivery({ event, deliveryId: 'd-1', body });
  if (result.ok) throw new Error(`expected ${event} to be refused`);
  expect(result.code).toBe('github.bad_payload');
  return result.message;
}

const clone = <T>(value: T): T => structuredClone(value);
const first = (event: string, where: (body: Record<string, unknown>) => boolean) => {
  const found = examplesOf(event).find(where);
  if (!found) throw new Error(`no ${event} example`);
  return clone(found);
};

describe('parseGitHubDelivery on every real example', () => {
  it.each([
    ['push', 14],
    ['pull_request', 46],
    ['pull_request_review', 11],
    ['ping', 11],
  ])('has the examples it claims for %s', (event, count) => {
    expect(allExamplesOf(event)).toHaveLength(count);
  });

  it.each(allExamplesOf('push'))('reads push %s', (_label, body) => {
    expect(parsed('push', body).kind).toBe('push');
  });

  it.each(allExamplesOf('pull_request'))('reads pull_request %s', (_label, body) => {
    expect(parsed('pull_request', body)).toMatchObject({ kind: 'pull_request', action: body.action });
  });

  it.each(allExamplesOf('pull_request_review'))('reads pull_request_review %s', (_label, body) => {
    expect(parsed('pull_request_review', body)).toMatchObject({
      kind: 'pull_request_review',
      action: body.action,
    });
  });

  it.each(allExamplesOf('ping'))('reads ping %s', (_label, body) => {
    expect(parsed('ping', body)).toMatchObject({ kind: 'ping', hookId: body.hook_id, zen: body.zen });
  });

  it('covers the pull_request actions Recital cares about, among others', () => {
    const actions = new Set(allExamplesOf('pull_request').map(([, body]) => body.action));
    for (const action of [
      'opened',
      'synchronize',
      'closed',
      'reopened',
      'ready_for_review',
      'converted_to_draft',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.size).toBeGreaterThanOrEqual(14);
  });
});

describe('push', () => {
  const branchPush = () => first('push', (body) => body.ref === 'refs/heads/master');

  it('normalises a branch push: repository, branch and commits', () => {
    expect(parsed('push', branchPush())).toEqual({
      kind: 'push',
      deliveryId: 'd-1',
      repo: {
        id: 186853002,
        fullName: 'Codertocat/Hello-World',
        htmlUrl: 'https://github.com/Codertocat/Hello-World',
        defaultBranch: 'master',
        owner: 'Codertocat',
      },
      ref: 'refs/heads/master',
      branch: 'master',
      before: '0000000000000000000000000000000000000000',
      after: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      created: true,
      deleted: false,
      forced: false,
      pusher: { name: 'Codertocat', email: '21031067+Codertocat@users.noreply.github.com' },
      sender: { login: 'Codertocat', id: 21031067 },
      commits: [
        {
          sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
          message: 'Initial commit',
          authoredAt: '2019-05-15T15:19:25.000Z',
          authorName: 'Codertocat',
          authorEmail: '21031067+Codertocat@users.noreply.github.com',
          authorLogin: 'Codertocat',
          url: 'https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246',
          distinct: true,
        },
      ],
    });
  });

  it('gives tag pushes no branch, and a deleted tag no commits', () => {
    const deletedTag = first('push', (body) => body.deleted === true);
    expect(parsed('push', deletedTag)).toMatchObject({
      ref: 'refs/tags/simple-tag',
      branch: null,
      commits: [],
    });
  });

  it('keeps a branch name with slashes whole', () => {
    const body = { ...branchPush(), ref: 'refs/heads/feature/login-form' };
    expect(parsed('push', body)).toMatchObject({ branch: 'feature/login-form' });
  });

  it("turns a commit's local offset into UTC and omits a login GitHub did not know", () => {
    const body = branchPush();
    const [commit] = body.commits as Record<string, unknown>[];
    Object.assign(commit ?? {}, {
      timestamp: '2019-05-15T23:19:25-07:00',
      author: { name: 'Someone', email: null },
    });
    const event = parsed('push', body);
    expect(event.kind === 'push' && event.commits[0]).toEqual(
      expect.objectContaining({ authoredAt: '2019-05-16T06:19:25.000Z', authorEmail: null }),
    );
    expect(event.kind === 'push' && event.commits[0]).not.toHaveProperty('authorLogin');
  });

  it('refuses a push without commits, naming the field', () => {
    const body = branchPush();
    delete body.commits;
    expect(badPayload('push', body)).toContain('(commits: missing, expected array)');
  });
});

describe('pull_request', () => {
  const closed = () => first('pull_request', (body) => body.action === 'closed');

  it('normalises an opened pull request', () => {
    const event = parsed(
      'pull_request',
      first('pull_request', (body) => body.action === 'opened'),
    );
    expect(event).toMatchObject({
      kind: 'pull_request',
      action: 'opened',
      repo: { fullName: 'Codertocat/Hello-World' },
      sender: { login: 'Codertocat', id: 21031067 },
      pr: {
        id: 279147437,
        number: 2,
        htmlUrl: 'https://github.com/Codertocat/Hello-World/pull/2',
        title: 'Update the README with new information.',
        state: 'open',
        draft: false,
        merged: false,
        mergedAt: null,
        mergeCommitSha: null,
        createdAt: '2019-05-15T15:20:33.000Z',
        closedAt: null,
        headRef: 'changes',
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        baseRef: 'master',
        author: { login: 'Codertocat', id: 21031067 },
      },
    });
  });

  it('keeps a null body null', () => {
    const withoutBody = examplesOf('pull_request').find(
      (body) => (body.pull_request as { body: unknown }).body === null,
    );
    const event = parsed('pull_request', withoutBody);
    expect(event.kind === 'pull_request' && event.pr.body).toBeNull();
  });

  it('tells a pull request closed without merging from a merged one', () => {
    expect(parsed('pull_request', closed())).toMatchObject({
      action: 'closed',
      pr: { state: 'closed', merged: false, mergedAt: null, closedAt: '2019-05-15T15:21:18.000Z' },
    });

    // The examples hold no merged pull request, so one is made from the real closed payload the way
    // GitHub reports a merge: merged, merged_at and the merge commit set.
    const merged = closed();
    Object.assign(merged.pull_request as object, {
      merged: true,
      merged_at: '2019-05-15T15:21:18Z',
      merge_commit_sha: 'c4295bd74fb0f4d1d5c6e8e2a0e5e2b0c4a8f7d1',
    });
    expect(parsed('pull_request', merged)).toMatchObject({
      pr: {
        merged: true,
        mergedAt: '2019-05-15T15:21:18.000Z',
        mergeCommitSha: 'c4295bd74fb0f4d1d5c6e8e2a0e5e2b0c4a8f7d1',
      },
    });
  });

  it('derives merged from merged_at when an action leaves merged out', () => {
    const body = closed();
    const pr = body.pull_request as Record<string, unknown>;
    delete pr.merged;
    expect(parsed('pull_request', body)).toMatchObject({ pr: { merged: false } });
    pr.merged_at = '2019-05-15T15:21:18Z';
    expect(parsed('pull_request', body)).toMatchObject({ pr: { merged: true } });
  });

  it('refuses a number sent as a string, naming the path and the likely cause', () => {
    const body = closed();
    (body.pull_request as Record<string, unknown>).number = '2';
    const message = badPayload('pull_request', body);
    expect(message).toContain('pull_request.number: expected number, received string');
    expect(message).toContain('content type application/json');
  });
});

describe('pull_request_review', () => {
  const submitted = () => first('pull_request_review', (body) => body.action === 'submitted');

  it('normalises a submitted review and the pull request it is on', () => {
    expect(parsed('pull_request_review', submitted())).toEqual({
      kind: 'pull_request_review',
      deliveryId: 'd-1',
      action: 'submitted',
      repo: expect.objectContaining({ fullName: 'Codertocat/Hello-World' }),
      sender: { login: 'Codertocat', id: 21031067 },
      review: {
        id: 237895671,
        reviewer: { login: 'Codertocat', id: 21031067 },
        body: null,
        state: 'commented',
        submittedAt: '2019-05-15T15:20:38.000Z',
        commitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        htmlUrl: 'https://github.com/Codertocat/Hello-World/pull/2#pullrequestreview-237895671',
      },
      pr: {
        number: 2,
        htmlUrl: 'https://github.com/Codertocat/Hello-World/pull/2',
        headRef: 'changes',
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        baseRef: 'master',
        author: { login: 'Codertocat', id: 21031067 },
      },
    });
  });
});

describe('other events', () => {
  it.each(['issues', 'check_run', 'workflow_run', 'star'])(
    'ignores %s without calling it an error',
    (event) => {
      const body = examplesOf(event)[0] ?? {};
      expect(parseGitHubDelivery({ event, deliveryId: 'd-9', body })).toEqual({
        ok: true,
        event: { kind: 'ignored', deliveryId: 'd-9', event, reason: expect.stringContaining(`"${event}"`) },
      });
    },
  );

  it('ignores a delivery without an event name', () => {
    expect(parsed('', {})).toMatchObject({
      kind: 'ignored',
      reason: expect.stringContaining('X-GitHub-Event'),
    });
  });
});
