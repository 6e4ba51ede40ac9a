/**
 * Slack, Discord and generic webhooks: one JSON POST each. Every URL passes the outbound guard and the
 * connection goes to the addresses it vetted (no DNS rebinding); redirects are never followed, since a
 * redirect could lead anywhere the guard did not look.
 */
import http from 'node:http';
import https from 'node:https';
import type { Clock } from '../../../../core/time/clock.js';
import {
  discordPayload,
  slackPayload,
  webhookPayload,
  type NotificationMessage,
} from '../../../../core/notifications/messages.js';
import { checkOutboundUrl, pinnedLookup, type OutboundAllowList } from '../../../shared/outbound-url.js';
import type { HttpTarget, SendResult } from './sender.js';
import { signWebhook } from './webhook-signature.js';

export { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

export interface HttpSenderOptions {
  allow: OutboundAllowList;
  timeoutMs: number;
  clock: Clock;
  resolve?: (hostname: string) => Promise<string[]>;
}

const USER_AGENT = 'Recital-Webhooks/1';
/** Enough of a response body to say why a receiver refused (Slack answers "no_service", say). */
const ERROR_BODY_MAX = 512;

/**
 * Posts notifications to Slack and Discord incoming webhooks and to signed generic webhooks.
 *
 * @example
 * const http = createHttpSender({ allow: { hosts: [], cidrs: [] }, timeoutMs: 10_000, clock });
 * await http.send({ kind: 'webhook', url, secret }, message, 'dlv_1');
 */
export function createHttpSender(options: HttpSenderOptions): {
  send(target: HttpTarget, message: NotificationMessage, deliveryId: string): Promise<SendResult>;
} {
  return {
    send(target, message, deliveryId) {
      const { allow, timeoutMs, resolve } = options;
      const guard = { allow, timeoutMs, ...(resolve ? { resolve } : {}) };
      if (target.kind !== 'webhook') {
        const payload = target.kind === 'slack' ? slackPayload(message) : discordPayload(message);
        return postJson({ ...guard, url: target.url, body: JSON.stringify(payload), headers: {} });
      }
      const body = JSON.stringify(webhookPayload(message));
      const timestamp = String(Math.floor(options.clock.now().getTime() / 1000));
      const headers = {
        'X-Recital-Delivery': deliveryId,
        'X-Recital-Event': message.kind,
        'X-Recital-Timestamp': timestamp,
        'X-Recital-Signature': signWebhook(target.secret, timestamp, body),
      };
      return postJson({ ...guard, url: target.url, body, headers });
    },
  };
}

/**
 * POSTs a JSON body after vetting the URL. 2xx is success; 408, 429, 5xx and network trouble are worth
 * retrying; a redirect, any other 4xx and a refused URL are not. Errors name the receiver's origin only,
 * since webhook URLs carry their secret in the path.
 */
export async function postJson(input: {
  url: string;
  body: string;
  headers: Record<string, string>;
  allow: OutboundAllowList;
  timeoutMs: number;
  resolve?: (hostname: string) => Promise<string[]>;
}): Promise<SendResult> {
  const check = await checkOutboundUrl(input.url, {
    allow: input.allow,
    ...(input.resolve ? { resolve: input.resolve } : {}),
    allowListName: 'RECITAL_OUTBOUND_ALLOW_HOSTS or RECITAL_OUTBOUND_ALLOW_CIDRS',
  });
  // A name that does not resolve today may resolve tomorrow; a bad URL or a private address will not change.
  if (!check.ok) return { ok: false, retryable: check.code === 'url.unresolvable', error: check.message };
  const origin = check.url.origin;
  let response: { status: number; location: string | undefined; text: string };
  try {
    response = await request(check.url, check.addresses, input);
  } catch (error) {
    return { ok: false, retryable: true, error: `${origin}: ${(error as Error).message}` };
  }
  const { status, location, text } = response;
  if (status >= 200 && status < 300) return { ok: true, detail: `HTTP ${status}` };
  if (status >= 300 && status < 400) {
    const to = location ? ` to ${redirectOrigin(location, check.url)}` : '';
    return { ok: false, retryable: false, error: `${origin}: HTTP ${status} redirect${to} not followed` };
  }
  const retryable = status === 408 || status === 429 || status >= 500;
  const why = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return { ok: false, retryable, error: `${origin}: HTTP ${status}${why ? ` ${why}` : ''}` };
}

function request(
  url: URL,
  addresses: readonly string[],
  input: { body: string; headers: Record<string, string>; timeoutMs: number },
): Promise<{ status: number; location: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      // A fresh connection each time: a pooled one could outlive the addresses it was vetted for.
      agent: false,
      lookup: pinnedLookup(addresses),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        ...input.headers,
        'Content-Length': String(Buffer.byteLength(input.body)),
      },
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`timed out after ${input.timeoutMs} ms`)),
      input.timeoutMs,
    );
    const settle =
      <T>(fn: (value: T) => void) =>
      (value: T) => {
        clearTimeout(timer);
        fn(value);
      };
    req.on('error', settle(reject));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = settle(() => {
        res.destroy(); // the status decides; the rest of the body is not worth waiting for
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status, location: res.headers.location, text });
      });
      // Accepted is accepted, even if the body then stalls: a timeout now would send it twice.
      if (status < 400) return done(undefined);
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk.subarray(0, Math.max(0, ERROR_BODY_MAX - size)));
        size += chunk.length;
        if (size >= ERROR_BODY_MAX) done(undefined);
      });
      res.on('end', () => done(undefined));
      res.on('error', settle(reject));
    });
    req.end(input.body);
  });
}

function redirectOrigin(location: string, base: URL): string {
  try {
    return new URL(location, base).origin;
  } catch {
    return 'an invalid location';
  }
}
