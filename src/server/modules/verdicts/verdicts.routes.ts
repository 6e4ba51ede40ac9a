import type { FastifyInstance } from 'fastify';
import { listDays } from '../../../contracts/days.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as verdicts from './verdicts.usecases.js';

export function verdictsRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, listDays, async ({ actor, params }) =>
    verdicts.listDays(deps, actor, params.projectId),
  );
}
