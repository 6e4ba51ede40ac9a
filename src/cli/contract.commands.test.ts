import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/helpers/server.js';
import type { ContractView } from '../contracts/commitments.contract.js';
import { parseDue, parseHoursChange } from './contract.arguments.js';
import { formatWeek } from './contract.output.js';
import { runInProcess } from './testing.js';

const PLAN = `# Launch

## Week 1: Foundations
- [ ] Set up the repo (2h)
- [ ] Sign-in page (3h)

**Checkpoint**: a user can sign in on the live site

## Week 2: Payments
- [ ] Stripe checkout (4h)
`;

describe('contract flags', () => {
  it('reads the days an --hours change names, and only those', () => {
    expect(parseHoursChange('mon=3,sat=90m')).toEqual({ mon: 180, sat: 90 });
    expect(parseHoursChange('weekend=0, fri=1.5')).toEqual({ sat: 0, sun: 0, fri: 90 });
    expect(() => parseHoursChange('mon=120')).toThrow(/more than 24 hours/);
    expect(() => parseHoursChange('someday=2')).toThrow(/cannot read "someday=2"/);
    expect(() => parseHoursChange(',')).toThrow(/name at least one day/);
  });

  it('reads --due CHECKPOINT=DATE, repeatable', () => {
    expect(parseDue('cp-week-2=2026-03-20', parseDue('Week 1=2026-03-09'))).toEqual([
      { checkpoint: 'Week 1', date: '2026-03-09' },
      { checkpoint: 'cp-week-2', date: '2026-03-20' },
    ]);
    expect(() => parseDue('cp-week-2')).toThrow(/CHECKPOINT=YYYY-MM-DD/);
    expect(() => parseDue('cp-week-2=20/03/2026')).toThrow(/CHECKPOINT=YYYY-MM-DD/);
  });

  it('prints a week of hours', () => {
    expect(formatWeek({ mon: 120, tue: 90, wed: 0, thu: 0, fri: 60, sat: 0, sun: 0 })).toBe(
      'Mon 2h, Tue 1h 30m, Fri 1h; Wed, Thu, Sat, Sun off (4h 30m a week)',
    );
  });
});

