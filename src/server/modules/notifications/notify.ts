import type { Kysely } from 'kysely';
import { deliverAt } from '../../../core/notifications/quiet-hours.js';
import type { Database } from '../../db/schema.js';
import { newId } from '../../shared/secrets.js';
import { publishEvent } from '../events/event-hub.js';

export interface NotificationDraft {
  userIds: readonly string[];
  projectId: string | null;
  /** Dotted, like an error code: `day.nudge`, `checkpoint.submitted`, `review.reminder`… */
  kind: string;
  /** The same fact notified twice (a re-run sweep, a retried request) is one notification. */
  dedupKey: string;
  title: string;
  body: string;
  url?: string | null;
  at: string;
}

/**
 * Put a notification in each person's inbox and its deliveries in the outbox, inside the caller's
 * transaction: it exists exactly when the state change that caused it does. Email follows the
 * person's preferences (on by default; held for the daily digest when they chose one); every chat
 * or webhook channel of theirs gets a delivery too. Quiet hours delay the first attempt.
 * Returns how many notifications were new.
 */
export async function notify(db: Kysely<Database>, draft: NotificationDraft): Promise<number> {
  let created = 0;
  for (const userId of new Set(draft.userIds)) {
    const id = newId();
    const inserted = await db
      .insertInto('notifications')
      .values({
        id,
        user_id: userId,
        project_id: draft.projectId,
        kind: draft.kind,
        dedup_key: draft.dedupKey,
        title: draft.title,
        body: draft.body,
        url: draft.url ?? null,
        created_at: draft.at,
        read_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'dedup_key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    created += 1;
    await publishEvent(db, {
      userId,
      type: 'notification',
      kind: draft.kind,
      projectId: draft.projectId,
      notificationId: id,
    });
    const [user, prefs, channels] = await Promise.all([
      db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirstOrThrow(),
      db.selectFrom('notification_prefs').selectAll().where('user_id', '=', userId).executeTakeFirst(),
      db.selectFrom('notification_channels').select('id').where('user_id', '=', userId).execute(),
    ]);
    const quiet =
      prefs?.quiet_start && prefs.quiet_end ? { start: prefs.quiet_start, end: prefs.quiet_end } : null;
    const first = new Date(deliverAt(Date.parse(draft.at), user.time_zone, quiet)).toISOString();
    const outbox = [
      ...((prefs?.email ?? 1) === 1
        ? [{ channel: 'email', status: prefs?.digest_time ? ('digest' as const) : ('pending' as const) }]
        : []),
      ...channels.map((c) => ({ channel: c.id, status: 'pending' as const })),
    ];
    if (outbox.length === 0) continue;
    await db
      .insertInto('deliveries')
      .values(
        outbox.map(({ channel, status }) => ({
          id: newId(),
          notification_id: id,
          user_id: userId,
          channel,
          status,
          attempts: 0,
          next_attempt_at: first,
          claimed_until: null,
          last_error: null,
          sent_at: null,
          created_at: draft.at,
        })),
      )
      .execute();
  }
  return created;
}
