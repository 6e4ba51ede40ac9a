import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addRepository,
  createApiClient,
  getProjectComprehension,
  ingestCommits,
  listUnderstanding,
  recordWalkthrough,
  setTestClock,
  uploadComprehension,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

const HUMAN = '1'.repeat(40);
const AI = '2'.repeat(40);
const UNSEEN = '3'.repeat(40);

function report(builderEmail: string, unexplained: number) {
  return {
    commit: AI,
    files: [
      {
        path: 'src/retry.ts',
        lines: 40,
        authors: { [builderEmail]: 40 },
        aiLines: 30,
        unexplainedAiLines: unexplained,
        understoodBy: unexplained === 30 ? [] : [builderEmail],
        unexplainedShas: unexplained > 0 ? [AI] : [],
      },
      {
        path: 'src/app.ts',
        lines: 60,
        authors: { [builderEmail]: 60 },
        aiLines: 0,
        unexplainedAiLines: 0,
        understoodBy: [builderEmail],
      },
    ],
    totals: {
      lines: 100,
      aiLines: 30,
      unexplainedAiLines: unexplained,
      coverage: (100 - unexplained) / 100,
      busFactor: 1,
    },
    hotspots: [{ path: 'src/retry.ts', churn: 44, unexplainedAiLines: unexplained, score: 44 * unexplained }],
  };
}

describeEachDialect('comprehension: understanding facts, snapshots, trend, walkthroughs', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof committedProject>>;
  let repositoryId: string;
  const clock = fixedClock(new Date('2026-03-02T17:00:00Z'));
  const moveClock = (now: string) =>
    createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });

  beforeAll(async () => {
    server = await startTestServer({ dialect, env: { RECITAL_TEST_CLOCK: '1' }, clock });
    world = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Asia/Kolkata',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    });
    const { builder, projectId } = world;
    repositoryId = (
      await builder.client.call(addRepository, { params: { projectId }, body: { name: 'launch' } })
    ).id;
    const commit = (sha: string, message: string) => ({
      sha,
      parents: [],
      authorName: 'Ada',
      authorEmail: builder.email,
      authoredAt: '2026-03-03T10:00:00-08:00',
      committerName: 'Ada',
      committerEmail: builder.email,
      committedAt: '2026-03-03T10:00:00-08:00',
      message,
      files: [{ path: 'src/retry.ts', added: 30, deleted: 0 }],
    });
    await builder.client.call(ingestCommits, {
      params: { repositoryId },
      body: {
        source: 'sync',
        commits: [
          commit(HUMAN, 'Set up the app'),
          commit(AI, 'Retry webhooks\n\nCo-Authored-By: Claude <noreply@anthropic.com>'),
        ],
      },
    });
  }, 60_000);
  afterAll(() => server?.close());

  it('lists what Recital knows about understanding: authorship from commits', async () => {
    const { facts } = await world.witness.client.call(listUnderstanding, { params: { repositoryId } });
    expect(facts).toEqual([
      { sha: HUMAN, person: world.builder.email.toLowerCase(), kind: 'authored', source: 'commit' },
    ]);
  });

  it('keeps snapshots from the builder only, and shows the latest with a trend per sprint', async () => {
    const { builder, witness, projectId } = world;
    await expectApiError(
      witness.client.call(uploadComprehension, { params: { repositoryId }, body: report(builder.email, 30) }),
      'repositories.not_builder',
      403,
    );
    await expectApiError(
      builder.client.call(uploadComprehension, {
        params: { repositoryId },
        body: { ...report(builder.email, 30), totals: { ...report(builder.email, 30).totals, coverage: 2 } },
      }),
      'request.invalid',
      400,
    );
    await builder.client.call(uploadComprehension, {
      params: { repositoryId },
      body: report(builder.email, 30),
    });
    await moveClock('2026-03-04T18:00:00Z');
    await builder.client.call(uploadComprehension, {
      params: { repositoryId },
      body: report(builder.email, 20),
    });
    // The next sprint (14 days from Tuesday 3 March).
    await moveClock('2026-03-18T18:00:00Z');
    await builder.client.call(uploadComprehension, {
      params: { repositoryId },
      body: report(builder.email, 10),
    });

    const seen = await witness.client.call(getProjectComprehension, { params: { projectId } });
    expect(seen.canRecordWalkthrough).toBe(true);
    const [repository] = seen.repositories;
    expect(repository?.latest?.totals).toEqual(report(builder.email, 10).totals);
    expect(repository?.latest?.files.map((f) => f.path)).toEqual(['src/retry.ts', 'src/app.ts']);
    expect(repository?.period).toBe('sprint');
    expect(repository?.trend.map((p) => [p.periodStart, p.unexplainedAiLines])).toEqual([
      ['2026-03-03', 20],
      ['2026-03-17', 10],
    ]);
    expect(
      (await builder.client.call(getProjectComprehension, { params: { projectId } })).canRecordWalkthrough,
    ).toBe(false);
    const outsider = await signUpWithToken(server.url);
    await expectApiError(
      outsider.client.call(getProjectComprehension, { params: { projectId } }),
      'projects.not_found',
      404,
    );
  });

  it('records a witness’s walkthrough as review of the commits seen; never the builder’s', async () => {
    const { builder, witness } = world;
    const body = { path: 'src/retry.ts', shas: [AI, UNSEEN] };
    await expectApiError(
      builder.client.call(recordWalkthrough, { params: { repositoryId }, body }),
      'comprehension.builder_walkthrough',
      403,
    );
    expect(await witness.client.call(recordWalkthrough, { params: { repositoryId }, body })).toEqual({
      recorded: 1,
    });
    expect(await witness.client.call(recordWalkthrough, { params: { repositoryId }, body })).toEqual({
      recorded: 1,
    });
    const { facts } = await builder.client.call(listUnderstanding, { params: { repositoryId } });
    expect(facts.filter((f) => f.kind === 'reviewed')).toEqual([
      { sha: AI, person: witness.email.toLowerCase(), kind: 'reviewed', source: 'walkthrough' },
    ]);
  });
});
