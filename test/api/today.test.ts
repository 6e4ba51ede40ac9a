import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptInvitation,
  checkIn,
  compileProjectSchedule,
  createInvitation,
  createProject,
  createWorkspace,
  deferTask,
  finishTask,
  getCurrentPlan,
  getToday,
  importPlan,
  startTask,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

const PLAN = `# Launch

## Week 1
- [ ] Sign-up form (1h)
- [ ] Billing (2h) — depends on Sign-up form
- [ ] Landing page (1h)
`;

describeEachDialect('today', (dialect) => {
  // 19:00 UTC on Sunday 29 November is 08:00 on Monday 30 November in Auckland (UTC+13 in summer).
  const clock = fixedClock(new Date('2026-11-29T19:00:00Z'));
  let server: TestServer;
  let builder: Awaited<ReturnType<typeof signUpWithToken>>;
  let projectId: string;
  let workspaceId: string;
  const id = async (title: string) =>
    (await builder.client.call(getCurrentPlan, { params: { projectId } })).tasks.find(
      (t) => t.title === title,
    )?.id ?? 'missing';

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock });
    builder = await signUpWithToken(server.url, { timeZone: 'Pacific/Auckland' });
    workspaceId = (await builder.client.call(createWorkspace, { body: { name: 'Solo' } })).id;
    projectId = (
      await builder.client.call(createProject, { params: { workspaceId }, body: { name: 'Launch' } })
    ).id;
    await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: PLAN, fileName: 'plan.md' },
    });
  });
  afterAll(() => server.close());

  it('without saved hours, still names the next step', async () => {
    const today = await builder.client.call(getToday, { params: { projectId } });
    expect(today).toMatchObject({
      date: '2026-11-30',
      timeZone: 'Pacific/Auckland',
      needsHours: true,
      planned: [],
    });
    expect(today.nextStep?.title).toBe('Sign-up form');
  });

  it("plans today in the builder's hours and time zone, and moves as work is done", async () => {
    const minutesPerWeekday = { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 0, sun: 0 };
    await builder.client.call(compileProjectSchedule, {
      params: { projectId },
      body: { minutesPerWeekday, save: true },
    });
    let today = await builder.client.call(getToday, { params: { projectId } });
    expect(today.needsHours).toBe(false);
    expect(today.nextStep).toMatchObject({ title: 'Sign-up form', minutes: 60 });
    // Billing waits on the sign-up form and is the longer chain, so it starts the same day.
    expect(today.planned.map((t) => [t.title, t.minutes, t.chunk, t.chunks])).toEqual([
      ['Sign-up form', 60, 1, 1],
      ['Billing', 60, 1, 2],
    ]);
    expect(today.capacityMinutes).toBe(120);

    const signUp = await id('Sign-up form');
    const started = await builder.client.call(startTask, { params: { projectId, taskId: signUp } });
    expect(started).toMatchObject({ kind: 'task_started', localDate: '2026-11-30', taskId: signUp });
    clock.advance(50 * 60_000);
    await builder.client.call(finishTask, { params: { projectId, taskId: signUp } });
    clock.advance(60_000);
    await builder.client.call(checkIn, {
      params: { projectId },
      body: { text: 'Form and validation', minutes: 50, taskId: signUp },
    });
    today = await builder.client.call(getToday, { params: { projectId } });
    expect(today.nextStep?.title).toBe('Billing');
    expect(today).toMatchObject({ loggedMinutes: 50, minutesLeft: 70 });
    expect(today.evidence.map((e) => e.kind)).toEqual(['task_started', 'task_done', 'checkin']);
    await expectApiError(
      builder.client.call(finishTask, { params: { projectId, taskId: signUp } }),
      'tasks.already_done',
      409,
    );
  });

  it('asks why a task was not finished and carries it forward', async () => {
    const billing = await id('Billing');
    await expectApiError(
      builder.client.call(deferTask, { params: { projectId, taskId: billing }, body: { reason: ' ' } }),
      'request.invalid',
      400,
    );
    const deferred = await builder.client.call(deferTask, {
      params: { projectId, taskId: billing },
      body: { reason: 'Stripe keys not ready' },
    });
    expect(deferred).toMatchObject({ kind: 'task_deferred', text: 'Stripe keys not ready' });
    clock.advance(24 * 3_600_000);
    const tomorrow = await builder.client.call(getToday, { params: { projectId } });
    expect(tomorrow.date).toBe('2026-12-01');
    expect(tomorrow.planned.map((t) => t.title)).toContain('Billing');
    expect(tomorrow.evidence).toEqual([]);
    expect(tomorrow.nextWorkDate).toBe('2026-12-01');
    // Saturday 5 December has no hours: nothing planned, the next step waits for Monday.
    clock.advance(4 * 24 * 3_600_000);
    const saturday = await builder.client.call(getToday, { params: { projectId } });
    expect(saturday).toMatchObject({
      date: '2026-12-05',
      planned: [],
      capacityMinutes: 0,
      nextWorkDate: '2026-12-07',
    });
    expect(saturday.nextStep?.title).toBeTruthy();
  });

  it('lets only the builder record work, and refuses unknown tasks', async () => {
    const witness = await signUpWithToken(server.url);
    const invite = await builder.client.call(createInvitation, {
      params: { workspaceId },
      body: { role: 'witness' },
    });
    await witness.client.call(acceptInvitation, { params: { token: invite.token } });
    expect((await witness.client.call(getToday, { params: { projectId } })).date).toBe('2026-12-05');
    await expectApiError(
      witness.client.call(checkIn, { params: { projectId }, body: { text: 'not mine' } }),
      'tasks.not_builder',
      403,
    );
    await expectApiError(
      builder.client.call(startTask, { params: { projectId, taskId: 'nope' } }),
      'tasks.not_found',
      404,
    );
    const stranger = await signUpWithToken(server.url);
    await expectApiError(
      stranger.client.call(getToday, { params: { projectId } }),
      'projects.not_found',
      404,
    );
  });
});
