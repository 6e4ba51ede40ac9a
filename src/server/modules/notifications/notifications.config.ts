import { z } from 'zod';
import { defineConfig } from '../../config/config.js';

/** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start). */
const smtpUrl = z
  .string()
  .optional()
  .superRefine((value, ctx) => {
    if (value === undefined) return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'Expected a URL such as smtp://user:pass@mail.example.com:587.',
      });
      return;
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      ctx.addIssue({ code: 'custom', message: `Expected smtp: or smtps:, not ${url.protocol}` });
    } else if (url.hostname === '') {
      ctx.addIssue({ code: 'custom', message: 'The URL names no host.' });
    }
  });

/** 'Name <address>' or a bare address; one line, so it cannot add headers. */
const mailbox = z.string().regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
  message: 'Expected an address such as Recital <recital@example.com>.',
});

/**
 * Delivery of notifications by e-mail, Slack, Discord and webhooks. Without an SMTP server, e-mail is
 * written as .eml files into the data directory instead (handy on a laptop, and for tests).
 */
export const notificationsConfig = defineConfig({
  smtpUrl: {
    env: 'RECITAL_SMTP_URL',
    doc: 'SMTP server for e-mail, smtp://user:pass@host:587 or smtps://user:pass@host:465 (unset: write .eml files)',
    schema: smtpUrl,
  },
  mailFrom: {
    env: 'RECITAL_MAIL_FROM',
    doc: 'sender of e-mail, e.g. Recital <recital@example.com>',
    schema: mailbox,
    default: 'Recital <recital@localhost>',
  },
  deliveryTimeoutMs: {
    env: 'RECITAL_DELIVERY_TIMEOUT_MS',
    doc: 'longest time one delivery (SMTP or HTTP) may take, in milliseconds',
    schema: z.coerce.number().int().min(100).max(120_000),
    default: '10000',
  },
  workerIntervalMs: {
    env: 'RECITAL_NOTIFY_INTERVAL_MS',
    doc: 'how often the delivery worker looks for due notifications, in milliseconds',
    schema: z.coerce.number().int().min(100).max(3_600_000),
    default: '15000',
  },
});
