import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addNotificationChannel,
  createApiClient,
  getCheckpoint,
  getNotificationSettings,
  listNotifications,
  markNotificationsRead,
  removeNotificationChannel,
  reviewCheckpoint,
  setTestClock,
  submitCheckpoint,
  updateNotificationSettings,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import {
  mailHeaders,
  startHttpReceiver,
  startSmtpServer,
} from '../../src/server/modules/notifications/senders/testing.js';
import { verifyWebhookSignature } from '../../src/server/modules/notifications/senders/webhook-signature.js';
import { committedProject, type TestUser } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

describeEachDialect('notifications', (dialect) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hooks: Awaited<ReturnType<typeof startHttpReceiver>>;
  let builder: TestUser;
  let witness: TestUser;
  let projectId: string;
  let secret: string;
  let failNextHook = false;
  const moveTo = (now: string) =>
    createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
  const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startHttpReceiver((res) => {
      if (failNextHook) {
        failNextHook = false;
        res.writeHead(503).end();
      } else res.writeHead(204).end();
    });
    // Monday 2 March 2026, 17:00 UTC: 09:00 in Los Angeles, 22:30 in Kolkata.
    server = await startTestServer({
      dialect,
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: {
        RECITAL_TEST_CLOCK: '1',
        RECITAL_SMTP_URL: smtp.url,
        RECITAL_OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
        RECITAL_NOTIFY_INTERVAL_MS: '3600000',
        RECITAL_DELIVERY_TIMEOUT_MS: '2000',
      },
    });
    ({ builder, witness, projectId } = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Asia/Kolkata',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    }));
    const channel = await witness.client.call(addNotificationChannel, {
      body: { kind: 'webhook', label: 'my bot', url: `${hooks.url}/recital` },
    });
    secret = channel.secret ?? '';
    await witness.client.call(updateNotificationSettings, {
      body: { quietHours: { start: '22:00', end: '07:00' } },
    });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
    await hooks.close();
  });

  it('holds mail and webhooks through quiet hours in the recipient’s zone, then sends each once, signed', async () => {
    await builder.client.call(submitCheckpoint, {
      params: { projectId, checkpointId: 'cp-week-1' },
      body: { proof: [{ kind: 'text', text: 'Sign-in is live' }] },
    });
    const unread = (await witness.client.call(listNotifications, { query: { unread: 'true' } })).items;
    expect(unread.find((n) => n.kind === 'checkpoint.submitted')).toMatchObject({ projectId, readAt: null });
    await moveTo('2026-03-02T17:05:00Z'); // 22:35 in Kolkata: quiet
    expect(mailTo(witness.email)).toHaveLength(1); // only the "you are a witness" mail from the commitment
    expect(hooks.requests).toHaveLength(0);

    await moveTo('2026-03-03T01:31:00Z'); // 07:01 in Kolkata
    await moveTo('2026-03-03T01:40:00Z'); // a second pass sends nothing again
    const mails = mailTo(witness.email);
    expect(mails).toHaveLength(2);
    expect(mailHeaders(mails[1]!.raw).subject).toMatch(/submitted proof for "Week 1: Foundations"/);
    expect(hooks.requests).toHaveLength(1);
    const hook = hooks.requests[0]!;
    expect(hook.headers['x-recital-event']).toBe('checkpoint.submitted');
    expect(
      verifyWebhookSignature(
        secret,
        hook.headers['x-recital-signature'] as string,
        hook.headers['x-recital-timestamp'] as string,
        hook.body,
        {
          nowSeconds: Date.parse('2026-03-03T01:31:00Z') / 1000,
        },
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'whsec_wrong',
        hook.headers['x-recital-signature'] as string,
        hook.headers['x-recital-timestamp'] as string,
        hook.body,
        {
          nowSeconds: Date.parse('2026-03-03T01:31:00Z') / 1000,
        },
      ),
    ).toBe(false);
    expect(JSON.parse(hook.body)).toMatchObject({ kind: 'checkpoint.submitted', projectName: 'Launch' });
  });

  it('retries a failed webhook with backoff under the same delivery id', async () => {
    failNextHook = true;
    const params = { projectId, checkpointId: 'cp-week-1' };
    const current = await witness.client.call(getCheckpoint, { params });
    await witness.client.call(reviewCheckpoint, {
      params,
      body: {
        submissionId: current.submissions[0]!.submissionId,
        decision: 'rejected',
        reason: 'incomplete',
        comment: 'Add the link',
      },
    });
    await builder.client.call(submitCheckpoint, {
      params,
      body: { proof: [{ kind: 'text', text: 'Now with the link' }] },
    });
    await moveTo('2026-03-03T02:00:00Z');
    expect(hooks.requests).toHaveLength(2); // the attempt that failed
    // Backing off: the first retry waits a random time under 30 s (full jitter).
    const waiting = await server.deps.db
      .selectFrom('deliveries')
      .selectAll()
      .where('last_error', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      id: hooks.requests[1]!.headers['x-recital-delivery'],
    });
    expect(waiting.last_error).toMatch(/503/);
    expect(waiting.next_attempt_at >= '2026-03-03T02:00:00.000Z').toBe(true);
    expect(waiting.next_attempt_at <= '2026-03-03T02:00:30.000Z').toBe(true);
    await moveTo('2026-03-03T02:00:31Z');
    expect(hooks.requests).toHaveLength(3);
    const [failed, retried] = hooks.requests.slice(1);
    expect(retried!.headers['x-recital-delivery']).toBe(failed!.headers['x-recital-delivery']);
    await moveTo('2026-03-03T05:30:00Z');
    expect(hooks.requests).toHaveLength(3);
  });

  it('gathers email into one daily digest at the chosen local time', async () => {
    await builder.client.call(updateNotificationSettings, { body: { digestTime: '08:00' } });
    const before = mailTo(builder.email).length;
    const params = { projectId, checkpointId: 'cp-week-1' };
    const current = await witness.client.call(getCheckpoint, { params });
    await witness.client.call(reviewCheckpoint, {
      params,
      body: {
        submissionId: current.submissions[1]!.submissionId,
        decision: 'approved',
        comment: 'Looks good',
      },
    });
    await moveTo('2026-03-03T15:59:00Z'); // 07:59 in Los Angeles
    expect(mailTo(builder.email)).toHaveLength(before);
    await moveTo('2026-03-03T16:00:00Z');
    await moveTo('2026-03-03T16:05:00Z');
    const digests = mailTo(builder.email).slice(before);
    expect(digests).toHaveLength(1);
    expect(mailHeaders(digests[0]!.raw).subject).toMatch(/digest/i);
    expect(digests[0]!.raw).toContain('was approved');
  });

  it('keeps an inbox with read state, and settings with channels hidden', async () => {
    const inbox = await builder.client.call(listNotifications, { query: {} });
    expect(inbox.unreadCount).toBeGreaterThan(0);
    await builder.client.call(markNotificationsRead, { body: { ids: [inbox.items[0]!.id] } });
    expect((await builder.client.call(listNotifications, { query: {} })).unreadCount).toBe(
      inbox.unreadCount - 1,
    );
    await builder.client.call(markNotificationsRead, { body: { all: true } });
    expect((await builder.client.call(listNotifications, { query: { unread: 'true' } })).items).toEqual([]);
    // Nobody reads or marks another person's notifications.
    const witnessInbox = await witness.client.call(listNotifications, { query: {} });
    expect(
      (await builder.client.call(markNotificationsRead, { body: { ids: [witnessInbox.items[0]!.id] } }))
        .marked,
    ).toBe(0);

    const settings = await witness.client.call(getNotificationSettings, {});
    expect(settings).toMatchObject({
      email: true,
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Asia/Kolkata',
    });
    expect(settings.channels[0]?.urlHint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/);
    expect(JSON.stringify(settings)).not.toContain(secret);
    await expectApiError(
      builder.client.call(removeNotificationChannel, { params: { channelId: settings.channels[0]!.id } }),
      'notifications.channel_not_found',
      404,
    );
  });
});

