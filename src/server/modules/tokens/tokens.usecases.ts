import type { z } from 'zod';
import type {
  ApiToken,
  CreatedApiToken,
  CreateTokenBody,
  ExchangeCredentialsBody,
} from '../../../contracts/tokens.contract.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { hashSecret, newId, newSecret } from '../../shared/secrets.js';
import { verifyCredentials } from '../accounts/accounts.usecases.js';
import type { UserRow } from '../accounts/users.repository.js';
import * as repo from './tokens.repository.js';

export const TOKEN_PREFIX = 'rct_';
const DAY_MS = 86_400_000;
/** last_used_at is written at most once a minute per token, so authenticated reads stay cheap. */
const USAGE_RESOLUTION_MS = 60_000;

export function presentToken(row: repo.ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}

async function issueToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<CreatedApiToken> {
  const now = deps.clock.now();
  const secret = newSecret(TOKEN_PREFIX, 32);
  const row: repo.ApiTokenRow = {
    id: newId(),
    user_id: userId,
    name: input.name,
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    token_hash: hashSecret(secret),
    created_at: now.toISOString(),
    expires_at: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString()
      : null,
    last_used_at: null,
    revoked_at: null,
  };
  await repo.insertToken(deps.db, row);
  return { token: presentToken(row), secret };
}

export function createToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: z.output<typeof CreateTokenBody>,
): Promise<CreatedApiToken> {
  return issueToken(deps, actor.userId, input);
}

/** For `recital login`: email and password in, a personal API token out. */
export async function exchangeCredentials(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: z.output<typeof ExchangeCredentialsBody>,
): Promise<CreatedApiToken> {
  const user = await verifyCredentials(deps, input.email, input.password);
  return issueToken(deps, user.id, { name: input.name });
}

export async function listTokens(deps: Pick<Deps, 'db'>, actor: Actor): Promise<ApiToken[]> {
  return (await repo.listActiveTokens(deps.db, actor.userId)).map(presentToken);
}

/** Revoke one of the actor's tokens; another user's token is "not found". */
export async function revokeToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  tokenId: string,
): Promise<void> {
  if (!(await repo.revokeTokenRow(deps.db, actor.userId, tokenId, deps.clock.now().toISOString())))
    throw new AppError('tokens.not_found');
}

/** The user behind a bearer token, checked against the database on every request so revocation is immediate. */
export async function authenticateToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  secret: string,
): Promise<{ user: UserRow; tokenId: string } | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const now = deps.clock.now();
  const found = await repo.findUsableToken(deps.db, hashSecret(secret), now.toISOString());
  if (!found) return undefined;
  const { token_id: tokenId, token_last_used_at: lastUsedAt, ...user } = found;
  if (!lastUsedAt || now.getTime() - Date.parse(lastUsedAt) >= USAGE_RESOLUTION_MS) {
    await repo.markTokenUsed(deps.db, tokenId, now.toISOString());
  }
  return { user, tokenId };
}
