import type { FastifyInstance } from 'fastify';
import { setTestClock } from '../../../contracts/testing.contract.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import type { MovableClock } from './test-clock.js';

/** Registered only when RECITAL_TEST_CLOCK is set; otherwise the route does not exist (404). */
export function testingRoutes(app: FastifyInstance, clock: MovableClock, options: RouteOptions): void {
  addRoute(app, options, setTestClock, async ({ body }) => {
    clock.moveTo(new Date(body.now));
    return { now: clock.now().toISOString() };
  });
}
