import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationMessage } from '../../../../core/notifications/messages.js';
import { fixedClock } from '../../../../core/time/clock.js';
import { createSender } from './sender.js';
import { startHttpReceiver } from './testing.js';

const message: NotificationMessage = {
  id: 'ntf_1',
  kind: 'day.verdict',
  title: 'Monday: skipped',
  body: 'No check-in.',
  url: null,
  createdAt: '2026-04-14T07:30:00.000Z',
  projectName: null,
};

let mailDir: string;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;

beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'recital-sender-'));
  receiver = await startHttpReceiver();
});
afterAll(async () => {
  await receiver.close();
  await rm(mailDir, { recursive: true, force: true });
});

describe('createSender', () => {
  it('sends each channel kind the right way, and digests by mail', async () => {
    const sender = createSender({
      mail: { from: 'Recital <recital@localhost>', mailDir, timeoutMs: 1_000 },
      allow: { hosts: [], cidrs: ['127.0.0.0/8'] },
      timeoutMs: 1_000,
      clock: fixedClock(new Date('2026-04-14T07:31:00Z')),
    });
    expect(await sender.send({ kind: 'email', address: 'ada@example.com' }, message, 'dlv_1')).toMatchObject({
      ok: true,
    });
    for (const [kind, path] of [
      ['slack', '/slack'],
      ['discord', '/discord'],
    ] as const) {
      expect(await sender.send({ kind, url: `${receiver.url}${path}` }, message, 'dlv_2')).toMatchObject({
        ok: true,
      });
    }
    expect(
      await sender.send({ kind: 'webhook', url: `${receiver.url}/hook`, secret: 's' }, message, 'dlv_3'),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await sender.sendDigest({ to: 'ada@example.com', subject: 'Digest', text: 'One.\n', id: 'dg_1' }),
    ).toMatchObject({
      ok: true,
    });
    sender.close();

    expect(receiver.requests.map((request) => request.path)).toEqual(['/slack', '/discord', '/hook']);
    expect((await readdir(mailDir)).sort()).toEqual([
      '2026-04-14T07-30-00.000Z-dlv_1.eml',
      'undated-dg_1.eml',
    ]);
  });
});
