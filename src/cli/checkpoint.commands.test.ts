import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/helpers/server.js';
import type { CheckpointDetail } from '../contracts/checkpoints.contract.js';
import { parseRejectionReason } from './checkpoint.commands.js';
import { runInProcess } from './testing.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);

const PLAN = `# Launch

## Week 1: Foundations
- [ ] Set up the repo (2h)
- [ ] Sign-in page (3h)

**Checkpoint**: a user can sign in on the live site

## Week 2: Payments
- [ ] Stripe checkout (4h)
- [ ] Receipts (2h)
`;

describe('parseRejectionReason', () => {
  it('reads rejection reasons, forgiving dashes and case', () => {
    expect(parseRejectionReason('cannot-verify')).toBe('cannot_verify');
    expect(parseRejectionReason('Does not meet criteria')).toBe('does_not_meet_criteria');
    expect(() => parseRejectionReason('lazy')).toThrow(
      /incomplete, does_not_meet_criteria, cannot_verify, other/,
    );
  });
});

describe('recital submit, review and checkpoints against a real server', () => {
  let server: TestServer;
  let dir: string;
  let local: http.Server;
  let localUrl: string;
  const env: Record<'builder' | 'witness' | 'peer', Record<string, string>> = {
    builder: {},
    witness: {},
    peer: {},
  };
  let projectId: string;
  const as = (who: keyof typeof env, argv: string[]) =>
    runInProcess(argv, { env: env[who], fetch: globalThis.fetch, configDir: dir, cwd: dir });
  const ok = async (who: keyof typeof env, argv: string[]) => {
    const result = await as(who, argv);
    expect(result.exitCode, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  const detail = async () =>
    JSON.parse(
      (await ok('builder', ['checkpoint', 'show', 'cp-week-1', '--json'])).stdout,
    ) as CheckpointDetail;

  beforeAll(async () => {
    const { startTestServer } = await import('../../test/helpers/server.js');
    const { signUpWithToken } = await import('../../test/helpers/users.js');
    const { fixedClock } = await import('../core/time/clock.js');
    const api = await import('../contracts/index.js');
    local = http.createServer((_request, response) => response.end('ok')).listen(0, '127.0.0.1');
    await new Promise((resolve) => local.once('listening', resolve));
    localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}/`;
    // Monday 2 March 2026, 09:00 in Los Angeles.
    server = await startTestServer({
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1', RECITAL_OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' },
    });
    dir = await mkdtemp(join(tmpdir(), 'recital-checkpoints-'));
    const organizer = await signUpWithToken(server.url, { timeZone: 'Europe/London' });
    const workspaceId = (
      await organizer.client.call(api.createWorkspace, { body: { name: 'Cohort', kind: 'cohort' } })
    ).id;
    const invite = async (role: 'builder' | 'witness', displayName: string, timeZone: string) => {
      const created = await organizer.client.call(api.createInvitation, {
        params: { workspaceId },
        body: { role },
      });
      return signUpWithToken(server.url, { invitationToken: created.token, timeZone, displayName });
    };
    const builder = await invite('builder', 'Ada Builder', 'America/Los_Angeles');
    const witness = await invite('witness', 'Grace Witness', 'Asia/Kolkata');
    const peer = await invite('builder', 'Alan Peer', 'Pacific/Auckland');
    for (const [who, user] of [
      ['builder', builder],
      ['witness', witness],
      ['peer', peer],
    ] as const)
      env[who] = { RECITAL_URL: server.url, RECITAL_TOKEN: user.token };
    projectId = (
      await builder.client.call(api.createProject, { params: { workspaceId }, body: { name: 'Launch' } })
    ).id;
    // A second project in the workspace: the witness has to be found the right one.
    await peer.client.call(api.createProject, { params: { workspaceId }, body: { name: 'Side' } });
    await builder.client.call(api.importPlan, {
      params: { projectId },
      body: { text: PLAN, fileName: 'plan.md' },
    });
    await builder.client.call(api.compileProjectSchedule, {
      params: { projectId },
      body: {
        minutesPerWeekday: { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 0, sun: 0 },
        checkpointDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
        save: true,
      },
    });
    await ok('builder', ['contract', 'commit', '--witness', witness.email, '--project', projectId]);
    await mkdir(join(dir, 'shots'));
    await writeFile(join(dir, 'shots', 'shot.png'), PNG);
  });
  afterAll(async () => {
    await server?.close();
    local?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the checkpoints with their due dates in the builder’s zone', async () => {
    const { stdout } = await ok('builder', ['checkpoints']);
    expect(stdout).toContain(
      "Launch (due at the end of the day in America/Los_Angeles, the builder's time zone):",
    );
    expect(stdout).toMatch(/^ID\s+DUE\s+STATUS\s+SUBMITTED\s+TITLE$/m);
    expect(stdout).toMatch(/^cp-week-1\s+Fri 2026-03-06\s+pending\s+0\s+Week 1: Foundations$/m);
    expect(stdout).toMatch(/^cp-week-2\s+Fri 2026-03-13\s+pending\s+0\s+Week 2: Payments$/m);
    const json = JSON.parse((await ok('builder', ['checkpoint', 'list', '--json'])).stdout) as {
      builderTimeZone: string;
      checkpoints: { id: string }[];
    };
    expect(json.builderTimeZone).toBe('America/Los_Angeles');
    expect(json.checkpoints.map((c) => c.id)).toEqual(['cp-week-1', 'cp-week-2']);
  });

  it('refuses proof it cannot read before anything is sent (exit 2)', async () => {
    const result = await as('builder', ['submit', 'cp-week-1', '--proof', 'sign-in works']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: --proof: cannot tell what "sign-in works" is');
    expect(result.stderr).toContain('hint: give an http(s) link');
    const none = await as('builder', ['submit', 'cp-week-1']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('give some proof');
    const ambiguous = await as('builder', ['submit', 'cp-week', '--text', 'done']);
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toContain('"cp-week" matches 2 checkpoints in Launch:');
    const unknown = await as('builder', ['submit', 'cp-week-9', '--text', 'done']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('no checkpoint "cp-week-9" in Launch');
    expect((await detail()).submissions).toEqual([]);
  });

  it('passes on the server’s refusal of a link into a private network', async () => {
    const result = await as('builder', ['submit', 'cp-week-1', '--proof', 'http://10.20.30.40/app']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: proof\[0\]\.url: /);
    expect((await detail()).submissions).toEqual([]);
  });

  it('names the file the server refuses, and checks the size before sending it', async () => {
    await writeFile(join(dir, 'notes.txt'), 'I did it, honestly.\n');
    const text = await as('builder', ['submit', 'cp-week-1', '--proof', 'notes.txt']);
    expect(text.exitCode).toBe(1);
    expect(text.stderr).toContain('uploading notes.txt (20 B)…\n');
    expect(text.stderr).toContain('error: cannot upload notes.txt: "notes.txt" is not a PNG');
    await writeFile(join(dir, 'huge.pdf'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x25));
    const huge = await as('builder', ['submit', 'cp-week-1', '--proof', 'huge.pdf']);
    expect(huge.exitCode).toBe(1);
    expect(huge.stderr).toBe(
      'error: huge.pdf is 10.0 MB; a proof file may be at most 10.0 MB\n' +
        'hint: attach a smaller screenshot or a PDF export, or link to it with a URL\n',
    );
    expect((await detail()).submissions).toEqual([]);
  });

  it('uploads a file, classifies links and commits, and shows the pre-checks', async () => {
    const result = await ok('builder', [
      'submit',
      'week 1',
      '--proof',
      'shots/shot.png',
      localUrl,
      '--proof',
      'abc1234',
      'DEF5678',
      '--note',
      'sign-in works',
    ]);
    expect(result.stderr).toBe(`uploading shot.png (${PNG.length} B)…\n`);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'Submitted proof for "Week 1: Foundations" [cp-week-1]: waiting for review, on time.',
    );
    expect(lines[1]).toMatch(/^Submission \S+; pre-checks:$/);
    expect(lines[2]).toBe(
      `  1. file shot.png (image/png, ${PNG.length} B): passed (image/png, 1 kB, type checked by content)`,
    );
    expect(lines[3]).toMatch(new RegExp(`^  2\\. live ${localUrl}: passed \\(answered 200 in \\d+ ms\\)$`));
    expect(lines[4]).toBe(
      '  3. commits abc1234, def5678: skipped (no repository is connected to check commits against)',
    );
    const current = (await detail()).checkpoint.current;
    expect(current?.proof).toEqual([
      {
        kind: 'file',
        fileId: expect.any(String),
        mediaType: 'image/png',
        bytes: PNG.length,
        name: 'shot.png',
      },
      { kind: 'live_url', url: localUrl },
      { kind: 'commits', shas: ['abc1234', 'def5678'] },
    ]);
    expect(current?.note).toBe('sign-in works');
  });

  it('tells the witness, and shows them their queue', async () => {
    expect((await ok('witness', ['inbox'])).stdout).toMatch(
      /^\* \S+ \S+ {2}checkpoint\.submitted {2}Ada Builder submitted proof/m,
    );
    const { stdout } = await ok('witness', ['review']);
    expect(stdout).toMatch(/^1 waiting for your review \(times in Asia\/Kolkata\):$/m);
    expect(stdout).toContain('Launch: "Week 1: Foundations" [cp-week-1]\n');
    expect(stdout).toContain('  builder Ada Builder, waiting since 2026-03-02 22:30, due 2026-03-06\n');
    expect(stdout).toContain('  note: sign-in works\n');
    expect(stdout).toContain('  1. file shot.png (image/png');
    expect(stdout).toContain('  3. commits abc1234, def5678: skipped');
    expect(stdout).toContain(`  → recital review approve cp-week-1 --project ${projectId}\n`);
    const json = JSON.parse((await ok('witness', ['review', 'list', '--json'])).stdout) as {
      items: { projectId: string }[];
    };
    expect(json.items.map((i) => i.projectId)).toEqual([projectId]);
    expect((await ok('peer', ['review'])).stdout).toBe('Nothing is waiting for your review.\n');
  });

  it('refuses a rejection without a valid reason or comment (exit 2)', async () => {
    const missing = await as('witness', ['review', 'reject', 'cp-week-1', '--comment', 'Show the live site']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("required option '--reason <reason>' not specified");
    const wrong = await as('witness', [
      'review',
      'reject',
      'cp-week-1',
      '--reason',
      'lazy',
      '--comment',
      'x',
    ]);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain(
      'Expected one of incomplete, does_not_meet_criteria, cannot_verify, other',
    );
    const noComment = await as('witness', ['review', 'reject', 'cp-week-1', '--reason', 'incomplete']);
    expect(noComment.exitCode).toBe(2);
    expect((await detail()).checkpoint.status).toBe('submitted');
  });

  it('walks reject → resubmit → approve, the witness never naming the project', async () => {
    expect((await as('builder', ['review', 'approve', 'cp-week-1', '--project', 'launch'])).stderr).toContain(
      'nobody can review their own checkpoint',
    );
    const rejected = await ok('witness', [
      'review',
      'reject',
      'cp-week-1',
      '--reason',
      'cannot-verify',
      '--comment',
      'Show the live site',
    ]);
    expect(rejected.stdout).toBe(
      'Rejected "Week 1: Foundations" in Launch (cannot_verify); the builder is told what is missing and can resubmit.\n',
    );
    expect((await ok('builder', ['checkpoints'])).stdout).toMatch(
      /^cp-week-1\s+Fri 2026-03-06\s+rejected\s+1 /m,
    );
    expect((await ok('builder', ['inbox'])).stdout).toContain('checkpoint.rejected');

    const again = await ok('builder', [
      'submit',
      'cp-week-1',
      '--text',
      'Deployed; walkthrough in the README',
    ]);
    expect(again.stdout).toContain('  1. text "Deployed; walkthrough in the README": skipped');
    const approved = await ok('witness', ['review', 'approve', 'Week 1', '--comment', 'Great']);
    expect(approved.stdout).toMatch(/^Approved "Week 1: Foundations" in Launch \(submission \S+\)\.\n$/);

    const shown = (await ok('builder', ['checkpoint', 'show', 'cp-week-1'])).stdout;
    expect(shown).toContain('Week 1: Foundations  [cp-week-1]  Launch\n');
    expect(shown).toContain(
      'Due:       Fri 2026-03-06, end of day in America/Los_Angeles (2026-03-07 00:00 your time)\n',
    );
    expect(shown).toContain('Status:    approved\n');
    expect(shown).toContain('Tasks:     week-1.t1, week-1.t2\n');
    expect(shown).toContain('Criteria:\n  - a user can sign in on the live site\n');
    expect(shown).toMatch(/ {2}#1 2026-03-02 09:00 by Ada Builder {2}\[\S+\]\n {4}note: sign-in works\n/);
    expect(shown).toContain(
      '    → rejected (cannot_verify) by Grace Witness at 2026-03-02 09:00: Show the live site\n',
    );
    expect(shown).toMatch(/ {2}#2 2026-03-02 09:00 by Ada Builder, current {2}\[\S+\]\n/);
    expect(shown).toContain('    → approved by Grace Witness at 2026-03-02 09:00: Great\n');
    expect(shown).toMatch(/History:\n( {2}2026-03-02 09:00 {2}(submitted|reviewed) by .*\n){4}$/);

    const done = await as('witness', ['review', 'approve', 'cp-week-1']);
    expect(done.exitCode).toBe(1);
    expect(done.stderr).toContain('no checkpoint "cp-week-1" is waiting for your review');
    const direct = await as('witness', ['review', 'approve', 'cp-week-1', '--project', projectId]);
    expect(direct.exitCode).toBe(1);
    expect(direct.stderr).toContain('has nothing waiting for review (approved)');
    const status = (await ok('builder', ['status', '--project', projectId])).stdout;
    expect(status).toContain('\n2 of 2 grace tokens left this sprint (renews Tue 2026-03-17).\n');
    expect(status).toContain('Checkpoints:\n  2026-03-06  Week 1: Foundations: approved\n');
  });

  it('says when proof comes in after the date was missed', async () => {
    const { createApiClient } = await import('../contracts/client.js');
    const { setTestClock } = await import('../contracts/testing.contract.js');
    const clock = createApiClient({ baseUrl: server.url });
    await clock.call(setTestClock, { body: { now: '2026-03-14T07:00:00Z' } });
    await clock.call(setTestClock, { body: { now: '2026-03-14T07:05:00Z' } });
    expect((await ok('builder', ['checkpoints'])).stdout).toMatch(
      /^cp-week-2\s+Fri 2026-03-13\s+missed\s+0 /m,
    );
    const late = await ok('builder', ['submit', 'payments', '--proof', localUrl]);
    expect(late.stdout.split('\n')[0]).toBe(
      'Submitted proof for "Week 2: Payments" [cp-week-2]: waiting for review, late (it was due 2026-03-13).',
    );
    expect((await ok('builder', ['checkpoints'])).stdout).toMatch(
      /^cp-week-2\s+Fri 2026-03-13\s+submitted, late \(the date was missed\)\s+1 /m,
    );
    expect((await ok('witness', ['review'])).stdout).toContain(
      'Launch: "Week 2: Payments" [cp-week-2] (late)',
    );
  });

  it('spends a grace token and says how many are left until the sprint renews', async () => {
    const { createApiClient } = await import('../contracts/client.js');
    const { setTestClock } = await import('../contracts/testing.contract.js');
    // Monday 16 March, 10:00 in Los Angeles: the last day of the first sprint.
    await createApiClient({ baseUrl: server.url }).call(setTestClock, {
      body: { now: '2026-03-16T17:00:00Z' },
    });
    expect((await ok('builder', ['grace', '--project', projectId])).stdout).toBe(
      'Grace token spent on 2026-03-16. 1 of 2 grace tokens left this sprint (renews Tue 2026-03-17).\n',
    );
  });

  it('explains itself in --help', async () => {
    for (const command of [
      ['submit'],
      ['review'],
      ['review', 'reject'],
      ['checkpoint', 'show'],
      ['checkpoints'],
    ]) {
      const { exitCode, stdout } = await runInProcess([...command, '--help']);
      expect(exitCode).toBe(0);
      expect(stdout).toContain(`Usage: recital ${command.join(' ')}`);
      expect(stdout).toContain('Examples:\n  $ recital ');
    }
  });
});
