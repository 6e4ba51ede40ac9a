import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A new random secret with a recognisable prefix, e.g. `rct_…` for API tokens. */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256 (they carry 256 bits of entropy, so no slow hash is needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function newId(): string {
  return randomUUID();
}
