import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptInvitation,
  createInvitation,
  createProject,
  createWorkspace,
  diffPlanVersions,
  getCurrentPlan,
  getPlanVersion,
  importPlan,
  listPlanVersions,
  listProjects,
  compileProjectSchedule,
  getProjectAvailability,
  importDecision,
  listDecisions,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

const V1 = `# Launch plan

## Week 1: Foundations
- [x] Set up the repository (1h)
- [ ] Design the schema (2h)
  - [ ] Users table (30m)
- [ ] Build sign-up (3h)

## Week 2: Launch
- [ ] Landing page (2h)
`;

// Regenerated: the landing page is re-estimated, sign-up is gone, a new task arrives, and the
// regenerated file forgets that the repository was already set up.
const V2 = `# Launch plan

## Week 1: Foundations
- [ ] Set up the repository (1h)
- [ ] Design the schema (2h)
  - [ ] Users table (30m)
- [ ] Write the privacy policy (1h)

## Week 2: Launch
- [ ] Landing page (4h)
`;

describeEachDialect('projects and plan versions', (dialect) => {
  let server: TestServer;
  let builder: Awaited<ReturnType<typeof signUpWithToken>>;
  let projectId: string;
  let workspaceId: string;
  beforeAll(async () => {
    // Sunday evening in Los Angeles: Monday 2026-11-02 is the first full workday after DST ends.
    server = await startTestServer({ dialect, clock: fixedClock(new Date('2026-11-02T04:00:00Z')) });
    builder = await signUpWithToken(server.url, { timeZone: 'America/Los_Angeles' });
    workspaceId = (await builder.client.call(createWorkspace, { body: { name: 'My launch' } })).id;
    projectId = (
      await builder.client.call(createProject, { params: { workspaceId }, body: { name: 'Beta launch' } })
    ).id;
  });
  afterAll(() => server.close());

  it('imports a plan as version 1 with its tasks, and lists it', async () => {
    const { version, saved } = await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: V1, fileName: 'ROADMAP.md' },
    });
    expect(saved).toBe(true);
    expect(version).toMatchObject({
      number: 1,
      format: 'markdown',
      taskCount: 5,
      sourceName: 'ROADMAP.md',
      diff: null,
    });
    expect(version.tasks.filter((t) => t.status === 'done').map((t) => t.title)).toEqual([
      'Set up the repository',
    ]);
    const users = version.tasks.find((t) => t.title === 'Users table');
    expect(users?.parentId).toBe(version.tasks.find((t) => t.title === 'Design the schema')?.id);
    expect(users?.estimateMinutes).toBe(30);
    expect(
      (await builder.client.call(listProjects, { params: { workspaceId } })).projects[0]?.currentVersion,
    ).toBe(1);
  });

  it('imports a regenerated plan as version 2: ids and progress carried over, the change diffed', async () => {
    const v1 = await builder.client.call(getCurrentPlan, { params: { projectId } });
    const { version } = await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: V2, fileName: 'ROADMAP.md', reason: 'regenerated' },
    });
    expect(version.number).toBe(2);
    const byTitle = (tasks: typeof v1.tasks, title: string) => tasks.find((t) => t.title === title);
    expect(byTitle(version.tasks, 'Design the schema')?.id).toBe(byTitle(v1.tasks, 'Design the schema')?.id);
    expect(byTitle(version.tasks, 'Set up the repository')?.status).toBe('done');
    expect(version.diff?.added.map((t) => t.title)).toEqual(['Write the privacy policy']);
    expect(version.diff?.removed.map((t) => t.title)).toEqual(['Build sign-up']);
    expect(version.diff?.reestimated).toEqual([
      expect.objectContaining({ title: 'Landing page', before: 120, after: 240, deltaMinutes: 120 }),
    ]);
    const diff = await builder.client.call(diffPlanVersions, {
      params: { projectId },
      query: { from: 1, to: 2 },
    });
    expect(diff.added.map((t) => t.title)).toEqual(['Write the privacy policy']);
    const versions = await builder.client.call(listPlanVersions, { params: { projectId } });
    expect(versions.versions.map((v) => [v.number, v.reason])).toEqual([
      [2, 'regenerated'],
      [1, null],
    ]);
    expect((await builder.client.call(getPlanVersion, { params: { projectId, number: 1 } })).taskCount).toBe(
      5,
    );
  });

  it('checks without saving on a dry run', async () => {
    const { version, saved } = await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: V1, dryRun: true },
    });
    expect(saved).toBe(false);
    expect(version.number).toBe(3);
    expect((await builder.client.call(listPlanVersions, { params: { projectId } })).versions).toHaveLength(2);
  });

  it('refuses a plan it cannot use with the file and line, and changes nothing', async () => {
    const broken = '{"tasks": [ {"id": 1, "title": "A"}, \n {"id": 2, "title": ';
    const error = await expectApiError(
      builder.client.call(importPlan, {
        params: { projectId },
        body: { text: broken, fileName: 'tasks.json' },
      }),
      'plans.invalid',
      422,
    );
    expect(error.message).toMatch(/^tasks\.json:2/);
    await expectApiError(
      builder.client.call(importPlan, { params: { projectId }, body: { text: '' } }),
      'plans.invalid',
      422,
    );
    const tooBig = await expectApiError(
      builder.client.call(importPlan, { params: { projectId }, body: { text: '- [ ] x\n'.repeat(260_000) } }),
      'request.invalid',
      400,
    );
    expect(tooBig.message).toContain('2 MB');
    expect((await builder.client.call(listPlanVersions, { params: { projectId } })).versions).toHaveLength(2);
  });

  it('lets witnesses read the plan but not change it, and hides it from strangers', async () => {
    const witness = await signUpWithToken(server.url);
    const stranger = await signUpWithToken(server.url);
    const invite = await builder.client.call(createInvitation, {
      params: { workspaceId },
      body: { role: 'witness' },
    });
    await witness.client.call(acceptInvitation, { params: { token: invite.token } });
    expect((await witness.client.call(getCurrentPlan, { params: { projectId } })).number).toBe(2);
    await expectApiError(
      witness.client.call(importPlan, { params: { projectId }, body: { text: V1 } }),
      'access.forbidden',
      403,
    );
    await expectApiError(
      witness.client.call(createProject, { params: { workspaceId }, body: { name: 'Not mine' } }),
      'access.forbidden',
      403,
    );
    await expectApiError(
      stranger.client.call(getCurrentPlan, { params: { projectId } }),
      'projects.not_found',
      404,
    );
    await expectApiError(
      stranger.client.call(importPlan, { params: { projectId }, body: { text: V1 } }),
      'projects.not_found',
      404,
    );
  });

  it("compiles the current plan into the builder's hours and keeps them when asked", async () => {
    await expectApiError(
      builder.client.call(compileProjectSchedule, { params: { projectId }, body: {} }),
      'schedule.no_hours',
      400,
    );
    expect(await builder.client.call(getProjectAvailability, { params: { projectId } })).toEqual({
      availability: null,
    });
    const minutesPerWeekday = { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 300, sun: 0 };
    const schedule = await builder.client.call(compileProjectSchedule, {
      params: { projectId },
      body: { minutesPerWeekday, launchDate: '2026-11-06', save: true },
    });
    expect(schedule).toMatchObject({
      timeZone: 'America/Los_Angeles',
      startDate: '2026-11-01',
      planVersion: 2,
    });
    // Open work in v2: users table 30m (the schema's own 2h is carried by its subtask), privacy 1h, landing 4h.
    const scheduled = schedule.days.flatMap((d) => d.items).reduce((sum, item) => sum + item.minutes, 0);
    expect(scheduled).toBe(330);
    expect(schedule.days[0]?.date).toBe('2026-11-02');
    const last = schedule.checkpoints.at(-1);
    expect(last?.dueDate).toBe('2026-11-06');
    expect(last?.dueAt).toBe('2026-11-07T08:00:00.000Z');
    const again = await builder.client.call(compileProjectSchedule, { params: { projectId }, body: {} });
    expect(again.days).toEqual(schedule.days);
    // What was saved reads back as saved; a forecast that is not saved changes nothing.
    await builder.client.call(compileProjectSchedule, {
      params: { projectId },
      body: { minutesPerWeekday: { ...minutesPerWeekday, sat: 0 }, launchDate: '2026-12-01' },
    });
    const saved = {
      availability: {
        minutesPerWeekday,
        daysOff: [],
        launchDate: '2026-11-06',
        checkpointDates: {},
        sprintLengthDays: null,
        calibrationFactor: null,
      },
    };
    expect(await builder.client.call(getProjectAvailability, { params: { projectId } })).toEqual(saved);
    const stranger = await signUpWithToken(server.url);
    await expectApiError(
      stranger.client.call(getProjectAvailability, { params: { projectId } }),
      'projects.not_found',
      404,
    );
    await expectApiError(
      builder.client.call(compileProjectSchedule, {
        params: { projectId },
        body: { minutesPerWeekday: { ...minutesPerWeekday, mon: 2000 } },
      }),
      'request.invalid',
      400,
    );
  });

  it('keeps decision records, links tasks to them, and flags open tasks on a superseded one', async () => {
    const adr =
      '# 3. Store sessions in Redis\n\n## Status\n\nSuperseded by ADR-0004\n\n## Context\n\nSessions.\n\n## Decision\n\nUse Redis.\n\n## Consequences\n\nAnother service.\n';
    const imported = await builder.client.call(importDecision, {
      params: { projectId },
      body: { text: adr, fileName: '0003-sessions-in-redis.md' },
    });
    expect(imported.decision).toMatchObject({
      id: 'ADR-0003',
      status: 'superseded',
      supersededBy: ['ADR-0004'],
    });
    const plan = V2.replace(
      '- [ ] Write the privacy policy (1h)',
      '- [ ] Wire sessions as ADR-0003 says (1h)',
    );
    const { version } = await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: plan, fileName: 'ROADMAP.md' },
    });
    const sessions = version.tasks.find((t) => t.title.startsWith('Wire sessions'));
    expect(sessions?.decisionRefs).toEqual(['ADR-0003']);
    expect(version.warnings.some((w) => w.message.includes('superseded by ADR-0004'))).toBe(true);
    const listed = await builder.client.call(listDecisions, { params: { projectId } });
    expect(listed.decisions.map((d) => d.id)).toEqual(['ADR-0003']);
    expect(listed.flagged).toEqual([
      expect.objectContaining({ taskId: sessions?.id, decisionId: 'ADR-0003', reason: 'superseded' }),
    ]);
    await expectApiError(
      builder.client.call(importDecision, { params: { projectId }, body: { text: '   ' } }),
      'decisions.invalid',
      422,
    );
  });
});
