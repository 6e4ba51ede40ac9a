import type { FastifyInstance } from 'fastify';
import { getMe, getSession, signIn, signOut, signUp, updateMe } from '../../../contracts/auth.contract.js';
import type { Deps } from '../../deps.js';
import { clearSessionCookie, setSessionCookie } from '../../http/auth.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import { AppError } from '../../shared/errors.js';
import * as accounts from './accounts.usecases.js';
import { presentUser } from './accounts.presenters.js';
import { csrfTokenFor, endSession } from './sessions.js';

export function accountsRoutes(
  app: FastifyInstance,
  deps: Deps,
  options: RouteOptions & { secureCookies: boolean },
): void {
  const cookie = { days: deps.config.accounts.sessionDays, secure: options.secureCookies };

  addRoute(app, options, signUp, async ({ body, reply }) => {
    const { user, sessionToken } = await accounts.signUp(deps, body);
    setSessionCookie(reply, sessionToken, cookie);
    return { user: presentUser(user), csrfToken: csrfTokenFor(sessionToken) };
  });

  addRoute(app, options, signIn, async ({ body, reply }) => {
    const { user, sessionToken } = await accounts.signIn(deps, body);
    setSessionCookie(reply, sessionToken, cookie);
    return { user: presentUser(user), csrfToken: csrfTokenFor(sessionToken) };
  });

  addRoute(app, options, signOut, async ({ actor, reply }) => {
    if (actor.sessionId) await endSession(deps.db, actor.sessionId);
    clearSessionCookie(reply, options.secureCookies);
    return null;
  });

  addRoute(app, options, getSession, async ({ actor, request }) => {
    if (!request.sessionToken)
      throw new AppError('auth.required', {
        message: 'This endpoint is for browser sessions; API tokens need no CSRF token.',
      });
    return {
      user: presentUser(await accounts.getMe(deps, actor)),
      csrfToken: csrfTokenFor(request.sessionToken),
    };
  });

  addRoute(app, options, getMe, async ({ actor }) => presentUser(await accounts.getMe(deps, actor)));

  addRoute(app, options, updateMe, async ({ actor, body }) =>
    presentUser(await accounts.updateMe(deps, actor, body)),
  );
}
