import { z } from 'zod';
import { canonicalTimeZone } from '../core/time/time-zone.js';

/** Opaque identifiers: time-ordered, URL-safe. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Expected an identifier.');

/** An instant, always as an ISO 8601 string in UTC. */
export const Instant = z.iso.datetime({ offset: false });

export const TimeZone = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (!zone) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an IANA time zone. Use a name such as "Europe/Berlin" or "America/New_York".`,
      });
      return z.NEVER;
    }
    return zone;
  })
  .meta({ type: 'string', description: 'IANA time zone name, e.g. Europe/Berlin' });

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Expected an email address such as ada@example.com.' }))
  .transform((value) => value.toLowerCase());

export const Password = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(256, 'Use at most 256 characters.');

export const DisplayName = z.string().trim().min(1, 'A display name is required.').max(80);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
