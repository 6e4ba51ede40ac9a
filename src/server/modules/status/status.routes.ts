import type { FastifyInstance } from 'fastify';
import { getBurnup, getPublicStatus } from '../../../contracts/status.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as status from './status.usecases.js';

export function statusRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, getPublicStatus, async ({ params, reply }) => {
    void reply.header('cache-control', 'public, max-age=60');
    return status.getPublicStatus(deps, params.token);
  });
  addRoute(app, options, getBurnup, async ({ actor, params }) =>
    status.getBurnup(deps, actor, params.projectId),
  );
}
