import type { FastifyInstance } from 'fastify';
import { getForecast } from '../../../contracts/forecast.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as forecast from './forecast.usecases.js';

export function forecastRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, getForecast, async ({ actor, params }) =>
    forecast.getForecast(deps, actor, params.projectId),
  );
}
