/**
 * E-mail: over SMTP when a server is configured, else each message written as an RFC 822 .eml file
 * into the mail directory (open it in any mail client; tests read it back).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type NodemailerError, type SendMailOptions } from 'nodemailer';
import { emailContent, type NotificationMessage } from '../../../../core/notifications/messages.js';
import type { DigestMail, SendResult } from './sender.js';

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://…; unset: write .eml files into `mailDir`. */
  smtpUrl?: string;
  /** 'Recital <recital@example.com>'. */
  from: string;
  mailDir: string;
  /** Connection, greeting and idle-socket timeout of an SMTP exchange. */
  timeoutMs: number;
}

export interface Mailer {
  sendNotification(to: string, message: NotificationMessage, deliveryId: string): Promise<SendResult>;
  sendDigest(mail: DigestMail): Promise<SendResult>;
  close(): void;
}

/** Errors without an SMTP reply that a later attempt may get past (the network, the server's TLS). */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY']);

/**
 * A mailer for notifications and digests. Each message carries a Message-ID made from its delivery id,
 * so a retried message is recognisably the same one, and an .eml file is named by it, so a retry
 * overwrites the file instead of adding a second.
 *
 * @example
 * const mailer = createMailer({ from: 'Recital <recital@localhost>', mailDir: '.recital/mail', timeoutMs: 10_000 });
 * await mailer.sendNotification('ada@example.com', message, 'dlv_1'); // .recital/mail/2026-…-dlv_1.eml
 */
export function createMailer(options: MailerOptions): Mailer {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(options.from)?.[1] ?? 'localhost';
  const deliver = options.smtpUrl ? smtpDelivery(options.smtpUrl, options) : fileDelivery(options);
  const common = (to: string, id: string, date: string | undefined): SendMailOptions => ({
    from: options.from,
    to,
    messageId: `<${id}@${domain}>`,
    ...(date !== undefined && !Number.isNaN(Date.parse(date)) ? { date: new Date(date) } : {}),
  });
  return {
    sendNotification(to, message, deliveryId) {
      const { subject, text, html } = emailContent(message);
      const headers = {
        'Auto-Submitted': 'auto-generated', // RFC 3834: no vacation replies to notifications
        'X-Recital-Delivery': deliveryId,
        'X-Recital-Event': message.kind,
      };
      const mail = { ...common(to, deliveryId, message.createdAt), subject, text, html, headers };
      return deliver.send(mail, fileName(message.createdAt, deliveryId));
    },
    sendDigest(digest) {
      const id =
        digest.id ?? `digest-${sha256(`${digest.to}\n${digest.subject}\n${digest.text}`).slice(0, 24)}`;
      const mail = {
        ...common(digest.to, id, digest.at),
        subject: digest.subject,
        text: digest.text,
        headers: { 'Auto-Submitted': 'auto-generated' },
      };
      return deliver.send(mail, fileName(digest.at, id));
    },
    close: () => deliver.close(),
  };
}

interface Delivery {
  send(mail: SendMailOptions, fileName: string): Promise<SendResult>;
  close(): void;
}

function smtpDelivery(url: string, options: MailerOptions): Delivery {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    dnsTimeout: options.timeoutMs,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail(mail);
        return { ok: true, detail: info.response };
      } catch (error) {
        return smtpFailure(error as NodemailerError);
      }
    },
    close: () => transport.close(),
  };
}

/**
 * An SMTP reply decides: 4xx (try later) and 503 (a command out of order) are retryable, any other 5xx
 * is the server's final word. Without a reply, network trouble is retryable; anything else (a malformed
 * address, say) would fail the same way again.
 */
export function smtpFailure(error: NodemailerError): SendResult {
  const code = error.responseCode;
  const retryable =
    code !== undefined ? code < 500 || code === 503 : TRANSIENT_CODES.has(error.code ?? '') || isErrno(error);
  const reply = error.response ?? '';
  const message = reply && !error.message.includes(reply) ? `${error.message}: ${reply}` : error.message;
  return { ok: false, retryable, error: `SMTP: ${message}` };
}

/** Socket errors that surface with their errno code (ECONNREFUSED, ECONNRESET…). */
function isErrno(error: NodemailerError): boolean {
  return typeof error.errno === 'number' || /^E(CONN|HOST|NET|PIPE|AI_AGAIN|TIMEDOUT)/.test(error.code ?? '');
}

function fileDelivery(options: MailerOptions): Delivery {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail, name) {
      let raw: Buffer;
      try {
        const info = await transport.sendMail(mail);
        raw = info.message as Buffer;
      } catch (error) {
        return { ok: false, retryable: false, error: `Mail: ${(error as Error).message}` };
      }
      const path = join(options.mailDir, name);
      try {
        await writeAtomically(path, raw);
      } catch (error) {
        return {
          ok: false,
          retryable: true,
          error: `Mail: could not write ${path}: ${(error as Error).message}`,
        };
      }
      return { ok: true, detail: `written to ${path}` };
    },
    close: () => transport.close(),
  };
}

/** Readers never see half a message: write beside it, then rename over it. */
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * `<instant>-<id>.eml`, e.g. `2026-04-14T07-30-00.000Z-dlv_1.eml`: sorted by time in a listing, stable
 * for one delivery. An id with characters unsafe in file names is replaced by its hash.
 */
export function fileName(at: string | undefined, id: string): string {
  const ms = at === undefined ? Number.NaN : Date.parse(at);
  const stamp = Number.isNaN(ms) ? 'undated' : new Date(ms).toISOString().replace(/:/g, '-');
  const safeId = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/.test(id) ? id : sha256(id).slice(0, 32);
  return `${stamp}-${safeId}.eml`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
