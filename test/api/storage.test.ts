import path from 'node:path';
import { createFolderBlobStore } from '../../src/server/shared/blob-store.js';
import { afterEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { fixedClock } from '../../src/core/time/clock.js';
import { loadAppConfig } from '../../src/server/config/app-config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest, migrationStatus } from '../../src/server/db/migrator.js';
import { migrations } from '../../src/server/db/migrations/registry.js';
import { buildApp } from '../../src/server/http/app.js';
import { createLogger } from '../../src/server/http/logger.js';
import { createWorkerPlanParser } from '../../src/server/modules/plans/plan-parser.js';
import { createTestStorage, describeEachDialect, type TestStorage } from '../helpers/dialects.js';

describeEachDialect('storage', (dialect) => {
  let storage: TestStorage | undefined;
  afterEach(async () => storage?.dispose());

  async function open() {
    storage = await createTestStorage(dialect);
    const config = loadAppConfig({ ...storage.env, LOG_LEVEL: 'silent' });
    const handle = openDatabase({
      dataDir: config.db.dataDir,
      databaseUrl: config.db.databaseUrl,
      ...(storage.searchPath ? { searchPath: storage.searchPath } : {}),
    });
    return { handle, config };
  }

  it('applies every migration in the registry once, and again is a no-op', async () => {
    const { handle } = await open();
    try {
      expect((await migrationStatus(handle.db)).pending).toEqual(Object.keys(migrations));
      expect((await migrateToLatest(handle.db)).applied).toEqual(Object.keys(migrations));
      expect((await migrateToLatest(handle.db)).applied).toEqual([]);
      expect(await migrationStatus(handle.db)).toEqual({ applied: Object.keys(migrations), pending: [] });
    } finally {
      await handle.close();
    }
  });

  it('migrates its own schema when another schema already holds a migrated Recital', async () => {
    if (dialect !== 'postgres') return;
    const first = await open();
    const firstStorage = storage;
    try {
      await migrateToLatest(first.handle.db);
      // A second deployment in the same database, in a schema of its own, must not mistake the first's
      // bookkeeping tables for its own.
      const second = await open();
      try {
        expect((await migrateToLatest(second.handle.db)).applied).toEqual(Object.keys(migrations));
        expect((await migrationStatus(second.handle.db)).pending).toEqual([]);
      } finally {
        await second.handle.close();
      }
    } finally {
      await first.handle.close();
      await firstStorage?.dispose();
    }
  });

  it('enforces foreign keys and returns instants as ISO strings', async () => {
    const { handle } = await open();
    try {
      await migrateToLatest(handle.db);
      const at = '2026-03-29T01:30:00.000Z';
      const orphan = handle.db
        .insertInto('memberships')
        .values({ workspace_id: 'none', user_id: 'none', created_at: at })
        .execute();
      await expect(orphan).rejects.toThrow();
      await handle.db
        .insertInto('users')
        .values({
          id: 'u1',
          email: 'a@b.co',
          display_name: 'A',
          time_zone: 'UTC',
          password_hash: 'x',
          instance_role: 'member',
          created_at: at,
          updated_at: at,
        })
        .execute();
      const row = await handle.db
        .selectFrom('users')
        .select('created_at')
        .where('id', '=', 'u1')
        .executeTakeFirstOrThrow();
      expect(row.created_at).toBe(at);
      if (dialect === 'sqlite') {
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
        expect(mode.rows[0]?.journal_mode).toBe('wal');
      }
    } finally {
      await handle.close();
    }
  });

  it('is not ready while migrations are pending', async () => {
    const { handle, config } = await open();
    const app = await buildApp({
      db: handle.db,
      dialect: handle.dialect,
      clock: fixedClock(new Date()),
      logger: createLogger({ level: 'silent' }),
      config,
      planParser: createWorkerPlanParser({ timeoutMs: 5000 }),
      blobs: createFolderBlobStore(path.join(config.db.dataDir, 'blobs')),
      sender: {
        send: () => Promise.reject(new Error('unused')),
        sendDigest: () => Promise.reject(new Error('unused')),
        close: () => undefined,
      },
      events: { subscribe: () => () => undefined, close: async () => undefined },
    });
    try {
      const pending = await app.inject({ method: 'GET', url: '/readyz' });
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toMatchObject({ status: 'not_ready', reason: 'migrations pending' });
      await migrateToLatest(handle.db);
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
