import type { FastifyInstance } from 'fastify';
import { compileProjectSchedule } from '../../../contracts/schedule.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import { scheduleProject } from './schedule.usecases.js';

export function scheduleRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, compileProjectSchedule, async ({ actor, params, body }) =>
    scheduleProject(deps, actor, params.projectId, body),
  );
}
