import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { hashSecret, newId, newSecret, safeEqual } from '../../shared/secrets.js';
import type { UserRow } from './users.repository.js';
import {
  deleteSession,
  findLiveSession,
  insertSession,
  type SessionRow,
  touchSession,
} from './sessions.repository.js';

export const SESSION_COOKIE = 'recital_session';
const DAY_MS = 86_400_000;
/** Sliding expiry is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 3_600_000;

/** The CSRF token is bound to the session: only someone who can read the session cookie can derive it. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`recital-csrf:${sessionToken}`).digest('base64url');
}

export function isValidCsrfToken(sessionToken: string, presented: string | undefined): boolean {
  return presented !== undefined && safeEqual(csrfTokenFor(sessionToken), presented);
}

export async function startSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  days: number,
): Promise<{ token: string; session: SessionRow }> {
  const token = newSecret('rss_', 32);
  const session: SessionRow = {
    id: newId(),
    user_id: userId,
    token_hash: hashSecret(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(),
    last_seen_at: now.toISOString(),
  };
  await insertSession(db, session);
  return { token, session };
}

export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  days: number,
): Promise<{ user: UserRow; sessionId: string } | undefined> {
  const found = await findLiveSession(db, hashSecret(token), now.toISOString());
  if (!found) return undefined;
  const { session_id: sessionId, session_last_seen_at: lastSeenAt, ...user } = found;
  if (now.getTime() - Date.parse(lastSeenAt) > TOUCH_INTERVAL_MS) {
    await touchSession(
      db,
      sessionId,
      now.toISOString(),
      new Date(now.getTime() + days * DAY_MS).toISOString(),
    );
  }
  return { user, sessionId };
}

export function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  return deleteSession(db, sessionId);
}
