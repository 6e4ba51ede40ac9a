import type { FastifyInstance } from 'fastify';
import { addEmail, listEmails, removeEmail, verifyEmail } from '../../../contracts/emails.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as emails from './emails.usecases.js';

export function emailsRoutes(
  app: FastifyInstance,
  deps: Deps,
  options: RouteOptions & { publicUrl: string | undefined },
): void {
  addRoute(app, options, listEmails, ({ actor }) => emails.listEmails(deps, actor));
  addRoute(app, options, addEmail, ({ actor, body, request }) =>
    emails.addEmail(deps, actor, {
      email: body.email,
      publicUrl: options.publicUrl ?? `${request.protocol}://${request.host}`,
    }),
  );
  addRoute(app, options, verifyEmail, ({ actor, body }) => emails.verifyEmail(deps, actor, body.token));
  addRoute(app, options, removeEmail, async ({ actor, params }) => {
    await emails.removeEmail(deps, actor, params.email);
    return null;
  });
}
