import { EventEmitter } from 'node:events';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.js';

/** Something a person's open pages may want to refetch for. Never carries content: only what changed. */
export interface UserEvent {
  userId: string;
  type: 'notification';
  kind: string;
  projectId: string | null;
  notificationId: string;
}

export type Listener = (event: UserEvent) => void;

export interface EventHub {
  subscribe(userId: string, listener: Listener): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'recital_events';
/** In-process delivery: every hub of this process hears what this process publishes on SQLite. */
const local = new EventEmitter().setMaxListeners(0);

/**
 * Publish inside the caller's transaction. On PostgreSQL `pg_notify` is delivered at commit, to every
 * instance, and never for a rolled-back change. On SQLite (one process) it is emitted at once; a page
 * that refetches waits for the single connection, so it reads the committed state.
 */
export async function publishEvent(db: Kysely<Database>, event: UserEvent): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(db);
  else local.emit('event', event);
}

function isUserEvent(value: unknown): value is UserEvent {
  const event = value as Partial<UserEvent> | null;
  return typeof event?.userId === 'string' && event.type === 'notification';
}

/**
 * Subscriptions by user. With PostgreSQL a dedicated connection LISTENs (and reconnects after a
 * failure, with backoff); with SQLite the in-process emitter is the source.
 */
export function createEventHub(options: { databaseUrl?: string | undefined; logger: Logger }): EventHub {
  const listeners = new Map<string, Set<Listener>>();
  const dispatch = (event: UserEvent) => {
    for (const listener of listeners.get(event.userId) ?? []) listener(event);
  };
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const listen = async (attempt: number) => {
    if (closed || !options.databaseUrl) return;
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on('notification', (message) => {
      try {
        const event: unknown = JSON.parse(message.payload ?? '');
        if (isUserEvent(event)) dispatch(event);
      } catch {
        options.logger.warn({ channel: message.channel }, 'ignored a malformed event');
      }
    });
    next.on('error', (error) => {
      options.logger.warn({ err: error }, 'event listener connection lost; reconnecting');
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      retry = setTimeout(() => void listen(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
      retry.unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (closed) await next.end();
      else client = next;
    } catch (error) {
      options.logger.warn({ err: error }, 'event listener could not connect; retrying');
      retry = setTimeout(() => void listen(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
      retry.unref();
    }
  };
  if (options.databaseUrl) void listen(0);
  else local.on('event', dispatch);

  return {
    subscribe(userId, listener) {
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(userId);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      local.off('event', dispatch);
      listeners.clear();
      await client?.end().catch(() => undefined);
    },
  };
}
