import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  checkIn,
  compileProjectSchedule,
  createApiClient,
  createProject,
  createWorkspace,
  exportLedger,
  importPlan,
  listDays,
  proposeContract,
  requestPause,
  setTestClock,
  spendGrace,
  verifyLedger,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject, type TestUser } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

describeEachDialect('day verdicts', (dialect) => {
  let server: TestServer;
  let builder: Awaited<ReturnType<typeof signUpWithToken>>;
  let projectId: string;
  const moveTo = (now: string) =>
    createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });

  beforeAll(async () => {
    // Wednesday 25 March 2026 in Berlin; summer time starts on Sunday the 29th.
    server = await startTestServer({
      dialect,
      clock: fixedClock(new Date('2026-03-25T10:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1' },
    });
    builder = await signUpWithToken(server.url, { timeZone: 'Europe/Berlin' });
    const workspaceId = (await builder.client.call(createWorkspace, { body: { name: 'Evenings' } })).id;
    projectId = (
      await builder.client.call(createProject, { params: { workspaceId }, body: { name: 'Launch' } })
    ).id;
    await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: '# Launch\n\n## Week 1\n- [ ] Build (10h)\n' },
    });
    const minutesPerWeekday = { mon: 60, tue: 60, wed: 60, thu: 60, fri: 60, sat: 0, sun: 0 };
    await builder.client.call(compileProjectSchedule, {
      params: { projectId },
      body: { minutesPerWeekday, save: true },
    });
  });
  afterAll(() => server.close());

  it('judges each planned day when it ends in the builder’s zone, across a DST change and downtime', async () => {
    expect((await builder.client.call(listDays, { params: { projectId } })).verdictsFrom).toBe('2026-03-26');
    await builder.client.call(checkIn, {
      params: { projectId },
      body: { text: 'Before the commitment starts' },
    });
    await moveTo('2026-03-26T21:30:00Z'); // Thursday 22:30 in Berlin
    await builder.client.call(checkIn, {
      params: { projectId },
      body: { text: 'Set up the repo', minutes: 40 },
    });
    await moveTo('2026-03-27T23:30:00Z'); // Saturday 00:30: Thursday and Friday have ended
    let days = await builder.client.call(listDays, { params: { projectId } });
    expect(days.verdicts.map((d) => [d.date, d.verdict, d.closedAt])).toEqual([
      ['2026-03-26', 'showed_up', '2026-03-26T23:00:00.000Z'],
      ['2026-03-27', 'skipped', '2026-03-27T23:00:00.000Z'],
    ]);
    expect(days.verdicts[0]?.evidenceIds).toHaveLength(1);
    // The server is "down" over the weekend and Monday; Tuesday 08:00 (summer time) it catches up.
    await moveTo('2026-03-31T06:00:00Z');
    days = await builder.client.call(listDays, { params: { projectId } });
    expect(days.verdicts.map((d) => [d.date, d.verdict, d.closedAt])).toEqual([
      ['2026-03-26', 'showed_up', '2026-03-26T23:00:00.000Z'],
      ['2026-03-27', 'skipped', '2026-03-27T23:00:00.000Z'],
      ['2026-03-30', 'skipped', '2026-03-30T22:00:00.000Z'],
    ]);
    expect(days.streak).toEqual({ current: 0, longest: 1 });
    expect(days.health).toMatchObject({ state: 'slipping', consecutiveSkips: 2 });
  });

  it('records each verdict once in the ledger, however often the sweeper runs', async () => {
    await moveTo('2026-03-31T06:01:00Z');
    await moveTo('2026-03-31T06:02:00Z');
    const { entries } = await builder.client.call(exportLedger, { params: { projectId } });
    expect(entries.map((e) => [e.kind, e.payload.date, e.payload.verdict])).toEqual([
      ['day.verdict', '2026-03-26', 'showed_up'],
      ['day.verdict', '2026-03-27', 'skipped'],
      ['day.verdict', '2026-03-30', 'skipped'],
    ]);
    expect((await builder.client.call(verifyLedger, { params: { projectId } })).ok).toBe(true);
    expect((await builder.client.call(listDays, { params: { projectId } })).verdicts).toHaveLength(3);
  });

  it('excuses days with grace tokens and planned pauses, within the rules', async () => {
    // Tuesday 08:02 in Berlin. Monday closed as skipped at 00:00; the 12-hour window is still open.
    const excused = await builder.client.call(spendGrace, {
      params: { projectId },
      body: { date: '2026-03-30' },
    });
    expect(excused.verdict).toMatchObject({ date: '2026-03-30', verdict: 'grace' });
    const late = await expectApiError(
      builder.client.call(spendGrace, { params: { projectId }, body: { date: '2026-03-27' } }),
      'days.grace_refused',
      409,
    );
    expect(late.details).toEqual({ code: 'grace.window_closed' });
    const tooLate = await expectApiError(
      builder.client.call(requestPause, {
        params: { projectId },
        body: { from: '2026-03-31', to: '2026-04-01', reason: 'Flu' },
      }),
      'days.pause_refused',
      400,
    );
    expect(tooLate.message).toContain('2026-04-01');
    await builder.client.call(requestPause, {
      params: { projectId },
      body: { from: '2026-04-01', to: '2026-04-02', reason: 'Flu' },
    });
    expect((await builder.client.call(spendGrace, { params: { projectId }, body: {} })).date).toBe(
      '2026-03-31',
    );
    const none = await expectApiError(
      builder.client.call(spendGrace, { params: { projectId }, body: { date: '2026-04-03' } }),
      'days.grace_refused',
      409,
    );
    expect(none.details).toEqual({ code: 'grace.no_tokens' });
    // Before a contract: two tokens per 14-day sprint, counted from the first judged day (Thursday 26 March).
    expect((await builder.client.call(listDays, { params: { projectId } })).grace).toEqual({
      tokensPerSprint: 2,
      tokensLeft: 0,
      spentOn: ['2026-03-30', '2026-03-31'],
      sprintStart: '2026-03-26',
      renewsOn: '2026-04-09',
      renewsAt: '2026-04-08T22:00:00.000Z', // midnight in Berlin, on summer time
    });

    await moveTo('2026-04-04T06:00:00Z'); // Saturday morning
    const days = await builder.client.call(listDays, { params: { projectId } });
    expect(days.verdicts.map((d) => [d.date, d.verdict])).toEqual([
      ['2026-03-26', 'showed_up'],
      ['2026-03-27', 'skipped'],
      ['2026-03-30', 'grace'],
      ['2026-03-31', 'grace'],
      ['2026-04-01', 'paused'],
      ['2026-04-02', 'paused'],
      ['2026-04-03', 'skipped'],
    ]);
    const { entries } = await builder.client.call(exportLedger, { params: { projectId } });
    expect(entries.filter((e) => e.payload.amends === 'skipped').map((e) => e.payload.date)).toEqual([
      '2026-03-30',
    ]);
    expect((await builder.client.call(verifyLedger, { params: { projectId } })).ok).toBe(true);

    // Thursday 9 April, 00:30 in Berlin: a new sprint, and its tokens.
    await moveTo('2026-04-08T22:30:00Z');
    expect((await builder.client.call(listDays, { params: { projectId } })).grace).toMatchObject({
      tokensLeft: 2,
      spentOn: [],
      sprintStart: '2026-04-09',
      renewsOn: '2026-04-23',
    });
  });
});

