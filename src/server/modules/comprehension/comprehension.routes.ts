import type { FastifyInstance } from 'fastify';
import {
  getProjectComprehension,
  listUnderstanding,
  recordWalkthrough,
  uploadComprehension,
} from '../../../contracts/comprehension.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as comprehension from './comprehension.usecases.js';

export function comprehensionRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, listUnderstanding, ({ actor, params }) =>
    comprehension.listUnderstanding(deps, actor, params.repositoryId),
  );
  addRoute(app, options, uploadComprehension, ({ actor, params, body }) =>
    comprehension.uploadComprehension(deps, actor, params.repositoryId, body),
  );
  addRoute(app, options, getProjectComprehension, ({ actor, params }) =>
    comprehension.getProjectComprehension(deps, actor, params.projectId),
  );
  addRoute(app, options, recordWalkthrough, ({ actor, params, body }) =>
    comprehension.recordWalkthrough(deps, actor, params.repositoryId, body),
  );
}
