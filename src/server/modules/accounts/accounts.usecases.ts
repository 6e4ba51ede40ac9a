import type { z } from 'zod';
import type { SignInBody, SignUpBody, UpdateMeBody } from '../../../contracts/auth.contract.js';
import { isUniqueViolation } from '../../db/database.js';
import type { Actor, Deps } from '../../deps.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { acceptInvitationInTransaction, loadUsableInvitation } from '../invitations/invitations.usecases.js';
import { hashPassword, verifyPassword } from './password.js';
import { startSession } from './sessions.js';
import {
  countUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
  type UserRow,
} from './users.repository.js';

type AccountDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

export interface SignedIn {
  user: UserRow;
  sessionToken: string;
}

/**
 * Create an account and its first session. The first account on an empty instance becomes the
 * owner; after that, sign-up is open or needs an invitation, by configuration. With an
 * invitation the account joins its workspace in the same transaction: all or nothing.
 */
export async function signUp(deps: AccountDeps, input: z.output<typeof SignUpBody>): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password, deps.config.accounts.scryptCost);
  const attempt = () =>
    deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      if (await findUserByEmail(trx, input.email)) throw new AppError('users.email_taken');
      const isFirst = (await countUsers(trx)) === 0;
      const invitation = input.invitationToken
        ? await loadUsableInvitation(trx, input.invitationToken, now)
        : undefined;
      if (!isFirst && !invitation && deps.config.accounts.signUp === 'invite')
        throw new AppError('auth.signup_closed');
      if (invitation?.email && invitation.email !== input.email)
        throw new AppError('invitations.wrong_email');
      const user: UserRow = {
        id: newId(),
        email: input.email,
        display_name: input.displayName,
        time_zone: input.timeZone,
        password_hash: passwordHash,
        instance_role: isFirst ? 'owner' : 'member',
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await insertUser(trx, user);
      await recordAudit(trx, {
        workspaceId: null,
        actorId: user.id,
        action: 'user.signed_up',
        subjectId: user.id,
        at: now,
      });
      if (invitation) await acceptInvitationInTransaction(trx, { invitation, userId: user.id, now });
      const { token } = await startSession(trx, user.id, now, deps.config.accounts.sessionDays);
      return { user, sessionToken: token };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two sign-ups raced for the same email or for ownership of an empty instance: decide again.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

// A real hash to compare against when the email is unknown, so timing does not reveal accounts.
let decoyHash: Promise<string> | undefined;

/** Check an email and password; the same error for an unknown email and a wrong password. */
export async function verifyCredentials(
  deps: AccountDeps,
  email: string,
  password: string,
): Promise<UserRow> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) {
    decoyHash ??= hashPassword('decoy-password-never-valid', deps.config.accounts.scryptCost);
    await verifyPassword(password, await decoyHash);
    throw new AppError('auth.invalid_credentials');
  }
  if (!(await verifyPassword(password, user.password_hash))) throw new AppError('auth.invalid_credentials');
  return user;
}

export async function signIn(deps: AccountDeps, input: z.output<typeof SignInBody>): Promise<SignedIn> {
  const user = await verifyCredentials(deps, input.email, input.password);
  const { token } = await startSession(deps.db, user.id, deps.clock.now(), deps.config.accounts.sessionDays);
  return { user, sessionToken: token };
}

export async function getMe(deps: Pick<Deps, 'db'>, actor: Actor): Promise<UserRow> {
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('auth.required');
  return user;
}

export async function updateMe(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: z.output<typeof UpdateMeBody>,
): Promise<UserRow> {
  return deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
      updated_at: deps.clock.now().toISOString(),
    });
    const user = await findUserById(trx, actor.userId);
    if (!user) throw new AppError('auth.required');
    return user;
  });
}
