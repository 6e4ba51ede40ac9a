import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { nextAttempt } from '../../../core/notifications/backoff.js';
import { digestText, nextDigestAt } from '../../../core/notifications/digest.js';
import type { NotificationMessage } from '../../../core/notifications/messages.js';
import { deliverAt } from '../../../core/notifications/quiet-hours.js';
import type { Database } from '../../db/schema.js';
import type { ChannelTarget, createSender } from './senders/sender.js';

export type DeliverySender = ReturnType<typeof createSender>;

export interface DeliveryDeps {
  db: Kysely<Database>;
  logger: Logger;
  sender: Pick<DeliverySender, 'send' | 'sendDigest'>;
  /** Absolute links in messages; relative ones are dropped without it. */
  publicUrl?: string | undefined;
  /** For retry jitter. */
  random: () => number;
}

/** A delivery is claimed for this long; a worker that dies mid-send lets another retry it after. */
const LEASE_MS = 5 * 60_000;
const BATCH = 50;

function absolute(url: string | null, publicUrl: string | undefined): string | null {
  if (!url) return null;
  if (/^https?:\/\//.test(url)) return url;
  return publicUrl ? new URL(url, publicUrl).toString() : null;
}

interface Due {
  id: string;
  channel: string;
  attempts: number;
  user_id: string;
  notification_id: string;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  created_at: string;
  project_name: string | null;
  email: string;
  time_zone: string;
}

async function targetOf(db: Kysely<Database>, due: Due): Promise<ChannelTarget | null> {
  if (due.channel === 'email') return { kind: 'email', address: due.email };
  const channel = await db
    .selectFrom('notification_channels')
    .selectAll()
    .where('id', '=', due.channel)
    .where('user_id', '=', due.user_id)
    .executeTakeFirst();
  if (!channel) return null;
  if (channel.kind === 'webhook') return { kind: 'webhook', url: channel.url, secret: channel.secret ?? '' };
  return { kind: channel.kind, url: channel.url };
}

/**
 * Send every delivery that is due, at most a batch per call. Each is claimed first with a
 * conditional update (safe with any number of workers on one database), then sent, then marked:
 * sent, retried later with exponential backoff and jitter (after quiet hours), or failed for good.
 * Delivery is at least once: a worker that dies after sending but before marking lets the lease
 * expire and the delivery be sent again, under the same delivery id so receivers can drop it.
 */
export async function deliverDue(
  deps: DeliveryDeps,
  now: Date,
): Promise<{ sent: number; failed: number; retried: number }> {
  const nowIso = now.toISOString();
  const candidates = await deps.db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .innerJoin('users', 'users.id', 'deliveries.user_id')
    .leftJoin('projects', 'projects.id', 'notifications.project_id')
    .select([
      'deliveries.id',
      'deliveries.channel',
      'deliveries.attempts',
      'deliveries.user_id',
      'deliveries.notification_id',
      'notifications.kind',
      'notifications.title',
      'notifications.body',
      'notifications.url',
      'notifications.created_at',
      'projects.name as project_name',
      'users.email',
      'users.time_zone',
    ])
    .where('deliveries.status', '=', 'pending')
    .where('deliveries.next_attempt_at', '<=', nowIso)
    .where((eb) =>
      eb.or([eb('deliveries.claimed_until', 'is', null), eb('deliveries.claimed_until', '<=', nowIso)]),
    )
    .orderBy('deliveries.next_attempt_at')
    .limit(BATCH)
    .execute();
  const counts = { sent: 0, failed: 0, retried: 0 };
  for (const due of candidates as Due[]) {
    const claimed = await deps.db
      .updateTable('deliveries')
      .set({ claimed_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', due.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', nowIso)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const target = await targetOf(deps.db, due);
    const message: NotificationMessage = {
      id: due.notification_id,
      kind: due.kind,
      title: due.title,
      body: due.body,
      url: absolute(due.url, deps.publicUrl),
      createdAt: due.created_at,
      projectName: due.project_name,
    };
    const result = target
      ? await deps.sender.send(target, message, due.id)
      : { ok: false as const, retryable: false, error: 'the channel was removed' };
    const attempts = due.attempts + 1;
    if (result.ok) {
      counts.sent += 1;
      await deps.db
        .updateTable('deliveries')
        .set({ status: 'sent', attempts, sent_at: nowIso, claimed_until: null, last_error: null })
        .where('id', '=', due.id)
        .execute();
      continue;
    }
    const next = result.retryable
      ? nextAttempt({ attempts, nowMs: now.getTime(), random: deps.random })
      : null;
    if (next?.kind === 'retry') {
      counts.retried += 1;
      const prefs = await deps.db
        .selectFrom('notification_prefs')
        .select(['quiet_start', 'quiet_end'])
        .where('user_id', '=', due.user_id)
        .executeTakeFirst();
      const quiet =
        prefs?.quiet_start && prefs.quiet_end ? { start: prefs.quiet_start, end: prefs.quiet_end } : null;
      await deps.db
        .updateTable('deliveries')
        .set({
          attempts,
          next_attempt_at: new Date(deliverAt(next.atMs, due.time_zone, quiet)).toISOString(),
          claimed_until: null,
          last_error: result.error.slice(0, 1000),
        })
        .where('id', '=', due.id)
        .execute();
    } else {
      counts.failed += 1;
      deps.logger.warn(
        { delivery: due.id, channel: due.channel, error: result.error },
        'delivery failed for good',
      );
      await deps.db
        .updateTable('deliveries')
        .set({ status: 'failed', attempts, claimed_until: null, last_error: result.error.slice(0, 1000) })
        .where('id', '=', due.id)
        .execute();
    }
  }
  if (counts.sent + counts.failed + counts.retried > 0) deps.logger.info(counts, 'notifications delivered');
  return counts;
}

/**
 * Send each daily digest that is due: one e-mail with everything held for it since the last one.
 * The person's row is claimed by moving `last_digest_at` forward conditionally, so two workers never
 * both send it; if sending fails, the claim is given back and the held items wait for the next try.
 */
export async function sendDigests(deps: DeliveryDeps, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const people = await deps.db
    .selectFrom('notification_prefs')
    .innerJoin('users', 'users.id', 'notification_prefs.user_id')
    .select([
      'notification_prefs.user_id',
      'notification_prefs.digest_time',
      'notification_prefs.last_digest_at',
      'notification_prefs.updated_at',
      'users.email',
      'users.time_zone',
    ])
    .where('notification_prefs.digest_time', 'is not', null)
    .where('notification_prefs.email', '=', 1)
    .execute();
  let sent = 0;
  for (const person of people) {
    if (!person.digest_time) continue;
    const since = person.last_digest_at ?? person.updated_at;
    if (nextDigestAt(Date.parse(since), person.time_zone, person.digest_time) > now.getTime()) continue;
    const claim = await deps.db
      .updateTable('notification_prefs')
      .set({ last_digest_at: nowIso })
      .where('user_id', '=', person.user_id)
      .where((eb) =>
        person.last_digest_at === null
          ? eb('last_digest_at', 'is', null)
          : eb('last_digest_at', '=', person.last_digest_at),
      )
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) === 0) continue;
    const held = await deps.db
      .selectFrom('deliveries')
      .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
      .leftJoin('projects', 'projects.id', 'notifications.project_id')
      .select([
        'deliveries.id',
        'notifications.title',
        'notifications.body',
        'notifications.created_at',
        'projects.name',
      ])
      .where('deliveries.user_id', '=', person.user_id)
      .where('deliveries.status', '=', 'digest')
      .where('deliveries.created_at', '<=', nowIso)
      .orderBy('notifications.created_at')
      .execute();
    if (held.length === 0) continue;
    const { subject, text } = digestText(
      held.map((h) => ({
        title: h.title,
        body: h.body,
        at: h.created_at,
        ...(h.name ? { projectName: h.name } : {}),
      })),
      person.time_zone,
    );
    const result = await deps.sender.sendDigest({
      to: person.email,
      subject,
      text,
      id: `digest-${person.user_id}-${nowIso}`,
      at: nowIso,
    });
    if (!result.ok) {
      deps.logger.warn({ user: person.user_id, error: result.error }, 'digest not sent; will retry');
      await deps.db
        .updateTable('notification_prefs')
        .set({ last_digest_at: person.last_digest_at })
        .where('user_id', '=', person.user_id)
        .where('last_digest_at', '=', nowIso)
        .execute();
      continue;
    }
    sent += 1;
    await deps.db
      .updateTable('deliveries')
      .set({ status: 'sent', sent_at: nowIso, attempts: 1 })
      .where(
        'id',
        'in',
        held.map((h) => h.id),
      )
      .execute();
  }
  return sent;
}
