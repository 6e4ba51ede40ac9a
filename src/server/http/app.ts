import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.js';
import { accountsRoutes } from '../modules/accounts/accounts.routes.js';
import { checkpointsRoutes } from '../modules/checkpoints/checkpoints.routes.js';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.js';
import { cohortRoutes } from '../modules/cohort/cohort.routes.js';
import { statusRoutes } from '../modules/status/status.routes.js';
import { forecastRoutes } from '../modules/forecast/forecast.routes.js';
import { eventsRoutes } from '../modules/events/events.routes.js';
import { githubRoutes } from '../modules/github/github.routes.js';
import { comprehensionRoutes } from '../modules/comprehension/comprehension.routes.js';
import { emailsRoutes } from '../modules/accounts/emails.routes.js';
import { reposRoutes } from '../modules/repos/repos.routes.js';
import { contractsRoutes } from '../modules/contracts/contracts.routes.js';
import { decisionsRoutes } from '../modules/decisions/decisions.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { invitationsRoutes } from '../modules/invitations/invitations.routes.js';
import { ledgerRoutes } from '../modules/ledger/ledger.routes.js';
import { plansRoutes } from '../modules/plans/plans.routes.js';
import { projectsRoutes } from '../modules/projects/projects.routes.js';
import { scheduleRoutes } from '../modules/schedule/schedule.routes.js';
import type { MovableClock } from '../modules/testing/test-clock.js';
import { testingRoutes } from '../modules/testing/testing.routes.js';
import { todayRoutes } from '../modules/today/today.routes.js';
import { verdictsRoutes } from '../modules/verdicts/verdicts.routes.js';
import { tokensRoutes } from '../modules/tokens/tokens.routes.js';
import { workspacesRoutes } from '../modules/workspaces/workspaces.routes.js';
import { AppError } from '../shared/errors.js';
import { installErrorHandling } from './errors.js';
import { registerOpenApi } from './openapi.js';
import { installSecurityHeaders } from './security-headers.js';
import { packageRoot, registerWebApp } from './web.js';
import path from 'node:path';

export interface AppOptions {
  /** Overrides the built web app folder (default: dist/web in the package). */
  webDir?: string;
  version?: string;
  /** Only with RECITAL_TEST_CLOCK: exposes POST /api/v1/test/clock. */
  testClock?: MovableClock;
}

/**
 * The whole HTTP application, ready to `inject()` or `listen()`; it never listens by itself.
 */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const { http } = deps.config;
  const secure = http.publicUrl?.startsWith('https:') ?? false;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: http.bodyLimit,
    trustProxy: http.trustProxy,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionToken', undefined);
  installErrorHandling(app);

  installSecurityHeaders(app, { hsts: secure });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('request.rate_limited'),
  });
  await registerOpenApi(app, options.version ?? '0.1.0');

  const routeOptions = { deps, rateLimit: deps.config.accounts.authRateLimit };
  healthRoutes(app, deps);
  accountsRoutes(app, deps, { ...routeOptions, secureCookies: secure });
  tokensRoutes(app, deps, routeOptions);
  workspacesRoutes(app, deps, routeOptions);
  invitationsRoutes(app, deps, { ...routeOptions, publicUrl: http.publicUrl });
  projectsRoutes(app, deps, routeOptions);
  plansRoutes(app, deps, routeOptions);
  scheduleRoutes(app, deps, routeOptions);
  decisionsRoutes(app, deps, routeOptions);
  todayRoutes(app, deps, routeOptions);
  ledgerRoutes(app, deps, routeOptions);
  verdictsRoutes(app, deps, routeOptions);
  contractsRoutes(app, deps, routeOptions);
  await checkpointsRoutes(app, deps, routeOptions);
  notificationsRoutes(app, deps, routeOptions);
  statusRoutes(app, deps, routeOptions);
  forecastRoutes(app, deps, routeOptions);
  cohortRoutes(app, deps, routeOptions);
  eventsRoutes(app, deps, routeOptions);
  reposRoutes(app, deps, routeOptions);
  emailsRoutes(app, deps, { ...routeOptions, publicUrl: http.publicUrl });
  comprehensionRoutes(app, deps, routeOptions);
  await githubRoutes(app, deps, routeOptions);
  if (options.testClock) testingRoutes(app, { ...deps, clock: options.testClock }, routeOptions);

  const serveIndex = await registerWebApp(
    app,
    options.webDir ?? http.webDir ?? path.join(packageRoot(), 'dist', 'web'),
  );
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html');
    if (isPage) return serveIndex(request, reply);
    throw new AppError('route.not_found', {
      message: `There is no endpoint ${request.method} ${request.url.split('?')[0]}.`,
    });
  });
  return app;
}
