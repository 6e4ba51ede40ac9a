import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationMessage } from '../../../../core/notifications/messages.js';
import { createMailer, fileName, smtpFailure } from './mail-sender.js';
import {
  closedPort,
  decodeQuotedPrintable,
  mailHeaders,
  rejectRecipients,
  startSmtpServer,
} from './testing.js';

const message: NotificationMessage = {
  id: 'ntf_1',
  kind: 'checkpoint.submitted',
  title: 'Checkpoint "Beta" submitted',
  body: 'Grace submitted proof for <Beta>.',
  url: 'https://recital.example.com/p/apollo/checkpoints/beta',
  createdAt: '2026-04-14T07:30:00.000Z',
  projectName: 'Apollo',
};

const from = 'Recital <recital@recital.example.com>';
let mailDir: string;
const closers: (() => unknown)[] = [];

beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'recital-mail-'));
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  await rm(mailDir, { recursive: true, force: true });
});

function mailerFor(smtpUrl: string, timeoutMs = 2_000) {
  const mailer = createMailer({ smtpUrl, from, mailDir, timeoutMs });
  closers.push(() => mailer.close());
  return mailer;
}

describe('createMailer over SMTP', () => {
  it('delivers the envelope, headers and both bodies, authenticating from the URL', async () => {
    const server = await startSmtpServer();
    closers.push(server.close);
    const mailer = mailerFor(`smtp://recital:s3cret@127.0.0.1:${server.port}`);

    const result = await mailer.sendNotification('ada@example.com', message, 'dlv_42');

    expect(result).toMatchObject({ ok: true, detail: expect.stringMatching(/^250/) });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail).toMatchObject({
      from: 'recital@recital.example.com',
      to: ['ada@example.com'],
      user: 'recital',
    });
    expect(mailHeaders(mail?.raw ?? '')).toMatchObject({
      from: 'Recital <recital@recital.example.com>',
      to: 'ada@example.com',
      subject: '[Apollo] Checkpoint "Beta" submitted',
      'message-id': '<dlv_42@recital.example.com>',
      'x-recital-delivery': 'dlv_42',
      'x-recital-event': 'checkpoint.submitted',
      'auto-submitted': 'auto-generated',
    });
    const body = decodeQuotedPrintable(mail?.raw ?? '');
    expect(body).toContain('Grace submitted proof for <Beta>.');
    expect(body).toContain('Content-Type: text/html');
    expect(body).toContain('<p>Grace submitted proof for &#60;Beta&#62;.</p>');
  });

  it('sends a digest as plain text', async () => {
    const server = await startSmtpServer();
    closers.push(server.close);
    const mailer = mailerFor(`smtp://127.0.0.1:${server.port}`);
    const result = await mailer.sendDigest({
      to: 'ada@example.com',
      subject: 'Recital digest: 2 updates',
      text: 'Two.\n',
    });
    expect(result.ok).toBe(true);
    const headers = mailHeaders(server.received[0]?.raw ?? '');
    expect(headers.subject).toBe('Recital digest: 2 updates');
    expect(headers['message-id']).toMatch(/^<digest-[0-9a-f]{24}@recital\.example\.com>$/);
  });

  it('gives up on a 5xx rejection of the recipient', async () => {
    const server = await startSmtpServer({ overrides: rejectRecipients(550, 'No such user here') });
    closers.push(server.close);
    const result = await mailerFor(`smtp://127.0.0.1:${server.port}`).sendNotification(
      'nobody@example.com',
      message,
      'd1',
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('No such user'),
    });
    expect(server.received).toHaveLength(0);
  });

  it('retries after a 4xx (greylisting, a full mailbox)', async () => {
    const server = await startSmtpServer({ overrides: rejectRecipients(451, 'Try again later') });
    closers.push(server.close);
    const result = await mailerFor(`smtp://127.0.0.1:${server.port}`).sendNotification(
      'ada@example.com',
      message,
      'd1',
    );
    expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining('451') });
  });

  it('gives up when the credentials are refused (535)', async () => {
    const server = await startSmtpServer();
    closers.push(server.close);
    const result = await mailerFor(`smtp://recital:wrong@127.0.0.1:${server.port}`).sendNotification(
      'ada@example.com',
      message,
      'd1',
    );
    expect(result).toMatchObject({ ok: false, retryable: false });
  });

  it('retries when the server is down', async () => {
    const port = await closedPort();
    const result = await mailerFor(`smtp://127.0.0.1:${port}`).sendNotification(
      'ada@example.com',
      message,
      'd1',
    );
    expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining('SMTP') });
  });

  it('retries when the server never greets, within the timeout', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => silent.close(resolve)));
    silent.on('connection', (socket) => closers.push(() => socket.destroy()));
    const { port } = silent.address() as AddressInfo;
    const started = performance.now();
    const result = await mailerFor(`smtp://127.0.0.1:${port}`, 300).sendNotification(
      'ada@example.com',
      message,
      'd1',
    );
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('smtpFailure', () => {
  it('sorts replies and errors into retryable and permanent', () => {
    const failure = (fields: object) => smtpFailure(Object.assign(new Error('failed'), fields));
    expect(failure({ responseCode: 421 })).toMatchObject({ retryable: true });
    expect(failure({ responseCode: 503 })).toMatchObject({ retryable: true });
    expect(failure({ responseCode: 552, response: '552 Mailbox full' })).toMatchObject({
      retryable: false,
      error: 'SMTP: failed: 552 Mailbox full',
    });
    expect(failure({ code: 'ECONNECTION' })).toMatchObject({ retryable: true });
    expect(failure({ code: 'ECONNRESET', errno: -104 })).toMatchObject({ retryable: true });
    expect(failure({ code: 'EENVELOPE' })).toMatchObject({ retryable: false });
  });
});

