import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  checkIn,
  createApiClient,
  finishTask,
  getBurnup,
  getCheckpoint,
  getCohort,
  getPublicStatus,
  listNotifications,
  listReviews,
  listWitnessed,
  nudgeBuilders,
  reviewCheckpoint,
  setTestClock,
  submitCheckpoint,
  updateProject,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject, type TestUser } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describeEachDialect('status page, cohort console, witnessing and live events', (dialect) => {
  let server: TestServer;
  let organizer: TestUser;
  let builder: TestUser;
  let witness: TestUser;
  let workspaceId: string;
  let projectId: string;
  const moveTo = (now: string) =>
    createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });

  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 in Berlin.
    server = await startTestServer({
      dialect,
      clock: fixedClock(new Date('2026-03-02T08:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1' },
    });
    ({ organizer, builder, witness, workspaceId, projectId } = await committedProject(server.url, {
      builderZone: 'Europe/Berlin',
      witnessZone: 'America/New_York',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    }));
    await moveTo('2026-03-03T18:00:00Z');
    await builder.client.call(finishTask, { params: { projectId, taskId: 'week-1.t1' } });
    await builder.client.call(checkIn, { params: { projectId }, body: { text: 'Repo set up', minutes: 90 } });
    await moveTo('2026-03-06T12:00:00Z'); // Tue showed up; Wed and Thu skipped
  });
  afterAll(() => server.close());

  it('publishes a status page only when the builder asks, with no sign-in and nothing private', async () => {
    await expectApiError(
      witness.client.call(updateProject, { params: { projectId }, body: { publicStatus: true } }),
      'access.forbidden',
      403,
    );
    const published = await builder.client.call(updateProject, {
      params: { projectId },
      body: { summary: 'Invoicing for freelancers', audience: 'freelance designers', publicStatus: true },
    });
    expect(published.publicToken).toMatch(/^st_[\w-]{20,}$/);
    const anonymous = createApiClient({ baseUrl: server.url });
    const status = await anonymous.call(getPublicStatus, { params: { token: published.publicToken! } });
    expect(status).toMatchObject({
      name: 'Launch',
      summary: 'Invoicing for freelancers',
      audience: 'freelance designers',
      health: 'slipping',
      today: '2026-03-06',
      lastShowedUp: '2026-03-03',
      progress: { tasksDone: 1, tasksTotal: 4, minutesDone: 120, minutesTotal: 660 },
      days: [
        { date: '2026-03-03', verdict: 'showed_up' },
        { date: '2026-03-04', verdict: 'skipped' },
        { date: '2026-03-05', verdict: 'skipped' },
      ],
      checkpoints: [
        { title: 'Week 1: Foundations', dueDate: '2026-03-06', status: 'pending' },
        { title: 'Week 2: Payments', dueDate: '2026-03-13', status: 'pending' },
      ],
    });
    expect(JSON.stringify(status)).not.toMatch(/Repo set up|@example\.com|week-1\.t1/);
    await builder.client.call(updateProject, { params: { projectId }, body: { publicStatus: false } });
    await expectApiError(
      anonymous.call(getPublicStatus, { params: { token: 'x' } }),
      'projects.not_found',
      404,
    );
    await expectApiError(
      anonymous.call(getPublicStatus, { params: { token: published.publicToken! } }),
      'projects.not_found',
      404,
    );
  });

  it('draws the burn-up: scope per plan version and work done per day', async () => {
    const burnup = await builder.client.call(getBurnup, { params: { projectId } });
    expect(burnup.points.map((p) => [p.date, p.scopeTasks, p.doneTasks])).toEqual([
      ['2026-03-02', 4, 0],
      ['2026-03-03', 4, 1],
      ['2026-03-04', 4, 1],
      ['2026-03-05', 4, 1],
      ['2026-03-06', 4, 1],
    ]);
    expect(burnup.scopeChanges).toEqual([]);
  });

  it('gives organizers the cohort console and its CSV; nobody else', async () => {
    await expectApiError(
      witness.client.call(getCohort, { params: { workspaceId }, query: {} }),
      'access.forbidden',
      403,
    );
    const cohort = await organizer.client.call(getCohort, { params: { workspaceId }, query: { days: 14 } });
    expect(cohort.builders).toHaveLength(1);
    expect(cohort.builders[0]).toMatchObject({
      projectId,
      health: 'slipping',
      committed: true,
      streak: 0,
      witnesses: [{ id: witness.user.id }],
      daysSinceEvidence: 2,
      nextCheckpoint: { id: 'cp-week-1' },
    });
    expect(cohort.builders[0]!.days.map((d) => d.verdict)).toEqual(['showed_up', 'skipped', 'skipped']);
    expect(cohort.checkpoints.upcoming.map((c) => c.id)).toEqual(['cp-week-1', 'cp-week-2']);
    expect(cohort.reviewLoad).toEqual([
      {
        witnessId: witness.user.id,
        witnessName: expect.any(String),
        builders: 1,
        waiting: 0,
        oldestWaitingSince: null,
      },
    ]);

    const csv = await fetch(`${server.url}/api/v1/workspaces/${workspaceId}/cohort.csv`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^builder,email,project,health,/);
    expect(lines[1]).toContain(`${builder.email},Launch,slipping,`);
    const denied = await fetch(`${server.url}/api/v1/workspaces/${workspaceId}/cohort.csv`, {
      headers: { authorization: `Bearer ${witness.token}` },
    });
    expect(denied.status).toBe(403);
  });

  it('lets organizers nudge builders, and shows witnesses the builders they witness', async () => {
    const sent = await organizer.client.call(nudgeBuilders, {
      params: { workspaceId },
      body: { projectIds: [projectId], message: 'Two quiet days — anything blocking you?' },
    });
    expect(sent.notified).toBe(1);
    const inbox = await builder.client.call(listNotifications, { query: {} });
    expect(inbox.items.find((n) => n.kind === 'cohort.nudge')?.body).toBe(
      'Two quiet days — anything blocking you?',
    );
    await expectApiError(
      builder.client.call(nudgeBuilders, {
        params: { workspaceId },
        body: { projectIds: [projectId], message: 'x' },
      }),
      'access.forbidden',
      403,
    );
    const witnessed = await witness.client.call(listWitnessed, {});
    expect(witnessed.projects).toEqual([
      expect.objectContaining({
        projectId,
        role: 'witness',
        health: 'slipping',
        lastShowedUp: '2026-03-03',
        waitingReviews: 0,
        missed: [],
      }),
    ]);
    expect((await organizer.client.call(listWitnessed, {})).projects).toEqual([]);
  });

  it('streams a witness’s decision to the builder’s open page as it happens', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${builder.token}` },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended; got: ${received}`);
        received += decoder.decode(value);
      }
    };
    await until(/: connected/);
    const params = { projectId, checkpointId: 'cp-week-1' };
    await builder.client.call(submitCheckpoint, {
      params,
      body: { proof: [{ kind: 'text', text: 'Sign-in works' }] },
    });
    const queue = await witness.client.call(listReviews, {});
    // Since the day of the commitment, Monday 2 March (its first judged day is the Tuesday).
    expect(queue.items[0]?.evidence).toEqual({
      since: '2026-03-02',
      daysShowedUp: 1,
      daysSkipped: 2,
      checkins: 1,
      tasksDone: 1,
      minutes: 90,
      commits: 0,
      aiCommits: 0,
    });
    const current = await witness.client.call(getCheckpoint, { params });
    await witness.client.call(reviewCheckpoint, {
      params,
      body: { submissionId: current.submissions[0]!.submissionId, decision: 'approved', comment: 'Nice' },
    });
    await until(/event: notification\ndata: (\{.*"kind":"checkpoint\.approved".*\})\n\n/);
    const data = JSON.parse(/data: (\{.*"kind":"checkpoint\.approved".*\})/.exec(received)![1]!) as Record<
      string,
      unknown
    >;
    expect(data).toMatchObject({ kind: 'checkpoint.approved', projectId });
    controller.abort();
    const anonymous = await fetch(`${server.url}/api/v1/events`);
    expect(anonymous.status).toBe(401);
  });
});
