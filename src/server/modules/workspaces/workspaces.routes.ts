import type { FastifyInstance } from 'fastify';
import * as contract from '../../../contracts/workspaces.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as workspaces from './workspaces.usecases.js';

export function workspacesRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, contract.listWorkspaces, async ({ actor }) => ({
    workspaces: await workspaces.listWorkspaces(deps, actor),
  }));
  addRoute(app, options, contract.createWorkspace, async ({ actor, body }) =>
    workspaces.createWorkspace(deps, actor, body),
  );
  addRoute(app, options, contract.getWorkspace, async ({ actor, params }) =>
    workspaces.getWorkspace(deps, actor, params.workspaceId),
  );
  addRoute(app, options, contract.updateWorkspace, async ({ actor, params, body }) =>
    workspaces.updateWorkspace(deps, actor, params.workspaceId, body),
  );
  addRoute(app, options, contract.listMembers, async ({ actor, params }) => ({
    members: await workspaces.listMembers(deps, actor, params.workspaceId),
  }));
  addRoute(app, options, contract.setMemberRoles, async ({ actor, params, body }) =>
    workspaces.setMemberRoles(deps, actor, params, body),
  );
  addRoute(app, options, contract.removeMember, async ({ actor, params }) => {
    await workspaces.removeMember(deps, actor, params);
    return null;
  });
}
