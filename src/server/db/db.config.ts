import { z } from 'zod';
import { defineConfig, env } from '../config/config.js';

export const dbConfig = defineConfig({
  dataDir: {
    env: 'RECITAL_DATA_DIR',
    doc: 'folder for the embedded SQLite database and uploaded files',
    schema: env.string(),
    default: '.recital',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'postgres://… to use PostgreSQL; unset for embedded SQLite in the data folder',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'Expected a postgres:// URL, or leave it unset for SQLite.')
      .optional(),
  },
  poolSize: {
    env: 'RECITAL_DB_POOL_SIZE',
    doc: 'PostgreSQL connections per instance',
    schema: env.positiveInt(),
    default: '10',
  },
});
