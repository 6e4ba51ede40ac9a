import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationMessage } from '../../../../core/notifications/messages.js';
import { fixedClock } from '../../../../core/time/clock.js';
import { createHttpSender, postJson } from './http-sender.js';
import { startHttpReceiver, type ReceivedRequest } from './testing.js';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const message: NotificationMessage = {
  id: 'ntf_1',
  kind: 'checkpoint.reviewed',
  title: 'Checkpoint "Beta" approved',
  body: 'Ada approved it. @everyone <!channel>',
  url: 'https://recital.example.com/p/apollo/checkpoints/beta',
  createdAt: '2026-04-14T07:30:00.000Z',
  projectName: 'Apollo',
};

const loopback = { hosts: [], cidrs: ['127.0.0.0/8'] };
const nobody = { hosts: [], cidrs: [] };
const now = new Date('2026-04-14T07:31:05.400Z');
const nowSeconds = Math.floor(now.getTime() / 1000);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function receiver(reply?: (res: ServerResponse, hit: ReceivedRequest) => void) {
  const started = await startHttpReceiver(reply);
  closers.push(started.close);
  return { hits: started.requests, url: started.url };
}

const sender = (allow = loopback, timeoutMs = 2_000) =>
  createHttpSender({ allow, timeoutMs, clock: fixedClock(now) });

describe('generic webhooks', () => {
  it('posts the documented JSON with delivery headers and a signature the receiver can verify', async () => {
    const hook = await receiver();
    const result = await sender().send(
      { kind: 'webhook', url: `${hook.url}/hooks/recital`, secret: 'whsec_test' },
      message,
      'dlv_9',
    );

    expect(result).toEqual({ ok: true, detail: 'HTTP 204' });
    expect(hook.hits).toHaveLength(1);
    const [hit] = hook.hits;
    expect(hit).toMatchObject({ method: 'POST', path: '/hooks/recital' });
    expect(JSON.parse(hit?.body ?? '')).toEqual(message);
    expect(hit?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Recital-Webhooks/1',
      'x-recital-delivery': 'dlv_9',
      'x-recital-event': 'checkpoint.reviewed',
      'x-recital-timestamp': String(nowSeconds),
      'x-recital-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    const signature = hit?.headers['x-recital-signature'] as string;
    const timestamp = hit?.headers['x-recital-timestamp'] as string;
    const verify = (secret: string, body: string | Buffer, at = nowSeconds + 30) =>
      verifyWebhookSignature(secret, signature, timestamp, body, { nowSeconds: at });
    expect(verify('whsec_test', hit?.body ?? '')).toBe(true);
    expect(verify('whsec_test', Buffer.from(hit?.body ?? ''))).toBe(true);
    expect(verify('whsec_other', hit?.body ?? '')).toBe(false);
    expect(verify('whsec_test', `${hit?.body ?? ''} `)).toBe(false);
    expect(verify('whsec_test', hit?.body ?? '', nowSeconds + 301)).toBe(false); // a replay, too late
  });

  it('retries on 500 and 429, gives up on 404, and says what the receiver answered', async () => {
    const statuses = [500, 429, 404, 408, 410];
    const hook = await receiver((res) => res.writeHead(statuses.shift() ?? 200).end('no_service'));
    const send = () => sender().send({ kind: 'webhook', url: `${hook.url}/x`, secret: 's' }, message, 'd');
    expect(await send()).toEqual({ ok: false, retryable: true, error: `${hook.url}: HTTP 500 no_service` });
    expect(await send()).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('HTTP 429'),
    });
    expect(await send()).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('HTTP 404'),
    });
    expect(await send()).toMatchObject({ ok: false, retryable: true });
    expect(await send()).toMatchObject({ ok: false, retryable: false });
  });

  it('reads only the start of a long error body', async () => {
    const hook = await receiver((res) => res.writeHead(502).end('x'.repeat(1_000_000)));
    const result = await sender().send({ kind: 'webhook', url: hook.url, secret: 's' }, message, 'd');
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok ? '' : result.error).toBe(`${hook.url}: HTTP 502 ${'x'.repeat(200)}`);
  });

  it('counts a 2xx as delivered as soon as it arrives, even when the body then stalls', async () => {
    const hook = await receiver((res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('partial');
    });
    const result = await sender(loopback, 300).send(
      { kind: 'webhook', url: hook.url, secret: 's' },
      message,
      'd',
    );
    expect(result).toEqual({ ok: true, detail: 'HTTP 200' });
  });

  it('times out an error response whose body stalls, as retryable', async () => {
    const hook = await receiver((res) => {
      res.writeHead(500, { 'Content-Length': '100' });
      res.write('partial');
    });
    const result = await sender(loopback, 300).send(
      { kind: 'webhook', url: hook.url, secret: 's' },
      message,
      'd',
    );
    expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining('timed out') });
  });

  it('does not follow a redirect, and does not retry it', async () => {
    const hook = await receiver((res, hit) =>
      hit.path === '/moved' ? res.writeHead(302, { Location: '/elsewhere' }).end() : res.writeHead(200).end(),
    );
    const result = await sender().send(
      { kind: 'webhook', url: `${hook.url}/moved`, secret: 's' },
      message,
      'd',
    );
    expect(result).toEqual({
      ok: false,
      retryable: false,
      error: `${hook.url}: HTTP 302 redirect to ${hook.url} not followed`,
    });
    expect(hook.hits.map((hit) => hit.path)).toEqual(['/moved']);
  });

  it('refuses a private address unless allowed, without connecting', async () => {
    const hook = await receiver();
    const result = await sender(nobody).send(
      { kind: 'webhook', url: `${hook.url}/x`, secret: 's' },
      message,
      'd',
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('a loopback address'),
    });
    expect(hook.hits).toHaveLength(0);
  });

  it('retries when nothing listens, when the receiver is too slow, and when the name does not resolve', async () => {
    const hook = await receiver(() => undefined); // never answers
    const slow = await sender(loopback, 200).send(
      { kind: 'webhook', url: hook.url, secret: 's' },
      message,
      'd',
    );
    expect(slow).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('timed out after 200 ms'),
    });

    const refused = await sender().send(
      { kind: 'webhook', url: 'http://127.0.0.1:1/', secret: 's' },
      message,
      'd',
    );
    expect(refused).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('ECONNREFUSED'),
    });

    const unresolved = await postJson({
      url: 'https://hooks.example.invalid/x',
      body: '{}',
      headers: {},
      allow: nobody,
      timeoutMs: 1_000,
      resolve: () => Promise.reject(new Error('ENOTFOUND')),
    });
    expect(unresolved).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('did not resolve'),
    });
  });

  it('connects to the address the guard vetted, not to a fresh DNS answer', async () => {
    const hook = await receiver();
    const port = new URL(hook.url).port;
    const result = await postJson({
      url: `http://receiver.test:${port}/x`,
      body: '{}',
      headers: {},
      allow: loopback,
      timeoutMs: 1_000,
      resolve: async () => ['127.0.0.1'],
    });
    expect(result).toMatchObject({ ok: true });
    expect(hook.hits[0]?.headers.host).toBe(`receiver.test:${port}`);
  });

  it('keeps the secret path of a webhook URL out of error messages', async () => {
    const hook = await receiver((res) => res.writeHead(403).end());
    const result = await sender().send(
      { kind: 'slack', url: `${hook.url}/services/T000/B000/SECRET` },
      message,
      'd',
    );
    expect(result).toEqual({ ok: false, retryable: false, error: `${hook.url}: HTTP 403` });
  });
});

