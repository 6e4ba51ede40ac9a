import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  approveContractChange,
  compileProjectSchedule,
  createApiClient,
  createInvitation,
  createProject,
  createWorkspace,
  exportLedger,
  getCheckpoint,
  getContract,
  importPlan,
  listCheckpoints,
  listDays,
  listNotifications,
  listReviews,
  proposeContract,
  reviewCheckpoint,
  setTestClock,
  submitCheckpoint,
  verifyLedger,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { TWO_WEEK_PLAN } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);

describeEachDialect('contracts and checkpoints', (dialect) => {
  let server: TestServer;
  let organizer: Awaited<ReturnType<typeof signUpWithToken>>;
  let builder: Awaited<ReturnType<typeof signUpWithToken>>;
  let witness: Awaited<ReturnType<typeof signUpWithToken>>;
  let peer: Awaited<ReturnType<typeof signUpWithToken>>;
  let projectId: string;
  let local: http.Server;
  let localUrl: string;
  const moveTo = (now: string) =>
    createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
  const upload = (token: string, name: string, body: Buffer, type = 'image/png') =>
    fetch(`${server.url}/api/v1/projects/${projectId}/uploads?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
  const inbox = async (who: typeof builder) =>
    (await who.client.call(listNotifications, { query: { limit: 200 } })).items.map((n) => n.kind);

  beforeAll(async () => {
    local = http.createServer((_req, res) => res.end('ok')).listen(0, '127.0.0.1');
    await new Promise((resolve) => local.once('listening', resolve));
    localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}/`;
    // Monday 2 March 2026, 09:00 in Los Angeles (PST; summer time starts on the 8th).
    server = await startTestServer({
      dialect,
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1' },
    });
    organizer = await signUpWithToken(server.url, { timeZone: 'Europe/London' });
    const workspaceId = (
      await organizer.client.call(createWorkspace, { body: { name: 'Cohort', kind: 'cohort' } })
    ).id;
    const join = async (role: 'builder' | 'witness', timeZone: string) => {
      const invite = await organizer.client.call(createInvitation, {
        params: { workspaceId },
        body: { role },
      });
      return signUpWithToken(server.url, { invitationToken: invite.token, timeZone });
    };
    builder = await join('builder', 'America/Los_Angeles');
    witness = await join('witness', 'Asia/Kolkata');
    peer = await join('builder', 'Pacific/Auckland');
    projectId = (
      await builder.client.call(createProject, { params: { workspaceId }, body: { name: 'Launch' } })
    ).id;
    await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: TWO_WEEK_PLAN, fileName: 'plan.md' },
    });
    await builder.client.call(compileProjectSchedule, {
      params: { projectId },
      body: {
        minutesPerWeekday: { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 0, sun: 0 },
        checkpointDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
        save: true,
      },
    });
  });
  afterAll(async () => {
    await server.close();
    local.close();
  });

  it('commits: hours, checkpoints and criteria from the schedule and plan, witnesses by email', async () => {
    await expectApiError(
      builder.client.call(proposeContract, { params: { projectId }, body: { witnesses: [builder.email] } }),
      'contracts.builder_as_witness',
      400,
    );
    await expectApiError(
      builder.client.call(proposeContract, {
        params: { projectId },
        body: { witnesses: ['stranger@example.com'] },
      }),
      'contracts.witness_not_member',
      400,
    );
    await expectApiError(
      witness.client.call(proposeContract, { params: { projectId }, body: {} }),
      'access.forbidden',
      403,
    );
    await expectApiError(
      organizer.client.call(proposeContract, { params: { projectId }, body: { witnesses: [witness.email] } }),
      'contracts.builder_commits',
      403,
    );
    expect((await builder.client.call(getContract, { params: { projectId } })).versions).toEqual([]);

    const view = await builder.client.call(proposeContract, {
      params: { projectId },
      body: { witnesses: [witness.email.toUpperCase()] },
    });
    expect(view.inForce).toMatchObject({
      minutesPerWeekday: { mon: 120, sat: 0 },
      witnesses: [witness.user.id],
      graceTokensPerSprint: 2,
      sprintLengthDays: 14,
      checkpoints: [
        {
          id: 'cp-week-1',
          dueDate: '2026-03-06',
          taskIds: ['week-1.t1', 'week-1.t2'],
          criteria: ['a user can sign in on the live site'],
        },
        { id: 'cp-week-2', dueDate: '2026-03-13', criteria: ['Week 2: Payments'] },
      ],
    });
    expect(view.versions.map((v) => [v.number, v.status])).toEqual([[1, 'in_force']]);
    expect(view.checkpointTitles['cp-week-1']).toBe('Week 1: Foundations');
    expect(await inbox(witness)).toContain('contract.committed');
  });

  it('schedules by the commitment in force: its hours and checkpoint dates', async () => {
    const view = await builder.client.call(proposeContract, {
      params: { projectId },
      body: {
        minutesPerWeekday: { mon: 180, tue: 120, wed: 120, thu: 120, fri: 120, sat: 0, sun: 0 },
        reason: 'an extra hour on Mondays',
      },
    });
    expect(view.versions[0]).toMatchObject({ status: 'in_force', changes: [{ direction: 'harder' }] });
    const schedule = await builder.client.call(compileProjectSchedule, { params: { projectId }, body: {} });
    expect(schedule.days[0]).toMatchObject({ date: '2026-03-02', capacityMinutes: 180 });
    expect(schedule.checkpoints.map((c) => [c.id, c.dueDate])).toEqual([
      ['cp-week-1', '2026-03-06'],
      ['cp-week-2', '2026-03-13'],
    ]);
  });

  it('applies harder changes at once and holds easier ones for 7 days or a witness approval', async () => {
    await expectApiError(
      builder.client.call(proposeContract, { params: { projectId }, body: { graceTokensPerSprint: 1 } }),
      'contracts.reason_required',
      400,
    );
    const harder = await builder.client.call(proposeContract, {
      params: { projectId },
      body: { graceTokensPerSprint: 1, reason: 'keep me honest' },
    });
    expect(harder.inForce?.graceTokensPerSprint).toBe(1);
    expect(harder.versions[0]).toMatchObject({ status: 'in_force', changes: [{ direction: 'harder' }] });

    const easier = await builder.client.call(proposeContract, {
      params: { projectId },
      body: { graceTokensPerSprint: 3, reason: 'the kids are ill' },
    });
    expect(easier.waiting).toBe(true);
    expect(easier.inForce?.graceTokensPerSprint).toBe(1);
    expect(easier.versions[0]).toMatchObject({
      number: 4,
      status: 'waiting',
      fullyEffectiveAt: '2026-03-09T17:00:00.000Z',
      changes: [
        { field: 'graceTokensPerSprint', direction: 'easier', effectiveAt: '2026-03-09T17:00:00.000Z' },
      ],
    });
    await expectApiError(
      builder.client.call(approveContractChange, { params: { projectId, number: 4 } }),
      'contracts.not_witness',
      403,
    );
    await expectApiError(
      builder.client.call(proposeContract, {
        params: { projectId },
        body: {
          checkpoints: [
            { id: 'cp-week-1', dueDate: '2026-03-01', taskIds: ['week-1.t1'], criteria: ['signed in'] },
          ],
          reason: 'oops',
        },
      }),
      'contracts.due_date_in_past',
      400,
    );
    const approved = await witness.client.call(approveContractChange, { params: { projectId, number: 4 } });
    expect(approved.waiting).toBe(false);
    expect(approved.inForce?.graceTokensPerSprint).toBe(3);
    expect(approved.versions[0]).toMatchObject({
      approvedBy: witness.user.id,
      status: 'in_force',
      fullyEffectiveAt: '2026-03-02T17:00:00.000Z',
      changes: [{ direction: 'easier', effectiveAt: '2026-03-02T17:00:00.000Z' }],
    });
    await expectApiError(
      witness.client.call(approveContractChange, { params: { projectId, number: 4 } }),
      'contracts.nothing_waiting',
      409,
    );
    const kinds = (await builder.client.call(exportLedger, { params: { projectId } })).entries.map(
      (e) => e.kind,
    );
    expect(kinds).toEqual([
      'contract.committed',
      'contract.changed',
      'contract.changed',
      'contract.changed',
      'contract.approved',
    ]);
  });

  it('accepts proof files by content only, and only from the builder', async () => {
    const ok = await upload(builder.token, 'screenshot.png', PNG, 'application/octet-stream');
    expect(ok.status).toBe(201);
    const file = (await ok.json()) as { id: string; mediaType: string; bytes: number };
    expect(file).toMatchObject({ mediaType: 'image/png', bytes: PNG.length });

    const fake = await upload(builder.token, 'evil.png', Buffer.from('<svg><script>alert(1)</script></svg>'));
    expect(fake.status).toBe(415);
    expect(((await fake.json()) as { error: { code: string } }).error.code).toBe('uploads.unsupported_type');
    const huge = await upload(builder.token, 'big.pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 0x25));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'uploads.too_large',
      message: 'The file is too large (at most 10 MB).',
    });
    expect((await upload(witness.token, 'w.png', PNG)).status).toBe(403);

    const download = await fetch(`${server.url}/api/v1/projects/${projectId}/uploads/${file.id}`, {
      headers: { authorization: `Bearer ${witness.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
  });

  it('walks a checkpoint: submit, reject with a reason, resubmit, approve; nobody approves their own', async () => {
    const shot = (await (await upload(builder.token, 'shot.png', PNG)).json()) as { id: string };
    const params = { projectId, checkpointId: 'cp-week-1' };
    await expectApiError(
      witness.client.call(submitCheckpoint, { params, body: { proof: [{ kind: 'text', text: 'mine' }] } }),
      'checkpoints.not_builder',
      403,
    );
    const privateUrl = await expectApiError(
      builder.client.call(submitCheckpoint, {
        params,
        body: { proof: [{ kind: 'live_url', url: localUrl }] },
      }),
      'url.refused',
      400,
    );
    expect(privateUrl.message).toMatch(/proof\[0\]\.url/);
    expect((await builder.client.call(getCheckpoint, { params })).submissions).toEqual([]);

    const first = await builder.client.call(submitCheckpoint, {
      params,
      body: {
        proof: [
          { kind: 'file', uploadId: shot.id },
          { kind: 'commits', shas: ['abc1234'] },
        ],
        note: 'sign-in works',
      },
    });
    expect(first.checkpoint).toMatchObject({
      status: 'submitted',
      late: false,
      dueAt: '2026-03-07T08:00:00.000Z',
    });
    expect(first.submissions[0]?.checks.map((c) => [c.kind, c.status])).toEqual([
      ['file', 'passed'],
      ['commits', 'skipped'],
    ]);
    expect(await inbox(witness)).toContain('checkpoint.submitted');
    const queue = await witness.client.call(listReviews, {});
    expect(queue.items.map((i) => [i.projectId, i.checkpoint.id])).toEqual([[projectId, 'cp-week-1']]);
    expect((await organizer.client.call(listReviews, {})).items).toHaveLength(1);
    expect((await peer.client.call(listReviews, {})).items).toHaveLength(0);

    const submissionId = first.submissions[0]!.submissionId;
    await expectApiError(
      builder.client.call(reviewCheckpoint, { params, body: { submissionId, decision: 'approved' } }),
      'checkpoints.self_review',
      403,
    );
    await expectApiError(
      peer.client.call(reviewCheckpoint, { params, body: { submissionId, decision: 'approved' } }),
      'checkpoints.not_reviewer',
      403,
    );
    await expectApiError(
      witness.client.call(reviewCheckpoint, {
        params,
        body: { submissionId, decision: 'rejected', comment: 'no' },
      }),
      'checkpoints.rejection_reason_required',
      400,
    );
    const rejected = await witness.client.call(reviewCheckpoint, {
      params,
      body: { submissionId, decision: 'rejected', reason: 'cannot_verify', comment: 'Show the live site' },
    });
    expect(rejected.checkpoint.status).toBe('rejected');
    expect(await inbox(builder)).toContain('checkpoint.rejected');

    const second = await builder.client.call(submitCheckpoint, {
      params,
      body: { proof: [{ kind: 'text', text: 'Deployed; here is a walkthrough' }] },
    });
    await expectApiError(
      witness.client.call(reviewCheckpoint, { params, body: { submissionId, decision: 'approved' } }),
      'checkpoints.stale_submission',
      409,
    );
    const approved = await witness.client.call(reviewCheckpoint, {
      params,
      body: { submissionId: second.submissions[1]!.submissionId, decision: 'approved', comment: 'Great' },
    });
    expect(approved.checkpoint.status).toBe('approved');
    expect(approved.submissions).toHaveLength(2);
    expect(approved.reviews.map((r) => [r.decision, r.reason])).toEqual([
      ['rejected', 'cannot_verify'],
      ['approved', null],
    ]);
    expect(approved.history.map((h) => h.type)).toEqual(['submitted', 'reviewed', 'submitted', 'reviewed']);
    await expectApiError(
      builder.client.call(submitCheckpoint, { params, body: { proof: [{ kind: 'text', text: 'more' }] } }),
      'checkpoints.already_approved',
      409,
    );
    expect((await witness.client.call(listReviews, {})).items).toEqual([]);
  });

  it('records a missed checkpoint once, tells builder and witness, and requires a re-plan', async () => {
    // Friday 13 March ends at 07:00 UTC on the 14th (PDT since the 8th).
    await moveTo('2026-03-14T06:59:00Z');
    const params = { projectId, checkpointId: 'cp-week-2' };
    expect((await builder.client.call(getCheckpoint, { params })).checkpoint.status).toBe('pending');
    await moveTo('2026-03-14T07:00:00Z');
    await moveTo('2026-03-14T07:05:00Z');
    const missed = await builder.client.call(getCheckpoint, { params });
    expect(missed.checkpoint).toMatchObject({ status: 'missed', missedAt: '2026-03-14T07:00:00.000Z' });
    expect(missed.history.map((h) => h.type)).toEqual(['missed']);
    expect(await inbox(builder)).toContain('checkpoint.missed');
    expect(await inbox(witness)).toContain('checkpoint.missed');
    const days = await builder.client.call(listDays, { params: { projectId } });
    expect(days.health.replanRequired).toBe(true);
    const ledger = (await builder.client.call(exportLedger, { params: { projectId } })).entries;
    expect(ledger.filter((e) => e.kind === 'checkpoint.missed')).toHaveLength(1);
    // Nine planned days without evidence climbed the ladder once each: nudge, witness, stalled + re-plan.
    expect(
      ledger.filter((e) => e.kind === 'consequence.applied').map((e) => [e.payload.action, e.payload.date]),
    ).toEqual([
      ['nudge_builder', '2026-03-03'],
      ['notify_witness', '2026-03-04'],
      ['mark_stalled', '2026-03-05'],
      ['require_replan', '2026-03-05'],
    ]);
    expect(await inbox(witness)).toEqual(expect.arrayContaining(['day.notify_witness', 'day.mark_stalled']));
    expect((await builder.client.call(verifyLedger, { params: { projectId } })).ok).toBe(true);

    const late = await builder.client.call(submitCheckpoint, {
      params,
      body: { proof: [{ kind: 'text', text: 'Payments work, two days late' }] },
    });
    expect(late.checkpoint).toMatchObject({
      status: 'submitted',
      late: true,
      missedAt: '2026-03-14T07:00:00.000Z',
    });
  });

  it('reminds a silent witness, then asks the organizer, once each', async () => {
    await moveTo('2026-03-16T08:00:00Z'); // 48 h after the late submission
    await moveTo('2026-03-16T08:01:00Z');
    const params = { projectId, checkpointId: 'cp-week-2' };
    let history = (await builder.client.call(getCheckpoint, { params })).history.map((h) => h.type);
    expect(history).toEqual(['missed', 'submitted', 'reminder_sent']);
    expect((await inbox(witness)).filter((k) => k === 'review.reminder')).toHaveLength(1);
    await moveTo('2026-03-18T08:00:00Z');
    await moveTo('2026-03-18T09:00:00Z');
    history = (await builder.client.call(getCheckpoint, { params })).history.map((h) => h.type);
    expect(history).toEqual(['missed', 'submitted', 'reminder_sent', 'escalated']);
    expect((await inbox(organizer)).filter((k) => k === 'review.escalated')).toHaveLength(1);
    const list = await builder.client.call(listCheckpoints, { params: { projectId } });
    expect(list.checkpoints.map((c) => [c.id, c.status])).toEqual([
      ['cp-week-1', 'approved'],
      ['cp-week-2', 'submitted'],
    ]);
  });
});
