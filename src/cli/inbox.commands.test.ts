import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/helpers/server.js';
import { parseDigestTime, parseOnOff, parseQuietHours } from './inbox.commands.js';
import { runInProcess } from './testing.js';

const PLAN = `# Launch

## Week 1: Foundations
- [ ] Sign-in page (3h)

**Checkpoint**: a user can sign in
`;

interface Inbox {
  items: { id: string; kind: string; readAt: string | null }[];
  unreadCount: number;
}

interface Settings {
  email: boolean;
  quietHours: { start: string; end: string } | null;
  digestTime: string | null;
  timeZone: string;
  channels: { id: string; kind: string; label: string; urlHint: string }[];
}

describe('notify flags', () => {
  it('reads quiet hours, digest times and on/off', () => {
    expect(parseQuietHours('22:00-7:00')).toEqual({ start: '22:00', end: '07:00' });
    expect(parseQuietHours('off')).toBe('off');
    for (const bad of ['22:00', '25:00-07:00', '22:00-07:60', '10pm-7am', '1:00-2:00-3:00'])
      expect(() => parseQuietHours(bad), bad).toThrow(/START-END/);
    expect(parseDigestTime('8:30')).toBe('08:30');
    expect(parseDigestTime('none')).toBe('off');
    expect(() => parseDigestTime('morning')).toThrow(/08:00/);
    expect([parseOnOff('on'), parseOnOff('OFF'), parseOnOff('yes')]).toEqual([true, false, true]);
    expect(() => parseOnOff('maybe')).toThrow(/on or off/);
  });
});

