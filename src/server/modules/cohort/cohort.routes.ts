import type { FastifyInstance } from 'fastify';
import {
  COHORT_CSV_PATH,
  CohortQuery,
  getCohort,
  listWitnessed,
  nudgeBuilders,
} from '../../../contracts/cohort.contract.js';
import type { Deps } from '../../deps.js';
import { identify, requireActor } from '../../http/auth.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as cohort from './cohort.usecases.js';

export function cohortRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, getCohort, async ({ actor, params, query }) =>
    cohort.getCohort(deps, actor, params.workspaceId, query.days),
  );
  addRoute(app, options, nudgeBuilders, async ({ actor, params, body }) =>
    cohort.nudge(deps, actor, params.workspaceId, body),
  );
  addRoute(app, options, listWitnessed, async ({ actor }) => cohort.listWitnessed(deps, actor));
  app.get<{ Params: { workspaceId: string }; Querystring: Record<string, string> }>(
    COHORT_CSV_PATH,
    {
      onRequest: async (request) => {
        await identify(options.deps, request);
        requireActor(request);
      },
    },
    async (request, reply) => {
      const { days } = CohortQuery.parse(request.query);
      const data = await cohort.getCohort(deps, requireActor(request), request.params.workspaceId, days);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cohort-${data.through}.csv"`)
        .send(cohort.cohortCsv(data));
    },
  );
}