describe('Slack and Discord', () => {
  it('posts the Slack payload, escaped, without Recital headers', async () => {
    const hook = await receiver((res) => res.writeHead(200).end('ok'));
    expect(await sender().send({ kind: 'slack', url: `${hook.url}/services/T/B/x` }, message, 'd')).toEqual({
      ok: true,
      detail: 'HTTP 200',
    });
    const body = JSON.parse(hook.hits[0]?.body ?? '') as {
      text: string;
      blocks: { text: { text: string } }[];
    };
    expect(body.text).toContain('&lt;!channel&gt;');
    expect(body.blocks[0]?.text.text).toContain('*Checkpoint "Beta" approved* · Apollo');
    expect(hook.hits[0]?.headers['x-recital-signature']).toBeUndefined();
  });

  it('posts one Discord embed with mentions disabled', async () => {
    const hook = await receiver();
    expect(
      await sender().send({ kind: 'discord', url: `${hook.url}/api/webhooks/1/t` }, message, 'd'),
    ).toMatchObject({
      ok: true,
    });
    const body = JSON.parse(hook.hits[0]?.body ?? '') as Record<string, unknown>;
    expect(body).toMatchObject({
      allowed_mentions: { parse: [] },
      embeds: [{ title: 'Checkpoint "Beta" approved', description: 'Ada approved it. @everyone <!channel>' }],
    });
  });
});

describe('signWebhook', () => {
  it('is HMAC-SHA256 of "<timestamp>.<body>" in hex (checked against openssl dgst -sha256 -hmac)', () => {
    expect(signWebhook('whsec_test', 1776151800, '{"id":"ntf_1"}')).toBe(
      'sha256=8d5684a9a1dc8b0932643c5248e58a0271b25acb047c10bb7ed8857c093e25bf',
    );
  });
});

describe('verifyWebhookSignature', () => {
  it('refuses malformed headers and timestamps', () => {
    const ok = { nowSeconds: 1_000 };
    expect(verifyWebhookSignature('s', undefined, '1000', '{}', ok)).toBe(false);
    expect(verifyWebhookSignature('s', 'sha256=zz', '1000', '{}', ok)).toBe(false);
    expect(verifyWebhookSignature('s', `sha1=${'0'.repeat(40)}`, '1000', '{}', ok)).toBe(false);
    expect(verifyWebhookSignature('s', `sha256=${'0'.repeat(64)}`, '1e3', '{}', ok)).toBe(false);
    expect(verifyWebhookSignature('s', `sha256=${'0'.repeat(64)}`, '1000', '{}', ok)).toBe(false);
  });
});
