import { z } from 'zod';
import { defineConfig, env } from '../../config/config.js';

export const accountsConfig = defineConfig({
  signUp: {
    env: 'RECITAL_SIGNUP',
    doc: 'who may create an account after the owner: "open" to anyone, "invite" only with an invitation link',
    schema: env.oneOf(['open', 'invite']),
    default: 'invite',
  },
  sessionDays: {
    env: 'RECITAL_SESSION_DAYS',
    doc: 'days a browser session lasts without use',
    schema: env.positiveInt(),
    default: '30',
  },
  scryptCost: {
    env: 'RECITAL_SCRYPT_COST',
    doc: 'log2 of the scrypt work factor N for new password hashes (17 is the OWASP recommendation)',
    schema: z.coerce.number().int().min(10).max(20),
    default: '17',
  },
  authRateLimit: {
    env: 'RECITAL_AUTH_RATE_LIMIT',
    doc: 'attempts per minute per client address on sign-in, sign-up and token endpoints',
    schema: env.positiveInt(),
    default: '10',
  },
});
