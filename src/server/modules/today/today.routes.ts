import type { FastifyInstance } from 'fastify';
import * as contract from '../../../contracts/today.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as today from './today.usecases.js';

export function todayRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, contract.getToday, async ({ actor, params }) =>
    today.getToday(deps, actor, params.projectId),
  );
  addRoute(app, options, contract.checkIn, async ({ actor, params, body }) =>
    today.checkIn(deps, actor, params.projectId, body),
  );
  addRoute(app, options, contract.startTask, async ({ actor, params }) =>
    today.startTask(deps, actor, params.projectId, params.taskId),
  );
  addRoute(app, options, contract.finishTask, async ({ actor, params }) =>
    today.finishTask(deps, actor, params.projectId, params.taskId),
  );
  addRoute(app, options, contract.deferTask, async ({ actor, params, body }) =>
    today.deferTask(deps, actor, params.projectId, params.taskId, body.reason),
  );
}
