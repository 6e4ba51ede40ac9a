import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';

export type TestDialect = 'sqlite' | 'postgres';

export const POSTGRES_URL = process.env.RECITAL_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
/** CI sets this: a missing PostgreSQL then fails the run instead of skipping its half. */
const REQUIRE_POSTGRES = process.env.RECITAL_REQUIRE_POSTGRES === '1' || process.env.CI === 'true';

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (REQUIRE_POSTGRES) {
      const message = `PostgreSQL is required (CI) but unreachable at ${POSTGRES_URL}: ${String(error)}`;
      throw new Error(message, { cause: error });
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await probePostgres();
if (!postgresAvailable)
  console.warn(`PostgreSQL unreachable at ${POSTGRES_URL}: its half of the dialect suite is skipped.`);

export const DIALECTS: TestDialect[] = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * Run a suite once per database dialect, as kysely's own tests do, so that "SQLite by default,
 * PostgreSQL at scale" is proven on every run.
 */
export function describeEachDialect(name: string, suite: (dialect: TestDialect) => void): void {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => suite(dialect));
}

export interface TestStorage {
  /** Environment for the server's configuration. */
  env: Record<string, string>;
  searchPath?: string;
  dispose(): Promise<void>;
}

/** A fresh, private database: a temp folder for SQLite, a schema of its own on PostgreSQL. */
export async function createTestStorage(dialect: TestDialect): Promise<TestStorage> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'recital-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { env: { RECITAL_DATA_DIR: dataDir }, dispose: async () => removeDir() };
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    env: { RECITAL_DATA_DIR: dataDir, DATABASE_URL: POSTGRES_URL },
    searchPath: schema,
    async dispose() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
      removeDir();
    },
  };
}
