import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileProjectSchedule,
  getCohort,
  getForecast,
  importPlan,
  listWitnessed,
  listNotifications,
  submitCheckpoint,
  updateWorkspace,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject, type TestUser } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';
import { FOUR_BY_TWO_PLAN, workHistory } from '../helpers/work-history.js';

describeEachDialect('forecasts from the builder’s own pace', (dialect) => {
  let server: TestServer;
  let builder: TestUser;
  let witness: TestUser;
  let organizer: TestUser;
  let workspaceId: string;
  let projectId: string;
  const { moveTo, work } = workHistory(
    () => server.url,
    () => builder,
    () => projectId,
  );
  const forecastOf = (user: TestUser) => user.client.call(getForecast, { params: { projectId } });

  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 in Los Angeles (UTC−8 until the clocks move on Sunday the 8th).
    server = await startTestServer({
      dialect,
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1' },
    });
    ({ organizer, builder, witness, workspaceId, projectId } = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Europe/Berlin',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
      plan: FOUR_BY_TWO_PLAN,
    }));
  });
  afterAll(() => server.close());

  describe('with no history yet', () => {
    it('widens the plan’s estimates by typical error, says so, and gives the same numbers all day', async () => {
      const forecast = await forecastOf(builder);
      expect(forecast).toMatchObject({
        today: '2026-03-02',
        timeZone: 'America/Los_Angeles',
        atRiskBelow: 0.7,
        trials: 10_000,
        pace: { historyDays: 0, finishedTasks: 0, skipRate: 0 },
        calibration: null,
      });
      expect(forecast.note).toMatch(/^No judged days yet, so no pace of your own/);
      const [week1, week2] = forecast.checkpoints;
      expect(week1).toMatchObject({
        checkpointId: 'cp-week-1',
        kind: 'forecast',
        method: 'ebs',
        coldStart: true,
        openTasks: 4,
        openMinutes: 240,
      });
      expect(week1?.note).toMatch(/^Based on 0 days of history: too little to know your pace/);
      // Work for week 1 comes first, so week 2's forecast carries it.
      expect(week2).toMatchObject({ checkpointId: 'cp-week-2', openTasks: 4, openMinutes: 720 });
      for (const checkpoint of forecast.checkpoints) {
        expect(checkpoint.probability).toBeGreaterThan(0);
        expect(checkpoint.probability).toBeLessThan(1);
        expect(checkpoint.p50! <= checkpoint.p85! && checkpoint.p85! <= checkpoint.p95!).toBe(true);
        expect(checkpoint.p50! >= '2026-03-02').toBe(true);
        // Whatever the chance, a cold start flags nothing: it knows the plan, not the builder.
        expect(checkpoint.atRisk).toBe(false);
      }
      expect(week1!.p85! < week2!.p85!).toBe(true);
      expect(week1?.throughput).toMatchObject({ kind: 'unknown', probability: null });
      expect(await forecastOf(witness)).toEqual(forecast);
    });

    it('reads the date in the builder’s zone, east of UTC too, and is hidden from strangers', async () => {
      const east = await committedProject(server.url, {
        builderZone: 'Asia/Tokyo',
        witnessZone: 'Asia/Tokyo',
        dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
      });
      const tokyo = await east.builder.client.call(getForecast, { params: { projectId: east.projectId } });
      expect(tokyo.today).toBe('2026-03-03'); // 02:00 on Tuesday in Tokyo
      expect(tokyo.checkpoints.map((c) => c.kind)).toEqual(['forecast', 'forecast']);
      const stranger = await signUpWithToken(server.url, { timeZone: 'Europe/London' });
      await expectApiError(
        stranger.client.call(getForecast, { params: { projectId } }),
        'projects.not_found',
        404,
      );
      await expectApiError(
        east.builder.client.call(getForecast, { params: { projectId } }),
        'projects.not_found',
        404,
      );
    });
  });

  describe('after a week of work', () => {
    beforeAll(async () => {
      // Each hour-long task takes 90 minutes; Thursday is skipped.
      await work('2026-03-04T02:00:00Z', 'week-1.t1', 90); // Tue 18:00
      await work('2026-03-05T02:00:00Z', 'week-1.t2', 90); // Wed
      await work('2026-03-07T02:00:00Z', 'week-1.t3', 90); // Fri
      await work('2026-03-07T03:30:00Z', 'week-1.t4', 90, false); // one sitting, nothing logged
      await builder.client.call(submitCheckpoint, {
        params: { projectId, checkpointId: 'cp-week-1' },
        body: { proof: [{ kind: 'text', text: 'Sign-in works' }] },
      });
      await work('2026-03-10T01:00:00Z', 'week-2.t1', 180); // Mon 18:00, now UTC−7
      await moveTo('2026-03-10T16:00:00Z'); // Tue 10 March, 09:00
    });

    it('learns the pace, keeping the skipped day apart from slow ones', async () => {
      const forecast = await forecastOf(builder);
      expect(forecast.pace).toEqual({
        historyDays: 5,
        workedDays: 4,
        skippedDays: 1,
        finishedTasks: 5,
        timedTasks: 5,
        medianDailyMinutes: 90,
        medianOverrun: 1.5,
        skipRate: 0.2,
        scopeGrowthPerDay: 0,
        projects: 1,
      });
      expect(forecast.calibration).toEqual({ factor: 1.5, tasks: 5, historyDays: 5 });
      expect(forecast.note).toMatch(
        /^Based on 5 judged days across 1 project, 5 timed tasks, 20% of planned days skipped/,
      );
    });

    it('forecasts the open checkpoint from it, and flags it at risk before it is missed', async () => {
      const forecast = await forecastOf(builder);
      const [week1, week2] = forecast.checkpoints;
      expect(week1).toMatchObject({ status: 'submitted', kind: 'done', probability: null, atRisk: false });
      expect(week1?.note).toBe('Submitted: waiting for the witness.');
      // 6 estimated hours left at 1.5× is 9 hours; Tuesday to Friday has 8.
      expect(week2).toMatchObject({
        status: 'pending',
        kind: 'forecast',
        method: 'ebs',
        coldStart: false,
        openTasks: 3,
        openMinutes: 360,
        probability: 0,
        atRisk: true,
        // Without a skip it would be Monday the 16th; a fifth of days skipped makes that less than even.
        p50: '2026-03-17',
      });
      expect(week2!.p95! > week2!.p50!).toBe(true); // skipped days widen it
      expect(week2?.note).toBe(
        'Based on 5 days of history and 5 finished tasks with known times (10,000 simulated runs).',
      );
      expect(week2?.throughput).toMatchObject({
        kind: 'unknown',
        note: 'Too little history to sample daily output: 4 days worked so far, 5 needed.',
      });
      expect(forecast.cone.from).toEqual({ date: '2026-03-10', minutes: 360 });
      expect(forecast.cone.p50).toContainEqual({ date: '2026-03-17', minutes: 720 });
    });

    it('tells the builder and the witness once when a checkpoint is at risk', async () => {
      const alerts = async (user: TestUser) =>
        (await user.client.call(listNotifications, { query: {} })).items.filter(
          (n) => n.kind === 'checkpoint.at_risk' && n.title.includes('Week 2'),
        );
      // Not during the first week: a cold start flags nothing. Once the pace was the builder's own, at once.
      const [first, ...more] = await alerts(builder);
      expect(more).toEqual([]);
      expect(first?.body).toMatch(
        /^The chance it holds by 2026-03-13 is <1%, under the 70% threshold\. Likely done 2026-03-17; 85% sure by 2026-03-\d\d\. Based on 5 days of history/,
      );
      expect(first?.url).toBe(`/projects/${projectId}/checkpoints/cp-week-2`);
      expect(await alerts(witness)).toHaveLength((await alerts(builder)).length);
      const before = (await alerts(builder)).length;
      await moveTo('2026-03-10T16:05:00Z'); // the sweep runs again: nothing changed, nothing new
      expect(await alerts(builder)).toHaveLength(before);
    });

    it('shows at-risk checkpoints to the witness and in the cohort console before they are missed', async () => {
      const witnessed = (await witness.client.call(listWitnessed, {})).projects.find(
        (p) => p.projectId === projectId,
      );
      expect(witnessed?.atRisk).toEqual([
        {
          id: 'cp-week-2',
          title: expect.stringContaining('Week 2'),
          dueDate: '2026-03-13',
          probability: 0,
          p85: expect.stringMatching(/^2026-03-1\d$/),
          note: expect.stringMatching(/^Based on 5 days of history/),
        },
      ]);
      expect(witnessed?.nextCheckpointChance).toMatchObject({
        probability: 0,
        atRisk: true,
        p50: '2026-03-17',
      });
      const cohort = await organizer.client.call(getCohort, { params: { workspaceId }, query: {} });
      expect(cohort.checkpoints.atRisk.map((c) => [c.id, c.chance?.probability])).toEqual([['cp-week-2', 0]]);
      // The workspace's pace pools every project in it (here, one).
      expect(cohort.pace).toMatchObject({ historyDays: 5, workedDays: 4, timedTasks: 5, projects: 1 });
      expect(cohort.builders.find((b) => b.projectId === projectId)).toMatchObject({
        atRiskCheckpoints: 1,
        nextCheckpointChance: { atRisk: true },
      });
    });

    it('uses the organizer’s threshold', async () => {
      await expectApiError(
        organizer.client.call(updateWorkspace, { params: { workspaceId }, body: { atRiskBelow: 100 } }),
        'request.invalid',
        400,
      );
      const updated = await organizer.client.call(updateWorkspace, {
        params: { workspaceId },
        body: { atRiskBelow: 50 },
      });
      expect(updated.atRiskBelow).toBe(50);
      expect((await forecastOf(builder)).atRiskBelow).toBe(0.5);
    });

    it('calibrates tomorrow’s schedule from the same history, unless the builder set a factor', async () => {
      const learned = await builder.client.call(compileProjectSchedule, { params: { projectId }, body: {} });
      expect(learned.calibration).toEqual({ factor: 1.5, source: 'history', tasks: 5, historyDays: 5 });
      // Tuesday's two hours hold one 2-hour task scheduled at 3 hours: 120 of it today.
      expect(learned.days[0]?.items[0]).toMatchObject({ minutes: 120 });
      expect(learned.checkpoints.find((c) => c.id === 'cp-week-2')?.hoursNeeded).toBe(9);
      const set = await builder.client.call(compileProjectSchedule, {
        params: { projectId },
        body: { calibrationFactor: 1.2 },
      });
      expect(set.calibration).toMatchObject({ factor: 1.2, source: 'saved' });
    });

    it('stops calling a submitted checkpoint at risk', async () => {
      await builder.client.call(submitCheckpoint, {
        params: { projectId, checkpointId: 'cp-week-2' },
        body: { proof: [{ kind: 'text', text: 'Payments work' }] },
      });
      await moveTo('2026-03-10T17:00:00Z'); // the sweep refreshes the forecasts
      const cohort = await organizer.client.call(getCohort, { params: { workspaceId }, query: {} });
      expect(cohort.checkpoints.atRisk).toEqual([]);
      const witnessed = (await witness.client.call(listWitnessed, {})).projects.find(
        (p) => p.projectId === projectId,
      );
      expect(witnessed?.atRisk).toEqual([]);
      expect((await forecastOf(builder)).checkpoints.map((c) => c.kind)).toEqual(['done', 'done']);
    });

    it('sees a re-plan that added work as scope growth', async () => {
      await builder.client.call(importPlan, {
        params: { projectId },
        body: {
          text: FOUR_BY_TWO_PLAN.replace('- [ ] Refunds (2h)', '- [ ] Refunds (2h)\n- [ ] Coupons (2h)'),
          fileName: 'plan.md',
          reason: 'coupons were asked for',
        },
      });
      const { pace } = await forecastOf(builder);
      // 2 hours added to the 6 that were open on Monday night (done: four 1-hour tasks and one 2-hour
      // task of 12 hours), over five judged days.
      expect(pace.scopeGrowthPerDay).toBeCloseTo(120 / 360 / 5, 4);
    });
  });
});
