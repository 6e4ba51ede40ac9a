import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../core/time/clock.js';
import type { AppConfig } from './config/app-config.js';
import type { Database } from './db/schema.js';
import type { Dialect } from './db/database.js';
import type { PlanParser } from './modules/plans/plan-parser.js';
import type { BlobStore } from './shared/blob-store.js';
import type { EventHub } from './modules/events/event-hub.js';
import type { DeliverySender } from './modules/notifications/delivery-worker.js';

/** Everything the use cases may touch, built once at start and passed by name. */
export interface Deps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  config: AppConfig;
  /** Reads imported plans off the event loop. */
  planParser: PlanParser;
  /** Uploaded proof files. */
  blobs: BlobStore;
  /** Delivers notifications: e-mail, chat and webhooks. */
  sender: DeliverySender;
  /** Live updates for open pages. */
  events: EventHub;
}

/** Who is acting: a signed-in browser session or a personal API token. */
export interface Actor {
  userId: string;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}