describe('recital inbox and notify against a real server', () => {
  let server: TestServer;
  let dir: string | undefined;
  let hook: http.Server;
  let hookUrl: string;
  const env: Record<'builder' | 'witness', Record<string, string>> = { builder: {}, witness: {} };
  const as = (who: keyof typeof env, argv: string[]) =>
    runInProcess(argv, { env: env[who], fetch: globalThis.fetch, configDir: dir, cwd: dir ?? '/' });
  const ok = async (who: keyof typeof env, argv: string[]) => {
    const result = await as(who, argv);
    expect(result.exitCode, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  const json = async <T>(who: keyof typeof env, argv: string[]) =>
    JSON.parse((await ok(who, [...argv, '--json'])).stdout) as T;

  beforeAll(async () => {
    const { startTestServer } = await import('../../test/helpers/server.js');
    const { signUpWithToken } = await import('../../test/helpers/users.js');
    const { fixedClock } = await import('../core/time/clock.js');
    const api = await import('../contracts/index.js');
    hook = http.createServer((_request, response) => response.end('ok')).listen(0, '127.0.0.1');
    await new Promise((resolve) => hook.once('listening', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/recital`;
    server = await startTestServer({
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1', RECITAL_OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' },
    });
    dir = await mkdtemp(join(tmpdir(), 'recital-inbox-'));
    const organizer = await signUpWithToken(server.url, { timeZone: 'Europe/London' });
    const workspaceId = (
      await organizer.client.call(api.createWorkspace, { body: { name: 'Pair', kind: 'cohort' } })
    ).id;
    const invite = async (role: 'builder' | 'witness', displayName: string, timeZone: string) => {
      const created = await organizer.client.call(api.createInvitation, {
        params: { workspaceId },
        body: { role },
      });
      return signUpWithToken(server.url, { invitationToken: created.token, timeZone, displayName });
    };
    const builder = await invite('builder', 'Ada Builder', 'America/Los_Angeles');
    const witness = await invite('witness', 'Grace Witness', 'Europe/Berlin');
    env.builder = { RECITAL_URL: server.url, RECITAL_TOKEN: builder.token };
    env.witness = { RECITAL_URL: server.url, RECITAL_TOKEN: witness.token };
    const projectId = (
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
        checkpointDates: { 'cp-week-1': '2026-03-06' },
        save: true,
      },
    });
    await builder.client.call(api.proposeContract, {
      params: { projectId },
      body: { witnesses: [witness.email] },
    });
  });
  afterAll(async () => {
    await server?.close();
    hook?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the witness a submission, newest first, marking nothing read', async () => {
    const { createApiClient } = await import('../contracts/client.js');
    const { setTestClock } = await import('../contracts/testing.contract.js');
    await createApiClient({ baseUrl: server.url }).call(setTestClock, {
      body: { now: '2026-03-02T18:00:00Z' },
    });
    await ok('builder', ['submit', 'cp-week-1', '--text', 'Sign-in is live', '--note', 'try it']);
    const { stdout } = await ok('witness', ['inbox']);
    expect(stdout.split('\n').slice(0, 5)).toEqual([
      'Inbox: 2 unread (times in Europe/Berlin; * marks unread)',
      expect.stringMatching(
        /^\* 2026-03-02 19:00 {2}checkpoint\.submitted {2}Ada Builder submitted proof for "Week 1: Foundations" {2}\[\S+\]$/,
      ),
      '    1 piece of proof on Launch. Approve it or say what is missing.',
      expect.stringMatching(
        /^\* 2026-03-02 18:00 {2}contract\.committed {2}You are a witness for Launch {2}\[\S+\]$/,
      ),
      '    1 checkpoint; you review the proof at each one.',
    ]);
    expect(stdout).toContain('Mark them read with `recital inbox read --all` (or give ids).\n');
    const listed = await json<Inbox>('witness', ['inbox', '--unread', '--limit', '1']);
    expect(listed.items.map((i) => i.kind)).toEqual(['checkpoint.submitted']);
    expect(listed.unreadCount).toBe(2);
    expect((await json<Inbox>('witness', ['inbox'])).unreadCount).toBe(2);
    expect((await as('witness', ['inbox', '--limit', '500'])).exitCode).toBe(2);
  });

  it('marks notifications read by id or all at once', async () => {
    const none = await as('witness', ['inbox', 'read']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('which notifications?');
    expect((await as('witness', ['inbox', 'read', 'x', '--all'])).exitCode).toBe(2);
    const { items } = await json<Inbox>('witness', ['inbox']);
    const first = items[0]!;
    expect((await ok('witness', ['inbox', 'read', first.id])).stdout).toBe('Marked 1 notification read.\n');
    const after = await json<Inbox>('witness', ['inbox']);
    expect(after.unreadCount).toBe(1);
    expect(after.items.find((i) => i.id === first.id)?.readAt).not.toBeNull();
    expect((await ok('witness', ['inbox'])).stdout).toMatch(
      /^ {2}2026-03-02 19:00 {2}checkpoint\.submitted/m,
    );
    expect((await ok('witness', ['inbox', 'read', '--all'])).stdout).toBe('Marked 1 notification read.\n');
    expect((await ok('witness', ['inbox', '--unread'])).stdout).toBe('No unread notifications.\n');
    expect((await ok('builder', ['inbox'])).stdout).toBe('Your inbox is empty.\n');
  });

  it('sets quiet hours and the digest, and clears them again', async () => {
    expect((await ok('witness', ['notify'])).stdout).toBe(
      [
        'Email:        on, each as it happens',
        'Quiet hours:  none',
        'Digest:       off',
        'Time zone:    Europe/Berlin',
        'Channels:     none (add one with `recital notify add slack|discord|webhook URL --label L`)',
        '',
      ].join('\n'),
    );
    const saved = await ok('witness', ['notify', 'set', '--quiet', '22:00-7:00', '--digest', '08:00']);
    expect(saved.stdout).toContain('Saved.\n');
    expect(saved.stdout).toContain('Quiet hours:  22:00-07:00 (nothing is sent then; it waits)\n');
    expect(saved.stdout).toContain('Email:        on, one daily digest at 08:00\n');
    expect(await json<Settings>('witness', ['notify', 'show'])).toMatchObject({
      email: true,
      quietHours: { start: '22:00', end: '07:00' },
      digestTime: '08:00',
    });
    await ok('witness', ['notify', 'set', '--quiet', 'off', '--digest', 'off', '--email', 'off']);
    expect(await json<Settings>('witness', ['notify'])).toMatchObject({
      email: false,
      quietHours: null,
      digestTime: null,
    });
    for (const argv of [
      ['notify', 'set'],
      ['notify', 'set', '--email', 'maybe'],
      ['notify', 'set', '--quiet', '22-7'],
      ['notify', 'set', '--digest', '8am'],
    ]) {
      const result = await as('witness', argv);
      expect(result.exitCode, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
  });

  it('adds a webhook, printing its secret once, and removes it', async () => {
    const added = await ok('witness', ['notify', 'add', 'webhook', hookUrl, '--label', 'my bot']);
    const lines = added.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Added webhook channel "my bot" \(http:\/\/127\.0\.0\.1:\d+\/…\), id \S+\.$/);
    expect(lines[1]).toMatch(/^Signing secret: whsec\S{20,}$/);
    expect(lines[2]).toContain('it will not be shown again');
    const settings = await json<Settings>('witness', ['notify']);
    expect(settings.channels).toMatchObject([{ kind: 'webhook', label: 'my bot' }]);
    expect(JSON.stringify(settings)).not.toContain(lines[1]!.slice('Signing secret: '.length));
    const id = settings.channels[0]!.id;
    expect((await ok('witness', ['notify'])).stdout).toMatch(
      new RegExp(`Channels:\\n {2}ID\\s+KIND\\s+LABEL\\s+URL\\n {2}${id}\\s+webhook\\s+my bot\\s+http://127`),
    );
    const slack = await ok('witness', ['notify', 'add', 'slack', hookUrl, '--label', '#team', '--json']);
    expect(JSON.parse(slack.stdout)).toMatchObject({ channel: { kind: 'slack' }, secret: null });

    expect((await ok('witness', ['notify', 'remove', id])).stdout).toBe(
      `Removed channel ${id}; nothing more is sent to it.\n`,
    );
    const gone = await as('witness', ['notify', 'remove', id]);
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain('No such notification channel.');
    expect((await as('witness', ['notify', 'add', 'sms', hookUrl, '--label', 'x'])).exitCode).toBe(2);
    expect((await as('witness', ['notify', 'add', 'slack', hookUrl])).exitCode).toBe(2);
    const refused = await as('witness', [
      'notify',
      'add',
      'webhook',
      'http://10.1.2.3/hook',
      '--label',
      'lan',
    ]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^error: url: /);
  });

  it('explains itself in --help', async () => {
    for (const command of [['inbox'], ['inbox', 'read'], ['notify'], ['notify', 'set'], ['notify', 'add']]) {
      const { exitCode, stdout } = await runInProcess([...command, '--help']);
      expect(exitCode).toBe(0);
      expect(stdout).toContain(`Usage: recital ${command.join(' ')}`);
      expect(stdout).toContain('Examples:\n  $ recital ');
    }
  });
});
