import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('hashes with scrypt, salted, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery', 10);
    const second = await hashPassword('correct horse battery', 10);
    expect(first).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('keeps verifying old hashes after the cost is raised', async () => {
    const old = await hashPassword('s3cret-passphrase', 10);
    await hashPassword('s3cret-passphrase', 12);
    expect(await verifyPassword('s3cret-passphrase', old)).toBe(true);
  });
});
