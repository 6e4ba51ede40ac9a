import type { FastifyInstance } from 'fastify';
import * as contract from '../../../contracts/plans.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as plans from './plans.usecases.js';

export function plansRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, contract.importPlan, async ({ actor, params, body, reply }) => {
    const result = await plans.importPlanVersion(deps, actor, params.projectId, body);
    if (!result.saved) reply.status(200);
    return result;
  });
  addRoute(app, options, contract.listPlanVersions, async ({ actor, params }) => ({
    versions: await plans.listPlanVersions(deps, actor, params.projectId),
  }));
  addRoute(app, options, contract.getPlanVersion, async ({ actor, params }) =>
    plans.getPlanVersion(deps, actor, params.projectId, params.number),
  );
  addRoute(app, options, contract.getCurrentPlan, async ({ actor, params }) =>
    plans.getPlanVersion(deps, actor, params.projectId, 'current'),
  );
  addRoute(app, options, contract.diffPlanVersions, async ({ actor, params, query }) =>
    plans.diffVersions(deps, actor, params.projectId, query),
  );
}
