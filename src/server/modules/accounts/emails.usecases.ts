import type { Kysely } from 'kysely';
import type { CommitEmail } from '../../../contracts/emails.contract.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { hashSecret, newId, newSecret } from '../../shared/secrets.js';
import { findUserById } from './users.repository.js';

type EmailDeps = Pick<Deps, 'db' | 'clock' | 'sender'>;

/** A verification link is good for a day. */
const TOKEN_TTL_MS = 24 * 60 * 60_000;

async function requireUser(db: Kysely<Database>, actor: Actor) {
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError('auth.required');
  return user;
}

/** Who else has verified an address: it can belong to one person only. */
async function verifiedOwner(db: Kysely<Database>, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('user_emails')
    .select('user_id')
    .where('email', '=', email)
    .where('verified_at', 'is not', null)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function listEmails(deps: Pick<Deps, 'db'>, actor: Actor): Promise<{ emails: CommitEmail[] }> {
  const user = await requireUser(deps.db, actor);
  const rows = await deps.db
    .selectFrom('user_emails')
    .select(['email', 'verified_at'])
    .where('user_id', '=', user.id)
    .orderBy('email')
    .execute();
  return {
    emails: [
      { email: user.email, primary: true, verified: true },
      ...rows.map((row) => ({ email: row.email, primary: false, verified: row.verified_at !== null })),
    ],
  };
}

/**
 * Add an address and send it a link; adding it again sends a fresh link (the old one stops working).
 * The mail goes out after the row is saved, so a failed send leaves nothing half-done: add again.
 */
export async function addEmail(
  deps: EmailDeps,
  actor: Actor,
  input: { email: string; publicUrl: string },
): Promise<CommitEmail> {
  const user = await requireUser(deps.db, actor);
  const email = input.email.toLowerCase();
  if (email === user.email.toLowerCase()) throw new AppError('emails.primary');
  const owner = await verifiedOwner(deps.db, email);
  if (owner === user.id) return { email, primary: false, verified: true };
  if (owner) throw new AppError('emails.taken');
  const now = deps.clock.now();
  const token = newSecret('ev_');
  const row = {
    token_hash: hashSecret(token),
    token_expires_at: new Date(now.getTime() + TOKEN_TTL_MS).toISOString(),
  };
  await deps.db
    .insertInto('user_emails')
    .values({
      id: newId(),
      user_id: user.id,
      email,
      verified_at: null,
      created_at: now.toISOString(),
      ...row,
    })
    .onConflict((oc) => oc.columns(['user_id', 'email']).doUpdateSet(row))
    .execute();
  const link = `${input.publicUrl.replace(/\/+$/, '')}/verify-email?token=${encodeURIComponent(token)}`;
  const sent = await deps.sender.send(
    { kind: 'email', address: email },
    {
      id: `verify-${hashSecret(token).slice(0, 16)}`,
      kind: 'email.verify',
      title: 'Confirm the address you commit with',
      body: `${user.display_name} added ${email} to Recital, so that commits made with it count as their work.\n\nOpen this link within a day to confirm it: ${link}\n\nIf this was not you, ignore this message; nothing changes.`,
      url: link,
      createdAt: now.toISOString(),
      projectName: null,
    },
    `verify-${newId()}`,
  );
  if (!sent.ok)
    throw new AppError('service.unavailable', {
      message: `The verification mail could not be sent: ${sent.error}. Try again.`,
    });
  return { email, primary: false, verified: false };
}

export async function verifyEmail(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  token: string,
): Promise<CommitEmail> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('user_emails')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!row || !row.token_expires_at || row.token_expires_at < now.toISOString())
      throw new AppError('emails.bad_token');
    const owner = await verifiedOwner(trx, row.email);
    if (owner && owner !== actor.userId) throw new AppError('emails.taken');
    await trx
      .updateTable('user_emails')
      .set({ verified_at: now.toISOString(), token_hash: null, token_expires_at: null })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      workspaceId: null,
      actorId: actor.userId,
      action: 'user.email_verified',
      subjectId: actor.userId,
      data: { email: row.email },
      at: now,
    });
    return { email: row.email, primary: false, verified: true };
  });
}

export async function removeEmail(deps: Pick<Deps, 'db'>, actor: Actor, email: string): Promise<void> {
  const result = await deps.db
    .deleteFrom('user_emails')
    .where('user_id', '=', actor.userId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('emails.not_found');
}

/** Every address a person's commits are recognised by: the account's and the verified ones. */
export async function commitEmailsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const user = await findUserById(db, userId);
  const rows = await db
    .selectFrom('user_emails')
    .select('email')
    .where('user_id', '=', userId)
    .where('verified_at', 'is not', null)
    .execute();
  return [...(user ? [user.email.toLowerCase()] : []), ...rows.map((row) => row.email)];
}