describe('createMailer without SMTP', () => {
  it('writes one .eml per delivery, atomically; a retry overwrites it', async () => {
    const dir = join(mailDir, 'files');
    const mailer = createMailer({ from, mailDir: dir, timeoutMs: 1_000 });
    closers.push(() => mailer.close());

    const first = await mailer.sendNotification('ada@example.com', message, 'dlv_7');
    const again = await mailer.sendNotification('ada@example.com', message, 'dlv_7');

    expect(first).toMatchObject({
      ok: true,
      detail: expect.stringContaining('2026-04-14T07-30-00.000Z-dlv_7.eml'),
    });
    expect(again.ok).toBe(true);
    expect(await readdir(dir)).toEqual(['2026-04-14T07-30-00.000Z-dlv_7.eml']);
    const raw = await readFile(join(dir, '2026-04-14T07-30-00.000Z-dlv_7.eml'), 'utf8');
    const headers = mailHeaders(raw);
    expect(headers).toMatchObject({
      subject: '[Apollo] Checkpoint "Beta" submitted',
      from: 'Recital <recital@recital.example.com>',
      to: 'ada@example.com',
      'message-id': '<dlv_7@recital.example.com>',
      date: 'Tue, 14 Apr 2026 07:30:00 +0000',
    });
    expect(raw).toContain('Grace submitted proof for <Beta>.');
    expect(raw).not.toMatch(/[^\r]\n/); // RFC 5322 line ends
  });

  it('writes a digest, and reports a directory it cannot write to as retryable', async () => {
    const dir = join(mailDir, 'digests');
    const mailer = createMailer({ from, mailDir: dir, timeoutMs: 1_000 });
    const digest = {
      to: 'ada@example.com',
      subject: 'Recital digest',
      text: 'One.\n',
      id: 'dg_1',
      at: '2026-04-15T06:00:00Z',
    };
    expect(await mailer.sendDigest(digest)).toMatchObject({ ok: true });
    expect(await readdir(dir)).toEqual(['2026-04-15T06-00-00.000Z-dg_1.eml']);

    const blocked = createMailer({
      from,
      mailDir: join(dir, '2026-04-15T06-00-00.000Z-dg_1.eml', 'sub'),
      timeoutMs: 1_000,
    });
    expect(await blocked.sendDigest(digest)).toMatchObject({ ok: false, retryable: true });
  });
});

describe('fileName', () => {
  it('keeps safe ids and hashes unsafe ones', () => {
    expect(fileName('2026-04-14T09:30:00+02:00', 'dlv_1')).toBe('2026-04-14T07-30-00.000Z-dlv_1.eml');
    expect(fileName(undefined, 'x')).toBe('undated-x.eml');
    expect(fileName('2026-04-14T07:30:00Z', '../../etc/passwd')).toMatch(
      /^2026-04-14T07-30-00\.000Z-[0-9a-f]{32}\.eml$/,
    );
    expect(fileName('2026-04-14T07:30:00Z', '.hidden')).toMatch(/-[0-9a-f]{32}\.eml$/);
  });
});
