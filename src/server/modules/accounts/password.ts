import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { safeEqual } from '../../shared/secrets.js';

const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function scryptOptions(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 128 * N * r * 2 };
}

/**
 * Hash a password with scrypt. The parameters are stored in the hash, so the cost can be raised
 * later without invalidating existing hashes. OWASP recommends log2(N) = 17, r = 8, p = 1.
 *
 * @example await hashPassword('correct horse battery', 17) // 'scrypt$17$8$1$<salt>$<key>'
 */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, scryptOptions(logN, 8, 1));
  return ['scrypt', logN, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return false;
  const derived = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    scryptOptions(Number(logN), Number(r), Number(p)),
  );
  return safeEqual(derived.toString('base64url'), key);
}
