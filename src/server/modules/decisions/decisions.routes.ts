import type { FastifyInstance } from 'fastify';
import * as contract from '../../../contracts/decisions.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as decisions from './decisions.usecases.js';

export function decisionsRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, contract.importDecision, async ({ actor, params, body }) =>
    decisions.importDecision(deps, actor, params.projectId, body),
  );
  addRoute(app, options, contract.listDecisions, async ({ actor, params }) =>
    decisions.listDecisions(deps, actor, params.projectId),
  );
}
