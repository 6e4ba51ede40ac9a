import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addRepository,
  createProject,
  getCheckpoint,
  getCurrentPlan,
  getGitSettings,
  getRepository,
  getToday,
  importPlan,
  ingestCommits,
  listDays,
  listRepositories,
  listReviews,
  proposeContract,
  setTestClock,
  submitCheckpoint,
  updateGitSettings,
  createApiClient,
} from '../../src/contracts/index.js';
import { syncRepository, toCommitInput } from '../../src/cli/git-sync.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openLog } from '../../src/git/log.js';
import { runGit } from '../../src/git/run-git.js';
import { committedProject } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

/** A real repository whose commits carry the author, e-mail and instant the test chooses. */
async function gitRepo() {
  const dir = await mkdtemp(join(tmpdir(), 'recital-repo-api-'));
  await runGit(['init', '-q', '-b', 'main'], { cwd: dir });
  let n = 0;
  return {
    dir,
    async commit(message: string, who: { name: string; email: string }, at: string): Promise<string> {
      n += 1;
      await writeFile(join(dir, `file-${n}.txt`), `line ${n}\n`.repeat(n));
      await runGit(['add', '-A'], { cwd: dir });
      const env = {
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_AUTHOR_DATE: at,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_COMMITTER_DATE: at,
      };
      await runGit(['commit', '-q', '-m', message], { cwd: dir, env });
      return (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).trim();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

describeEachDialect('git evidence: repositories, sync and commits', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof committedProject>>;
  let repo: Awaited<ReturnType<typeof gitRepo>>;
  const clock = fixedClock(new Date('2026-03-02T17:00:00Z')); // Monday 09:00 in Los Angeles

  beforeAll(async () => {
    server = await startTestServer({ dialect, env: { RECITAL_TEST_CLOCK: '1' }, clock });
    world = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Asia/Kolkata',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    });
    repo = await gitRepo();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await repo?.remove();
  });

  it('connects a repository for the builder only, once per name, hidden from outsiders', async () => {
    const { builder, witness, projectId } = world;
    const params = { projectId };
    const added = await builder.client.call(addRepository, { params, body: { name: 'launch' } });
    expect(added).toMatchObject({ name: 'launch', commits: 0, tips: [], lastSyncedAt: null });
    await expectApiError(
      builder.client.call(addRepository, { params, body: { name: 'launch' } }),
      'repositories.name_taken',
      409,
    );
    await expectApiError(
      witness.client.call(addRepository, { params, body: { name: 'mine' } }),
      'repositories.not_builder',
      403,
    );
    const outsider = await signUpWithToken(server.url);
    await expectApiError(
      outsider.client.call(getRepository, { params: { repositoryId: added.id } }),
      'repositories.not_found',
      404,
    );
    await expectApiError(
      builder.client.call(addRepository, { params, body: { name: 'x', githubFullName: 'not a name' } }),
      'request.invalid',
      400,
    );
    expect((await witness.client.call(listRepositories, { params })).repositories.map((r) => r.name)).toEqual(
      ['launch'],
    );
  });

  it('syncs all branches incrementally; the builder’s commits are evidence for their local day', async () => {
    const { builder, projectId } = world;
    const repositoryId = (await builder.client.call(listRepositories, { params: { projectId } }))
      .repositories[0]!.id;
    const me = { name: 'Ada Builder', email: builder.email };
    // Tuesday 3 March, 23:30 in Los Angeles: already Wednesday in UTC, still Tuesday for the builder.
    await repo.commit('Sign-in form', me, '2026-03-03T23:30:00-08:00');
    await repo.commit(
      'Retry failed webhooks\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
      me,
      '2026-03-03T23:40:00-08:00',
    );
    await repo.commit(
      'Fix typo in README',
      { name: 'Sam Other', email: 'sam@example.com' },
      '2026-03-03T12:00:00Z',
    );
    await runGit(['checkout', '-q', '-b', 'experiment'], { cwd: repo.dir });
    await repo.commit('Try a new layout', me, '2026-03-03T23:50:00-08:00');
    await runGit(['checkout', '-q', 'main'], { cwd: repo.dir });

    const first = await syncRepository({ api: builder.client, repositoryId, repo: repo.dir, clock });
    expect(first).toMatchObject({ listed: 4, inserted: 4, duplicates: 0, evidence: 3, aiCommits: 1 });
    const stored = await builder.client.call(getRepository, { params: { repositoryId } });
    expect(stored.commits).toBe(4);
    expect(stored.defaultBranch).toBe('main');
    expect(stored.tips.map((tip) => tip.ref).sort()).toEqual([
      'HEAD',
      'refs/heads/experiment',
      'refs/heads/main',
    ]);

    // Nothing new: git lists nothing. One more commit: only it is read and sent.
    expect(await syncRepository({ api: builder.client, repositoryId, repo: repo.dir, clock })).toMatchObject({
      listed: 0,
      inserted: 0,
    });
    await repo.commit('Wednesday evening work', me, '2026-03-04T19:00:00-08:00');
    expect(await syncRepository({ api: builder.client, repositoryId, repo: repo.dir, clock })).toMatchObject({
      listed: 1,
      inserted: 1,
      evidence: 1,
    });

    // The same commits reported again (a hook re-run) are counted as known and change nothing.
    const log = await openLog({ repo: repo.dir });
    const all = [];
    for await (const commit of log.commits) all.push(toCommitInput(commit));
    const again = await builder.client.call(ingestCommits, {
      params: { repositoryId },
      body: { source: 'hook', commits: all },
    });
    expect(again).toMatchObject({ received: 5, inserted: 0, duplicates: 5, evidence: 0 });

    // Wednesday noon in Los Angeles: today's evidence is the Wednesday commit only; the ones made
    // before Tuesday's midnight there (Wednesday in UTC) belong to Tuesday.
    const ops = createApiClient({ baseUrl: server.url });
    await ops.call(setTestClock, { body: { now: '2026-03-04T20:00:00Z' } });
    const today = await builder.client.call(getToday, { params: { projectId } });
    expect(today.evidence.map((e) => [e.kind, e.text, e.localDate])).toEqual([
      ['commit', 'Wednesday evening work', '2026-03-04'],
    ]);

    // Tuesday and Wednesday were shown up by commits alone, judged in the builder's zone.
    await ops.call(setTestClock, { body: { now: '2026-03-05T10:00:00Z' } });
    const days = await builder.client.call(listDays, { params: { projectId } });
    expect(days.verdicts.map((v) => [v.date, v.verdict])).toEqual([
      ['2026-03-03', 'showed_up'],
      ['2026-03-04', 'showed_up'],
    ]);
  });

  it('pre-checks cited commits: seen by Recital, and made inside the checkpoint window', async () => {
    const { builder, projectId } = world;
    const repositoryId = (await builder.client.call(listRepositories, { params: { projectId } }))
      .repositories[0]!.id;
    const me = { name: 'Ada Builder', email: builder.email };
    // Before the commitment (Monday 2 March in Los Angeles): not work for this checkpoint.
    const old = await repo.commit('Old prototype', me, '2026-02-27T10:00:00-08:00');
    await syncRepository({ api: builder.client, repositoryId, repo: repo.dir, clock });
    const log = await openLog({ repo: repo.dir });
    const shas: string[] = [];
    for await (const commit of log.commits) if (commit.message === 'Sign-in form') shas.push(commit.sha);
    const signIn = shas[0]!;
    const params = { projectId, checkpointId: 'cp-week-1' };
    await builder.client.call(submitCheckpoint, {
      params,
      body: {
        proof: [
          { kind: 'commits', shas: [signIn.slice(0, 7)] },
          { kind: 'commits', shas: ['f00f00f', old] },
          { kind: 'commit_range', from: old, to: signIn },
        ],
      },
    });
    const checks = (await builder.client.call(getCheckpoint, { params })).submissions[0]!.checks;
    expect(checks.map((c) => [c.item, c.status, c.detail])).toEqual([
      [0, 'passed', '1 commit found, made inside the checkpoint window (2026-03-04)'],
      [
        1,
        'failed',
        `f00f00f is not in any connected repository (run \`recital sync\`); ${old.slice(0, 10)} was made 2026-02-27, before this checkpoint's window opened`,
      ],
      [2, 'passed', '1 commit found, made inside the checkpoint window (2026-03-04)'],
    ]);
    // The witness weighs it against the builder's commits since the commitment (not the older one).
    const queue = await world.witness.client.call(listReviews, {});
    expect(queue.items[0]?.evidence).toMatchObject({ since: '2026-03-02', commits: 4, aiCommits: 1 });
  });

  it('reads commits with the workspace’s attribution rules and exclusions, set by organizers', async () => {
    const { organizer, builder, workspaceId, projectId } = world;
    const params = { workspaceId };
    expect(await builder.client.call(getGitSettings, { params })).toEqual({
      attributionRules: [],
      generatedPatterns: [],
      botPatterns: [],
    });
    const bad = await expectApiError(
      organizer.client.call(updateGitSettings, {
        params,
        body: {
          attributionRules: [{ match: { messagePattern: '(unclosed' }, kind: 'ai_authored', label: 'x' }],
        },
      }),
      'request.invalid',
      400,
    );
    expect(bad.message).toContain('body.attributionRules[0].match.messagePattern');
    await expectApiError(
      builder.client.call(updateGitSettings, { params, body: { generatedPatterns: ['fixtures/**'] } }),
      'access.forbidden',
      403,
    );
    const rules = [
      {
        match: { authorEmail: '*@agents.example.com' },
        kind: 'ai_authored' as const,
        label: 'agents mailbox',
      },
    ];
    await organizer.client.call(updateGitSettings, {
      params,
      body: { attributionRules: rules, generatedPatterns: ['fixtures/**'] },
    });
    const repositoryId = (await builder.client.call(listRepositories, { params: { projectId } }))
      .repositories[0]!.id;
    const result = await builder.client.call(ingestCommits, {
      params: { repositoryId },
      body: {
        source: 'hook',
        commits: [
          {
            sha: 'e'.repeat(40),
            parents: [],
            authorName: 'Agent Smith',
            authorEmail: 'smith@agents.example.com',
            authoredAt: '2026-03-04T10:00:00-08:00',
            committerName: 'Agent Smith',
            committerEmail: 'smith@agents.example.com',
            committedAt: '2026-03-04T10:00:00-08:00',
            message: 'Regenerate fixtures',
            files: [{ path: 'fixtures/big.json', added: 900, deleted: 0 }],
          },
        ],
      },
    });
    expect(result).toMatchObject({ inserted: 1, aiCommits: 1, evidence: 0 });
  });

  it('refuses a malformed report, saying where, and writes nothing', async () => {
    const { builder, projectId } = world;
    const repositoryId = (await builder.client.call(listRepositories, { params: { projectId } }))
      .repositories[0]!.id;
    const before = (await builder.client.call(getRepository, { params: { repositoryId } })).commits;
    const good = {
      sha: 'b'.repeat(40),
      parents: [],
      authorName: 'Ada',
      authorEmail: builder.email,
      authoredAt: '2026-03-04T10:00:00-08:00',
      committerName: 'Ada',
      committerEmail: builder.email,
      committedAt: '2026-03-04T10:00:00-08:00',
      message: 'ok',
      files: [],
    };
    const error = await expectApiError(
      builder.client.call(ingestCommits, {
        params: { repositoryId },
        body: { source: 'sync', commits: [good, { ...good, sha: 'not-a-sha' }] },
      }),
      'request.invalid',
      400,
    );
    expect(JSON.stringify(error.details)).toContain('commits');
    expect(JSON.stringify(error.details)).toContain('40');
    expect((await builder.client.call(getRepository, { params: { repositoryId } })).commits).toBe(before);
    await expectApiError(
      world.witness.client.call(ingestCommits, {
        params: { repositoryId },
        body: { source: 'sync', commits: [] },
      }),
      'repositories.not_builder',
      403,
    );
  });

  it('links commits to the plan’s tasks by T-ids and branch names', async () => {
    const { builder, workspaceId } = world;
    const project = await builder.client.call(createProject, {
      params: { workspaceId },
      body: { name: 'Spec' },
    });
    await builder.client.call(importPlan, {
      params: { projectId: project.id },
      body: {
        text: '# Tasks\n\n- [ ] T001 Set up\n- [ ] T002 Sign-in\n- [ ] T003 Billing\n',
        fileName: 'tasks.md',
      },
    });
    const repository = await builder.client.call(addRepository, {
      params: { projectId: project.id },
      body: { name: 'spec' },
    });
    const me = { name: 'Ada Builder', email: builder.email };
    const other = await gitRepo();
    try {
      await other.commit('Fixes T2: sign-in form\n\nSee also T003.', me, '2026-03-04T10:00:00-08:00');
      const result = await syncRepository({
        api: builder.client,
        repositoryId: repository.id,
        repo: other.dir,
        clock,
      });
      expect(result).toMatchObject({ inserted: 1, taskLinks: 2, tasksClosed: 0 });

      // Once the contract says commits close tasks, a merged "fixes" closes; one on a branch does not.
      await builder.client.call(proposeContract, {
        params: { projectId: project.id },
        body: {
          minutesPerWeekday: { mon: 60, tue: 60, wed: 60, thu: 60, fri: 60, sat: 0, sun: 0 },
          checkpoints: [],
          witnesses: [world.witness.email],
          commitsCloseTasks: true,
        },
      });
      await other.commit('Fixes T2: sign-in form, for real', me, '2026-03-04T11:00:00-08:00');
      await runGit(['checkout', '-q', '-b', 'billing'], { cwd: other.dir });
      await other.commit('Fixes T3: billing draft', me, '2026-03-04T12:00:00-08:00');
      await runGit(['checkout', '-q', 'main'], { cwd: other.dir });
      const closing = await syncRepository({
        api: builder.client,
        repositoryId: repository.id,
        repo: other.dir,
        clock,
      });
      expect(closing).toMatchObject({ inserted: 2, tasksClosed: 1 });
      const plan = await builder.client.call(getCurrentPlan, { params: { projectId: project.id } });
      expect(plan.tasks.map((task) => [task.id, task.status])).toEqual([
        ['T001', 'todo'],
        ['T002', 'done'],
        ['T003', 'todo'],
      ]);
    } finally {
      await other.remove();
    }
  });
});