describe('recital contract against a real server', () => {
  let server: TestServer;
  let dir: string | undefined;
  let witnessEmail: string;
  let projectId: string;
  const env: Record<'builder' | 'witness', Record<string, string>> = { builder: {}, witness: {} };
  const as = (who: keyof typeof env, argv: string[]) =>
    runInProcess(argv, { env: env[who], fetch: globalThis.fetch, configDir: dir, cwd: dir ?? '/' });
  const ok = async (who: keyof typeof env, argv: string[]) => {
    const result = await as(who, argv);
    expect(result.exitCode, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  const view = async () => JSON.parse((await ok('builder', ['contract', '--json'])).stdout) as ContractView;

  beforeAll(async () => {
    const { startTestServer } = await import('../../test/helpers/server.js');
    const { signUpWithToken } = await import('../../test/helpers/users.js');
    const { fixedClock } = await import('../core/time/clock.js');
    const api = await import('../contracts/index.js');
    // Monday 2 March 2026, 09:00 in Los Angeles; summer time starts on the 8th.
    server = await startTestServer({ clock: fixedClock(new Date('2026-03-02T17:00:00Z')) });
    dir = await mkdtemp(join(tmpdir(), 'recital-contract-'));
    const organizer = await signUpWithToken(server.url, { timeZone: 'Europe/London' });
    const workspaceId = (
      await organizer.client.call(api.createWorkspace, { body: { name: 'Pair', kind: 'cohort' } })
    ).id;
    const invite = async (role: 'builder' | 'witness', displayName: string) => {
      const created = await organizer.client.call(api.createInvitation, {
        params: { workspaceId },
        body: { role },
      });
      return signUpWithToken(server.url, {
        invitationToken: created.token,
        timeZone: 'America/Los_Angeles',
        displayName,
      });
    };
    const builder = await invite('builder', 'Ada Builder');
    const witness = await invite('witness', 'Grace Witness');
    witnessEmail = witness.email;
    env.builder = { RECITAL_URL: server.url, RECITAL_TOKEN: builder.token };
    env.witness = { RECITAL_URL: server.url, RECITAL_TOKEN: witness.token };
    projectId = (
      await builder.client.call(api.createProject, { params: { workspaceId }, body: { name: 'Launch' } })
    ).id;
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
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says there is nothing yet, and refuses a witness from outside the workspace', async () => {
    expect((await ok('builder', ['contract'])).stdout).toBe(
      '"Launch" has no commitment yet. Commit with `recital contract commit --witness EMAIL`.\n',
    );
    const stranger = await as('builder', ['contract', 'commit', '--witness', 'stranger@example.com']);
    expect(stranger.exitCode).toBe(1);
    expect(stranger.stderr).toContain('error: ');
    expect(stranger.stderr).toMatch(/witness/i);
  });

  it('commits with the hours and dates of the saved schedule', async () => {
    const { stdout } = await ok('builder', ['contract', 'commit', '--witness', witnessEmail, '--grace', '1']);
    expect(stdout).toBe(
      [
        'Committed to "Launch" (version 1):',
        '  Hours:       Mon 2h, Tue 2h, Wed 2h, Thu 2h, Fri 2h; Sat, Sun off (10h a week)',
        `  Witnesses:   Grace Witness <${witnessEmail}>; backup: none`,
        '  Grace:       1 token per 14-day sprint',
        '  Ladder:      after 1 skipped day: nudge builder; after 2 skipped days: notify witness; after 3 skipped days: mark stalled and require replan',
        '  Commits:     do not close tasks',
        '  Checkpoints:',
        '    cp-week-1  due Fri 2026-03-06  Week 1: Foundations',
        '      - a user can sign in on the live site',
        '    cp-week-2  due Fri 2026-03-13  Week 2: Payments',
        '      - Week 2: Payments',
        '',
      ].join('\n'),
    );
    const again = await as('builder', ['contract', 'commit', '--witness', witnessEmail]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('"Launch" is already committed (version 1)');
    expect(again.stderr).toContain('recital contract change');
  });

  it('refuses a change without a reason, without a change, or with flags it cannot read (exit 2)', async () => {
    for (const [argv, message] of [
      [['contract', 'change', '--grace', '0'], "required option '--reason <text>' not specified"],
      [['contract', 'change', '--reason', 'why not'], 'nothing to change'],
      [['contract', 'change', '--hours', 'mon=120', '--reason', 'x'], 'for minutes write mon=120m'],
      [['contract', 'change', '--grace', 'many', '--reason', 'x'], 'Expected a whole number'],
      [['contract', 'change', '--due', 'cp-week-2', '--reason', 'x'], 'CHECKPOINT=YYYY-MM-DD'],
      [['contract', 'change', '--due', 'cp-week-9=2026-03-20', '--reason', 'x'], 'no checkpoint "cp-week-9"'],
      [['contract', 'change', '--due', 'cp-week=2026-03-20', '--reason', 'x'], 'matches 2 checkpoints'],
    ] as const) {
      const result = await as('builder', [...argv]);
      expect(result.exitCode, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect((await view()).versions).toHaveLength(1);
  });

  it('applies a harder change at once', async () => {
    const { stdout } = await ok('builder', [
      'contract',
      'change',
      '--hours',
      'sat=1',
      '--reason',
      'Saturday mornings too',
    ]);
    expect(stdout).toBe(
      'Version 2 of the commitment for "Launch":\n' +
        '  harder   weekly hours 10h → 11h (sat 0 → 60 min)  (applies at once)\n' +
        'It all applies now.\n',
    );
  });

  it('holds an easier change until the delay ends or a witness approves it', async () => {
    const { stdout } = await ok('builder', [
      'contract',
      'change',
      '--grace',
      '3',
      '--due',
      'payments=2026-03-20',
      '--reason',
      'the kids are ill',
    ]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Version 3 of the commitment for "Launch":');
    expect(lines.slice(1, -1).every((line) => / {2}easier {3}.+ \(from 2026-03-09 10:00\)$/.test(line))).toBe(
      true,
    );
    expect(lines.at(-1)).toBe(
      'Waiting: version 3 makes the commitment easier; that part applies on 2026-03-09 10:00 ' +
        `(America/Los_Angeles) unless a witness approves it sooner (\`recital contract approve 3 --project ${projectId}\`).`,
    );

    const shown = (await ok('builder', ['contract', 'show'])).stdout;
    expect(shown).toContain(
      'Commitment for "Launch", version 3 (times in America/Los_Angeles)\nIn force now:\n',
    );
    expect(shown).toContain('  Grace:       1 token per 14-day sprint\n');
    expect(shown).toContain('    cp-week-2  due Fri 2026-03-13  Week 2: Payments\n');
    expect(shown).toContain('\nWaiting: version 3 makes the commitment easier');
    expect(shown).toMatch(/\n {2}v3 {2}waiting {5}2026-03-02 09:00 by Ada Builder: "the kids are ill"\n/);
    expect(shown).toMatch(
      /\n {2}v2 {2}superseded {2}2026-03-02 09:00 by Ada Builder: "Saturday mornings too"\n/,
    );
    expect(shown).toMatch(/\n {2}v1 {2}superseded {2}2026-03-02 09:00 by Ada Builder: "first commitment"\n$/);
    expect((await view()).waiting).toBe(true);
  });

  it('lets only a witness approve it, and then it holds', async () => {
    const self = await as('builder', ['contract', 'approve', '3']);
    expect(self.exitCode).toBe(1);
    expect(self.stderr).toContain("Only a witness of this project's commitment can do this.");
    expect((await as('witness', ['contract', 'approve', 'three'])).exitCode).toBe(2);
    expect((await ok('witness', ['contract', 'approve', '3'])).stdout).toBe(
      'Approved version 3 of the commitment for "Launch": it applies now.\n',
    );
    const after = await view();
    expect(after.waiting).toBe(false);
    expect(after.inForce).toMatchObject({
      graceTokensPerSprint: 3,
      minutesPerWeekday: { sat: 60, mon: 120 },
      checkpoints: [
        { id: 'cp-week-1', dueDate: '2026-03-06' },
        { id: 'cp-week-2', dueDate: '2026-03-20' },
      ],
    });
    expect(after.versions.map((v) => v.status)).toEqual(['in_force', 'superseded', 'superseded']);
    const shown = (await ok('witness', ['contract'])).stdout;
    expect(shown).not.toContain('Waiting:');
    expect(shown).toMatch(/\n {6}approved by Grace Witness at 2026-03-02 09:00\n/);
    const again = await as('witness', ['contract', 'approve', '3']);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('nothing waiting');
  });

  it('explains itself in --help', async () => {
    for (const command of [
      ['contract'],
      ['contract', 'commit'],
      ['contract', 'change'],
      ['contract', 'approve'],
    ]) {
      const { exitCode, stdout } = await runInProcess([...command, '--help']);
      expect(exitCode).toBe(0);
      expect(stdout).toContain(`Usage: recital ${command.join(' ')}`);
      expect(stdout).toContain('Examples:\n  $ recital ');
    }
  });
});
