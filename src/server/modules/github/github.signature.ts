/**
 * Authenticity of inbound GitHub webhooks. GitHub signs each delivery with the webhook's secret:
 *
 *   X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw request body>
 *
 * The HMAC must be computed over the exact bytes received (re-serialised JSON differs in spacing and
 * escapes), and compared in constant time so the response time reveals nothing about the expected value.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type GitHubSignatureResult =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' };

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Whether `header` (the `X-Hub-Signature-256` value) signs `rawBody` with one of `secrets`.
 *
 * Several secrets allow rotation: add the new secret, change it on GitHub, then drop the old one, without
 * refusing deliveries in between. Empty secrets are skipped, because an HMAC keyed with "" is one anybody
 * can compute: an unset secret must never verify.
 *
 * @example
 * const check = verifyGitHubSignature({
 *   secrets: [config.webhookSecret],
 *   rawBody: request.rawBody,
 *   header: request.headers['x-hub-signature-256'],
 * });
 * if (!check.ok) return reply.code(401).send(); // check.reason: 'missing' | 'malformed' | 'mismatch'
 */
export function verifyGitHubSignature(input: {
  secrets: readonly string[];
  rawBody: Buffer;
  header: string | undefined;
}): GitHubSignatureResult {
  const header = input.header?.trim() ?? '';
  if (header === '') return { ok: false, reason: 'missing' };
  const hex = HEADER.exec(header)?.[1];
  if (hex === undefined) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(hex, 'hex');
  const matches = input.secrets
    .filter((secret) => secret !== '')
    .some((secret) => sameBytes(given, hmacOf(secret, input.rawBody)));
  return matches ? { ok: true } : { ok: false, reason: 'mismatch' };
}

function hmacOf(secret: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/** timingSafeEqual throws on different lengths; the length itself is public (always 32 bytes here). */
function sameBytes(left: Buffer, right: Buffer): boolean {
  return left.length === right.length && timingSafeEqual(left, right);
}
