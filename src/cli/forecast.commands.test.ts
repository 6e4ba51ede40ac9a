import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectForecast } from '../contracts/forecast.contract.js';
import { formatPace } from './forecast.output.js';
import { runInProcess } from './testing.js';

describe('formatPace', () => {
  it('says the pace in words, and that there is none yet', () => {
    const pace: ProjectForecast['pace'] = {
      historyDays: 5,
      workedDays: 4,
      skippedDays: 1,
      finishedTasks: 5,
      timedTasks: 5,
      medianDailyMinutes: 90,
      medianOverrun: 1.5,
      skipRate: 0.2,
      scopeGrowthPerDay: 0.012,
      projects: 1,
    };
    expect(formatPace(pace)).toBe(
      'Pace: 4 days worked, 1 skipped; a worked day finishes 90 min of estimated work; tasks take 1.5× their estimates (5 timed tasks); the plan grows 1.2% a day.',
    );
    expect(formatPace({ ...pace, historyDays: 0 })).toBe('Pace: no judged days yet.');
  });
});

const PLAN = `# Launch

## Week 1: Foundations
- [ ] Set up the repo (1h)
- [ ] Sign-in page (1h)
- [ ] Profile page (1h)

## Week 2: Payments
- [ ] Stripe checkout (2h)
- [ ] Receipts (2h)
`;

describe('recital forecast against a real server', () => {
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  let env: Record<string, string> = {};
  const run = (argv: string[]) =>
    runInProcess(argv, { env, fetch: globalThis.fetch, configDir: dir, cwd: dir });

  beforeAll(async () => {
    const { startTestServer } = await import('../../test/helpers/server.js');
    const { committedProject } = await import('../../test/helpers/commitment.js');
    const { fixedClock } = await import('../core/time/clock.js');
    const api = await import('../contracts/index.js');
    // Monday 2 March 2026, 09:00 in Los Angeles.
    const test = await startTestServer({
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1' },
    });
    server = test;
    dir = await mkdtemp(join(tmpdir(), 'recital-forecast-'));
    const { builder, projectId } = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Europe/Berlin',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
      plan: PLAN,
    });
    env = { RECITAL_URL: server.url, RECITAL_TOKEN: builder.token };
    const moveTo = (now: string) =>
      api.createApiClient({ baseUrl: server.url }).call(api.setTestClock, { body: { now } });
    // Tuesday to Friday evenings: each hour-long task takes 90 minutes.
    for (const [at, taskId] of [
      ['2026-03-04T02:00:00Z', 'week-1.t1'],
      ['2026-03-05T02:00:00Z', 'week-1.t2'],
      ['2026-03-06T02:00:00Z', 'week-1.t3'],
      ['2026-03-07T02:00:00Z', 'week-2.t1'],
    ] as const) {
      await moveTo(at);
      await builder.client.call(api.startTask, { params: { projectId, taskId } });
      await builder.client.call(api.checkIn, {
        params: { projectId },
        body: { minutes: 90, taskId, text: taskId },
      });
      await builder.client.call(api.finishTask, { params: { projectId, taskId } });
    }
    await moveTo('2026-03-09T17:00:00Z'); // Monday 9 March, 10:00 (after the clocks moved)
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the chance of each checkpoint and what it rests on', async () => {
    const result = await run(['forecast']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const { stdout } = result;
    expect(stdout).toContain('Launch: forecast for Mon 2026-03-09 in America/Los_Angeles');
    expect(stdout).toContain(
      'Based on 4 judged days across 1 project, 4 timed tasks, 0% of planned days skipped',
    );
    expect(stdout).toContain('Pace: 4 days worked, 0 skipped;');
    expect(stdout).toMatch(/^CHECKPOINT\s+DUE\s+CHANCE\s+LIKELY\s+85% BY\s+95% BY\s+TITLE$/m);
    // Week 1 was due on Friday and nothing was submitted.
    expect(stdout).toMatch(/^cp-week-1\s+Fri 2026-03-06\s+missed\s+Week 1: Foundations$/m);
    expect(stdout).toMatch(/^cp-week-2\s+Fri 2026-03-13\s+(>99%|\d+%)( at risk)?\s+\w{3} 2026-03-\d\d\s+/m);
    expect(stdout).toContain('cp-week-1: Missed on 2026-03-06; it stays on the record.');
    // Four days of history: too few to trust the builder's own velocities.
    expect(stdout).toContain('cp-week-2: Based on 4 days of history: too little to know your pace');
  });

  it('prints the whole forecast as JSON for scripts', async () => {
    const result = await run(['forecast', '--json']);
    const forecast = JSON.parse(result.stdout) as ProjectForecast;
    expect(forecast).toMatchObject({
      today: '2026-03-09',
      pace: { historyDays: 4, timedTasks: 4, medianOverrun: 1.5 },
      checkpoints: [{ checkpointId: 'cp-week-1', kind: 'closed' }, { checkpointId: 'cp-week-2' }],
    });
    expect(forecast.checkpoints[1]?.openMinutes).toBe(120); // Receipts: the rest is done
  });
});
