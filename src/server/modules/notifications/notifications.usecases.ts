import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  addNotificationChannel,
  NotificationDto,
  updateNotificationSettings,
} from '../../../contracts/notifications.contract.js';
import { validateQuietHours } from '../../../core/notifications/quiet-hours.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { checkOutboundUrl } from '../../shared/outbound-url.js';
import { newId, newSecret } from '../../shared/secrets.js';

type SettingsBody = z.output<NonNullable<(typeof updateNotificationSettings)['body']>>;
type ChannelBody = z.output<NonNullable<(typeof addNotificationChannel)['body']>>;

export async function listNotifications(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: { unread: boolean; limit: number },
): Promise<{ items: NotificationDto[]; unreadCount: number }> {
  let rows = deps.db.selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
  if (query.unread) rows = rows.where('read_at', 'is', null);
  const [items, unread] = await Promise.all([
    rows.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).execute(),
    deps.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((row) => ({
      id: row.id,
      kind: row.kind,
      projectId: row.project_id,
      title: row.title,
      body: row.body,
      url: row.url,
      createdAt: row.created_at,
      readAt: row.read_at,
    })),
    unreadCount: Number(unread.n),
  };
}

export async function markRead(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  body: { ids: string[] } | { all: true },
): Promise<{ marked: number }> {
  let update = deps.db
    .updateTable('notifications')
    .set({ read_at: deps.clock.now().toISOString() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null);
  if ('ids' in body) update = update.where('id', 'in', body.ids);
  const result = await update.executeTakeFirst();
  return { marked: Number(result.numUpdatedRows) };
}

function urlHint(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/…`;
}

async function settingsOf(db: Kysely<Database>, userId: string) {
  const [user, prefs, channels] = await Promise.all([
    db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirstOrThrow(),
    db.selectFrom('notification_prefs').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('notification_channels')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    email: (prefs?.email ?? 1) === 1,
    quietHours:
      prefs?.quiet_start && prefs.quiet_end ? { start: prefs.quiet_start, end: prefs.quiet_end } : null,
    digestTime: prefs?.digest_time ?? null,
    timeZone: user.time_zone,
    channels: channels.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label,
      urlHint: urlHint(c.url),
      createdAt: c.created_at,
    })),
  };
}

export function getSettings(deps: Pick<Deps, 'db'>, actor: Actor) {
  return settingsOf(deps.db, actor.userId);
}

export async function updateSettings(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, body: SettingsBody) {
  if (body.quietHours) {
    const issues = validateQuietHours(body.quietHours);
    const first = issues[0];
    if (first)
      throw new AppError('request.invalid', {
        message: `quietHours.${first.path}: ${first.message}`,
        details: { issues },
      });
  }
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('notification_prefs')
      .selectAll()
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    const next = {
      user_id: actor.userId,
      email: body.email === undefined ? (current?.email ?? 1) : body.email ? 1 : 0,
      quiet_start:
        body.quietHours === undefined ? (current?.quiet_start ?? null) : (body.quietHours?.start ?? null),
      quiet_end:
        body.quietHours === undefined ? (current?.quiet_end ?? null) : (body.quietHours?.end ?? null),
      digest_time: body.digestTime === undefined ? (current?.digest_time ?? null) : body.digestTime,
      // The first digest covers what arrives from now on.
      last_digest_at:
        body.digestTime && body.digestTime !== current?.digest_time ? now : (current?.last_digest_at ?? null),
      updated_at: now,
    };
    await trx
      .insertInto('notification_prefs')
      .values(next)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(next))
      .execute();
    // Turning the digest off sends what it was holding as ordinary mail.
    if (!next.digest_time)
      await trx
        .updateTable('deliveries')
        .set({ status: 'pending', next_attempt_at: now })
        .where('user_id', '=', actor.userId)
        .where('status', '=', 'digest')
        .execute();
    return settingsOf(trx, actor.userId);
  });
}

export async function addChannel(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  body: ChannelBody,
) {
  const check = await checkOutboundUrl(body.url, {
    allow: { hosts: deps.config.outbound.allowHosts, cidrs: deps.config.outbound.allowCidrs },
  });
  if (!check.ok)
    throw new AppError('url.refused', {
      message: `url: ${check.message}`,
      details: { field: 'url', code: check.code },
    });
  const row = {
    id: newId(),
    user_id: actor.userId,
    kind: body.kind,
    label: body.label,
    url: body.url,
    secret: body.kind === 'webhook' ? newSecret('whsec_') : null,
    created_at: deps.clock.now().toISOString(),
  };
  await deps.db.insertInto('notification_channels').values(row).execute();
  return {
    channel: {
      id: row.id,
      kind: row.kind,
      label: row.label,
      urlHint: urlHint(row.url),
      createdAt: row.created_at,
    },
    secret: row.secret,
  };
}

export async function removeChannel(deps: Pick<Deps, 'db'>, actor: Actor, channelId: string): Promise<null> {
  const result = await deps.db
    .deleteFrom('notification_channels')
    .where('id', '=', channelId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('notifications.channel_not_found');
  await deps.db
    .deleteFrom('deliveries')
    .where('channel', '=', channelId)
    .where('status', 'in', ['pending'])
    .execute();
  return null;
}
