import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { createFolderBlobStore } from './shared/blob-store.js';
import { systemClock } from './shared/system-clock.js';
import type { Clock } from '../core/time/clock.js';
import { loadAppConfig } from './config/app-config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import type { Deps } from './deps.js';
import { buildApp } from './http/app.js';
import { createLogger } from './http/logger.js';
import { packageRoot } from './http/web.js';
import { createWorkerPlanParser } from './modules/plans/plan-parser.js';
import { movableClock } from './modules/testing/test-clock.js';
import { deliverNotifications, sweep as sweepAll } from './jobs/sweep.js';
import { createEventHub } from './modules/events/event-hub.js';
import { createSender } from './modules/notifications/senders/sender.js';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  deps: Deps;
  close(): Promise<void>;
}

export interface StartOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
  /** Stop gracefully on SIGTERM and SIGINT (off in tests). */
  handleSignals?: boolean;
  webDir?: string;
  /** PostgreSQL schema to use instead of the default search path (tests). */
  searchPath?: string;
  /** Where logs go (default stdout). */
  logDestination?: DestinationStream;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/**
 * Load and validate configuration, open the database, apply migrations, and listen.
 * Throws ConfigError (all problems at once) before touching anything.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const config = loadAppConfig(options.env);
  const logger = createLogger({
    level: config.http.logLevel,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const handle = openDatabase({
    dataDir: config.db.dataDir,
    databaseUrl: config.db.databaseUrl,
    poolSize: config.db.poolSize,
    ...(options.searchPath ? { searchPath: options.searchPath } : {}),
  });
  try {
    const { applied } = await migrateToLatest(handle.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  } catch (error) {
    await handle.close();
    throw error;
  }
  const planParser = createWorkerPlanParser({ timeoutMs: config.plans.parseTimeoutMs });
  const testClock = config.testing.testClock ? movableClock(options.clock ?? systemClock) : undefined;
  const clock = testClock ?? options.clock ?? systemClock;
  const sender = createSender({
    mail: {
      ...(config.notifications.smtpUrl ? { smtpUrl: config.notifications.smtpUrl } : {}),
      from: config.notifications.mailFrom,
      mailDir: path.resolve(config.db.dataDir, 'mail'),
      timeoutMs: config.notifications.deliveryTimeoutMs,
    },
    allow: { hosts: config.outbound.allowHosts, cidrs: config.outbound.allowCidrs },
    timeoutMs: config.notifications.deliveryTimeoutMs,
    clock,
  });
  const events = createEventHub({
    // LISTEN/NOTIFY channels belong to the database, not a schema: the plain URL will do.
    databaseUrl: config.db.databaseUrl,
    logger,
  });
  const deps: Deps = {
    events,
    planParser,
    sender,
    blobs: createFolderBlobStore(path.resolve(config.db.dataDir, 'blobs')),
    db: handle.db,
    dialect: handle.dialect,
    clock,
    logger,
    config,
  };
  const app = await buildApp(deps, {
    version: packageVersion(),
    ...(testClock ? { testClock } : {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
  });
  await app.listen({ port: config.http.port, host: config.http.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, database: handle.dialect }, 'Recital is listening');

  // The sweeper closes ended days every minute, and once now to catch up after downtime.
  let running: Promise<unknown> | undefined;
  const sweep = () =>
    (running ??= sweepAll(deps, deps.clock.now())
      .catch((error: unknown) => logger.error({ err: error }, 'sweep failed'))
      .finally(() => {
        running = undefined;
      }));
  const sweeping = setInterval(() => void sweep(), 60_000);
  sweeping.unref();
  await sweep();

  // The outbox worker sends due notifications and digests.
  let delivering: Promise<unknown> | undefined;
  const deliver = () =>
    (delivering ??= deliverNotifications(deps, deps.clock.now())
      .catch((error: unknown) => logger.error({ err: error }, 'delivery failed'))
      .finally(() => {
        delivering = undefined;
      }));
  const delivery = setInterval(() => void deliver(), config.notifications.workerIntervalMs);
  delivery.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweeping);
      clearInterval(delivery);
      await running;
      await delivering;
      sender.close();
      await events.close();
      await app.close();
      await planParser.close();
      await handle.close();
    })());
  if (options.handleSignals) {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }
  return { url, app, deps, close };
}
