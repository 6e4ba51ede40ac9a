import type { FastifyInstance } from 'fastify';
import { compileProjectSchedule, getProjectAvailability } from '../../../contracts/schedule.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import { savedAvailability, scheduleProject } from './schedule.usecases.js';

export function scheduleRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, compileProjectSchedule, async ({ actor, params, body }) =>
    scheduleProject(deps, actor, params.projectId, body),
  );
  addRoute(app, options, getProjectAvailability, async ({ actor, params }) => ({
    availability: await savedAvailability(deps, actor, params.projectId),
  }));
}
