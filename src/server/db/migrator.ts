import { type Kysely, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrations } from './migrations/registry.js';

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

/**
 * Kysely looks for its bookkeeping tables in every schema unless told which one, so on PostgreSQL another
 * schema's `recital_migrations` (a second deployment, a test run) would be taken for ours. Name ours: the
 * schema this connection's search path resolves to.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function migrator(db: Kysely<any>): Promise<Migrator> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const schema = isPostgres
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  return new Migrator({
    db,
    provider,
    migrationTableName: 'recital_migrations',
    migrationLockTableName: 'recital_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Apply every pending migration; several instances starting at once are serialised by Kysely's lock. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<{ applied: string[] }> {
  const { error, results = [] } = await (await migrator(db)).migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) {
    const name = failed ? ` "${failed.migrationName}"` : '';
    throw new MigrationError(`Migration${name} failed: ${String((error as Error)?.message ?? error)}`, {
      cause: error,
    });
  }
  return {
    applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName),
  };
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrationStatus(db: Kysely<any>): Promise<MigrationStatus> {
  const known = await (await migrator(db)).getMigrations();
  const applied = known.filter((info) => info.executedAt).map((info) => info.name);
  const pending = known.filter((info) => !info.executedAt).map((info) => info.name);
  return { applied, pending };
}