describe('notifications without SMTP or an allow-list', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
      env: { RECITAL_TEST_CLOCK: '1' },
    });
  });
  afterAll(() => server.close());

  it('refuses channels that point into private networks, and writes mail to files', async () => {
    const { witness } = await committedProject(server.url, {
      builderZone: 'Pacific/Auckland',
      witnessZone: 'Europe/Berlin',
      dueDates: { 'cp-week-1': '2026-03-13', 'cp-week-2': '2026-03-20' },
    });
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
      'http://10.1.2.3/',
    ]) {
      const error = await expectApiError(
        witness.client.call(addNotificationChannel, { body: { kind: 'slack', label: 'x', url } }),
        'url.refused',
        400,
      );
      expect(error.message).toMatch(/private|loopback|link-local|metadata|address/i);
    }
    expect((await witness.client.call(getNotificationSettings, {})).channels).toEqual([]);
    await createApiClient({ baseUrl: server.url }).call(setTestClock, {
      body: { now: '2026-03-02T17:01:00Z' },
    });
    const mailDir = path.join(server.deps.config.db.dataDir, 'mail');
    const files = await readdir(mailDir);
    expect(files.length).toBeGreaterThan(0);
    const raw = await readFile(path.join(mailDir, files[0]!), 'utf8');
    expect(mailHeaders(raw).to).toContain(witness.email);
  });
});
