import { dbConfig } from './db.config.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from './database.js';
import { migrateToLatest, migrationStatus } from './migrator.js';

/** `recital migrate`: apply pending migrations to the configured database and report. */
export async function migrateFromEnv(
  env: Record<string, string | undefined>,
): Promise<{ applied: string[]; current: string[] }> {
  const { db: config } = loadConfig({ db: dbConfig }, env);
  const handle = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  try {
    const { applied } = await migrateToLatest(handle.db);
    const status = await migrationStatus(handle.db);
    return { applied, current: status.applied };
  } finally {
    await handle.close();
  }
}
