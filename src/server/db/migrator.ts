import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from './migrations/registry.js';

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'recital_migrations',
    migrationLockTableName: 'recital_migrations_lock',
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
  const { error, results = [] } = await migrator(db).migrateToLatest();
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
  const known = await migrator(db).getMigrations();
  const applied = known.filter((info) => info.executedAt).map((info) => info.name);
  const pending = known.filter((info) => !info.executedAt).map((info) => info.name);
  return { applied, pending };
}
