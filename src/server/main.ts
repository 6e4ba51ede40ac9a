import { ConfigError } from './config/config.js';
import { MigrationError } from './db/migrator.js';
import { startServer } from './start.js';

/** `npm start`: the one place the server reads the process environment. */
try {
  // eslint-disable-next-line no-restricted-syntax -- the process edge: configuration enters here
  await startServer({ env: process.env, handleSignals: true });
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Recital failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
}
