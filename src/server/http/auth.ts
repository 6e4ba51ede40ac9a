import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Deps } from '../deps.js';
import { resolveSession, SESSION_COOKIE, isValidCsrfToken } from '../modules/accounts/sessions.js';
import { authenticateToken } from '../modules/tokens/tokens.usecases.js';
import { AppError } from '../shared/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    sessionToken: string | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Work out who is calling: a bearer API token, else the session cookie. A cookie-authenticated
 * write must also carry the session's CSRF token and, when the browser sends one, a same-site Origin.
 */
export async function identify(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  request: FastifyRequest,
): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match?.[1] ? await authenticateToken(deps, match[1]) : undefined;
    if (!found)
      throw new AppError('auth.required', {
        message:
          'The API token is invalid, expired or revoked. Create a new one, or run `recital login` again.',
      });
    request.actor = { userId: found.user.id, via: 'token', tokenId: found.tokenId };
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const found = await resolveSession(deps.db, cookie, deps.clock.now(), deps.config.accounts.sessionDays);
  if (!found) return;
  if (!SAFE_METHODS.has(request.method)) {
    const csrf = request.headers['x-csrf-token'];
    if (!isValidCsrfToken(cookie, typeof csrf === 'string' ? csrf : undefined) || !sameOrigin(request)) {
      throw new AppError('auth.csrf_failed');
    }
  }
  request.actor = { userId: found.user.id, via: 'session', sessionId: found.sessionId };
  request.sessionToken = cookie;
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { days: number; secure: boolean },
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.days * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
