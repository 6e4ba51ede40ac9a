import type { FastifyInstance } from 'fastify';
import * as contract from '../../../contracts/projects.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as projects from './projects.usecases.js';

export function projectsRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, contract.createProject, async ({ actor, params, body }) =>
    projects.createProject(deps, actor, params.workspaceId, body),
  );
  addRoute(app, options, contract.listProjects, async ({ actor, params }) => ({
    projects: await projects.listProjects(deps, actor, params.workspaceId),
  }));
  addRoute(app, options, contract.getProject, async ({ actor, params }) =>
    projects.getProject(deps, actor, params.projectId),
  );
  addRoute(app, options, contract.updateProject, async ({ actor, params, body }) =>
    projects.updateProject(deps, actor, params.projectId, body),
  );
}
