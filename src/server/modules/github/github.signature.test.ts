import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyGitHubSignature } from './github.signature.js';

// GitHub's documented example ("Validating webhook deliveries").
const SECRET = "It's a Secret to Everybody";
const BODY = Buffer.from('Hello, World!', 'utf8');
const SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

const verify = (header: string | undefined, secrets: string[] = [SECRET], rawBody = BODY) =>
  verifyGitHubSignature({ secrets, rawBody, header });

describe('verifyGitHubSignature', () => {
  it("accepts GitHub's documented example", () => {
    expect(verify(SIGNATURE)).toEqual({ ok: true });
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    const upper = `sha256=${SIGNATURE.slice('sha256='.length).toUpperCase()}`;
    expect(verify(` ${upper} `)).toEqual({ ok: true });
  });

  it('accepts any of several secrets, so a secret can be rotated', () => {
    expect(verify(SIGNATURE, ['the-new-secret', SECRET])).toEqual({ ok: true });
    expect(verify(SIGNATURE, [SECRET, 'the-new-secret'])).toEqual({ ok: true });
  });

  it('refuses a body changed by one byte', () => {
    expect(verify(SIGNATURE, [SECRET], Buffer.from('Hello, World?'))).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses the right body signed with another secret', () => {
    expect(verify(SIGNATURE, ['not the secret'])).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses everything when no secret is configured, even a signature made with an empty key', () => {
    const emptyKey = `sha256=${createHmac('sha256', '').update(BODY).digest('hex')}`;
    expect(verify(emptyKey, [''])).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(SIGNATURE, [])).toEqual({ ok: false, reason: 'mismatch' });
  });

  it.each([[undefined], [''], ['   ']])('reports a missing header (%j)', (header) => {
    expect(verify(header)).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['the SHA-1 header format', 'sha1=0123456789abcdef0123456789abcdef01234567'],
    ['no algorithm prefix', SIGNATURE.slice('sha256='.length)],
    ['a truncated digest', SIGNATURE.slice(0, -2)],
    ['a digest one digit too long', `${SIGNATURE}0`],
    ['non-hex digits', SIGNATURE.replace(/.$/, 'g')],
    ['two signatures', `${SIGNATURE},${SIGNATURE}`],
  ])('reports a malformed header: %s', (_label, header) => {
    expect(verify(header)).toEqual({ ok: false, reason: 'malformed' });
  });
});
