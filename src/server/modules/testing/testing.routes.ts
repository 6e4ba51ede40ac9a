import type { FastifyInstance } from 'fastify';
import { setTestClock } from '../../../contracts/testing.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import { deliverNotifications, sweep } from '../../jobs/sweep.js';
import type { MovableClock } from './test-clock.js';

/**
 * Registered only when RECITAL_TEST_CLOCK is set; otherwise the route does not exist (404).
 * Moving the clock also runs the sweeper up to the new instant, as the minute timer would, and
 * delivers the notifications that are then due.
 */
export function testingRoutes(
  app: FastifyInstance,
  deps: Omit<Deps, 'clock'> & { clock: MovableClock },
  options: RouteOptions,
): void {
  addRoute(app, options, setTestClock, async ({ body }) => {
    deps.clock.moveTo(new Date(body.now));
    await sweep(deps, deps.clock.now());
    await deliverNotifications(deps, deps.clock.now());
    return { now: deps.clock.now().toISOString() };
  });
}
