/**
 * Signatures of Recital's generic webhooks, so a receiver can tell a delivery came from Recital and
 * was not replayed later:
 *
 *   X-Recital-Timestamp: 1776151800
 *   X-Recital-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the channel secret>
 *
 * A receiver recomputes the HMAC over the raw bytes it received (not re-serialised JSON), compares in
 * constant time, and refuses timestamps far from its own clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

/**
 * The `X-Recital-Signature` value for a body sent at `timestamp` (Unix seconds).
 *
 * @example signWebhook('whsec_…', 1776151800, '{"id":"ntf_1"}') // 'sha256=5f0c…'
 */
export function signWebhook(secret: string, timestamp: number | string, body: string | Buffer): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(body);
  return `sha256=${hmac.digest('hex')}`;
}

/**
 * Whether a delivery is authentic: the signature matches the raw body and timestamp, and the timestamp
 * is within `toleranceSeconds` (default 300) of `nowSeconds`, the receiver's clock.
 *
 * @example
 * verifyWebhookSignature(secret, req.headers['x-recital-signature'], req.headers['x-recital-timestamp'],
 *   rawBody, { nowSeconds: Math.floor(Date.now() / 1000) })
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  timestamp: string | number | undefined,
  body: string | Buffer,
  options: { toleranceSeconds?: number; nowSeconds: number },
): boolean {
  const given = SIGNATURE.exec(header?.trim() ?? '')?.[1];
  const stamp = String(timestamp ?? '').trim();
  if (given === undefined || !TIMESTAMP.test(stamp)) return false;
  if (Math.abs(options.nowSeconds - Number(stamp)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = signWebhook(secret, stamp, body).slice('sha256='.length);
  // Both are 64 hex digits here, so the lengths match and the comparison takes constant time.
  return timingSafeEqual(Buffer.from(given, 'utf8'), Buffer.from(expected, 'utf8'));
}