describeEachDialect('grace tokens left, by the contract in force', (dialect) => {
  let server: TestServer;
  let builder: TestUser;
  let witness: TestUser;
  let projectId: string;
  const moveTo = (now: string) =>
    createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
  const graceAs = async (user: TestUser) =>
    (await user.client.call(listDays, { params: { projectId } })).grace;

  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 in Los Angeles (west of UTC; summer time from Sunday 8 March).
    server = await startTestServer({
      dialect,
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1' },
    });
    const committed = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Asia/Kolkata',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    });
    ({ builder, witness, projectId } = committed);
  });
  afterAll(() => server.close());

  it('counts the sprint in the builder’s zone and renews at its midnight, for builder and witness alike', async () => {
    expect(await graceAs(builder)).toEqual({
      tokensPerSprint: 2,
      tokensLeft: 2,
      spentOn: [],
      sprintStart: '2026-03-03',
      renewsOn: '2026-03-17',
      renewsAt: '2026-03-17T07:00:00.000Z',
    });
    // Fewer tokens is harder, so it applies at once.
    await builder.client.call(proposeContract, {
      params: { projectId },
      body: { graceTokensPerSprint: 1, reason: 'keep me honest' },
    });
    await moveTo('2026-03-03T18:00:00Z'); // Tuesday 10:00
    await builder.client.call(spendGrace, { params: { projectId }, body: {} });
    const spent = { tokensPerSprint: 1, tokensLeft: 0, spentOn: ['2026-03-03'], sprintStart: '2026-03-03' };
    expect(await graceAs(builder)).toMatchObject(spent);
    expect(await graceAs(witness)).toMatchObject(spent);

    // Tuesday 17 March has begun in UTC, but it is still Monday evening in Los Angeles.
    await moveTo('2026-03-17T06:59:00Z');
    expect(await graceAs(builder)).toMatchObject({ tokensLeft: 0, renewsOn: '2026-03-17' });
    await moveTo('2026-03-17T07:00:00Z');
    expect(await graceAs(builder)).toEqual({
      tokensPerSprint: 1,
      tokensLeft: 1,
      spentOn: [],
      sprintStart: '2026-03-17',
      renewsOn: '2026-03-31',
      renewsAt: '2026-03-31T07:00:00.000Z',
    });
  });
});
