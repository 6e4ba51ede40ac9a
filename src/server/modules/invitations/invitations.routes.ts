import type { FastifyInstance } from 'fastify';
import * as contract from '../../../contracts/workspaces.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as invitations from './invitations.usecases.js';

export function invitationsRoutes(
  app: FastifyInstance,
  deps: Deps,
  options: RouteOptions & { publicUrl: string | undefined },
): void {
  addRoute(app, options, contract.listInvitations, async ({ actor, params }) => ({
    invitations: await invitations.listInvitations(deps, actor, params.workspaceId),
  }));
  addRoute(app, options, contract.createInvitation, async ({ actor, params, body, request }) => {
    // Without RECITAL_PUBLIC_URL, links use the address the organizer reached us on.
    const publicUrl = options.publicUrl ?? `${request.protocol}://${request.host}`;
    return invitations.createInvitation({ ...deps, publicUrl }, actor, params.workspaceId, body);
  });
  addRoute(app, options, contract.revokeInvitation, async ({ actor, params }) => {
    await invitations.revokeInvitation(deps, actor, params);
    return null;
  });
  addRoute(app, options, contract.previewInvitation, async ({ params }) =>
    invitations.previewInvitation(deps, params.token),
  );
  addRoute(app, options, contract.acceptInvitation, async ({ actor, params }) =>
    invitations.acceptInvitation(deps, actor, params.token),
  );
}
