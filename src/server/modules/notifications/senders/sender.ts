/**
 * Delivery of one notification to one channel. A sender never throws for a failed delivery: it answers
 * whether it worked and, when it did not, whether trying again later could help; the worker turns that
 * into a retry (core/notifications/backoff.ts) or a permanent failure.
 */
import type { Clock } from '../../../../core/time/clock.js';
import type { NotificationMessage } from '../../../../core/notifications/messages.js';
import type { OutboundAllowList } from '../../../shared/outbound-url.js';
import { systemClock } from '../../../shared/system-clock.js';
import { createHttpSender } from './http-sender.js';
import { createMailer, type MailerOptions } from './mail-sender.js';

export type ChannelTarget =
  | { kind: 'email'; address: string }
  | { kind: 'slack' | 'discord'; url: string }
  | { kind: 'webhook'; url: string; secret: string };

export type HttpTarget = Exclude<ChannelTarget, { kind: 'email' }>;

export type SendResult = { ok: true; detail?: string } | { ok: false; retryable: boolean; error: string };

export interface Sender {
  /** Delivers `message`; `deliveryId` is stable across retries, so receivers can drop duplicates. */
  send(target: ChannelTarget, message: NotificationMessage, deliveryId: string): Promise<SendResult>;
}

export interface DigestMail {
  to: string;
  subject: string;
  text: string;
  /** Stable id of this digest (Message-ID, and the .eml file name); default: a hash of the content. */
  id?: string;
  /** ISO instant the digest covers up to; names the .eml file. */
  at?: string;
}

export interface SenderOptions {
  mail: MailerOptions;
  /** Which private addresses webhooks may reach (`config.outbound`); empty in production by default. */
  allow: OutboundAllowList;
  /** Longest time one HTTP delivery may take. */
  timeoutMs: number;
  /** For webhook signature timestamps; the system clock by default. */
  clock?: Clock;
  /** Host name resolution for the outbound URL guard (tests); the system resolver by default. */
  resolve?: (hostname: string) => Promise<string[]>;
}

/**
 * One sender for every channel kind: e-mail through SMTP (or .eml files), Slack, Discord and generic
 * webhooks over HTTP; plus the daily digest by e-mail. `close()` ends the SMTP connection.
 *
 * @example
 * const sender = createSender({ mail: { smtpUrl, from, mailDir, timeoutMs }, allow, timeoutMs });
 * const result = await sender.send({ kind: 'email', address: 'ada@example.com' }, message, delivery.id);
 */
export function createSender(
  options: SenderOptions,
): Sender & { sendDigest(mail: DigestMail): Promise<SendResult>; close(): void } {
  const mailer = createMailer(options.mail);
  const http = createHttpSender({
    allow: options.allow,
    timeoutMs: options.timeoutMs,
    clock: options.clock ?? systemClock,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  return {
    send(target, message, deliveryId) {
      return target.kind === 'email'
        ? mailer.sendNotification(target.address, message, deliveryId)
        : http.send(target, message, deliveryId);
    },
    sendDigest: (mail) => mailer.sendDigest(mail),
    close: () => mailer.close(),
  };
}
