import type { FastifyInstance } from 'fastify';
import { listDays, requestPause, spendGrace } from '../../../contracts/days.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as breaks from './breaks.usecases.js';
import * as verdicts from './verdicts.usecases.js';

export function verdictsRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, listDays, async ({ actor, params }) =>
    verdicts.listDays(deps, actor, params.projectId),
  );
  addRoute(app, options, requestPause, async ({ actor, params, body }) =>
    breaks.requestPause(deps, actor, params.projectId, body),
  );
  addRoute(app, options, spendGrace, async ({ actor, params, body }) =>
    breaks.spendGrace(deps, actor, params.projectId, body),
  );
}
