import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parsePort } from './arguments.js';
import { type CliDeps, type CommandContext, type ServerModule, action } from './context.js';
import type { Env } from './credentials.js';
import { examples } from './help.js';

interface ServerOptions {
  port?: string;
  dataDir?: string;
}

/** The real server, imported on first use: commands that only call the API stay quick to start. */
export const lazyServer: ServerModule = {
  async startServer(options) {
    const { startServer } = await import('../server/start.js');
    return startServer(options);
  },
  async migrateFromEnv(env) {
    const { migrateFromEnv } = await import('../server/db/migrate-cli.js');
    return migrateFromEnv(env);
  },
};

export function registerServerCommands(program: Command, deps: CliDeps): void {
  program
    .command('serve')
    .description(
      'Start the Recital server (migrates the database first; logs JSON on stdout). Stops on Ctrl+C or SIGTERM.',
    )
    .option('--port <port>', 'port to listen on (sets PORT)', parsePort)
    .option('--data-dir <dir>', 'where the SQLite database and files live (sets RECITAL_DATA_DIR)')
    .addHelpText(
      'after',
      examples([
        'recital serve',
        'recital serve --port 4000 --data-dir ./data',
        'DATABASE_URL=postgres://… recital serve',
      ]),
    )
    .action(action(deps, serve));

  program
    .command('migrate')
    .description('Apply pending database migrations and print what was applied.')
    .option('--data-dir <dir>', 'where the SQLite database lives (sets RECITAL_DATA_DIR)')
    .addHelpText('after', examples(['recital migrate', 'recital migrate --data-dir ./data --json']))
    .action(action(deps, migrate));
}

/**
 * The server's environment: the process's, with the flags on top.
 *
 * @example
 * serverEnv({ env: { PORT: '3000' }, cwd: '/srv', options: { port: '4000', dataDir: 'data' } });
 * // { PORT: '4000', RECITAL_DATA_DIR: '/srv/data' }
 */
export function serverEnv(input: { env: Env; cwd: string; options: ServerOptions }): Env {
  const { env, cwd, options } = input;
  return {
    ...env,
    ...(options.port !== undefined ? { PORT: options.port } : {}),
    // Resolved here: the server may change directory, the person meant this one.
    ...(options.dataDir !== undefined ? { RECITAL_DATA_DIR: resolve(cwd, options.dataDir) } : {}),
  };
}

async function serve(context: CommandContext, options: ServerOptions): Promise<void> {
  const { deps } = context;
  const server = deps.server ?? lazyServer;
  const env = serverEnv({ env: deps.env, cwd: deps.cwd, options });
  // The server logs JSON to stdout; the line for people goes to stderr so the log stream stays clean.
  const { url } = await server.startServer({ env, handleSignals: true });
  context.out.note(`Recital is listening on ${url}. Press Ctrl+C to stop.`);
}

async function migrate(context: CommandContext, options: ServerOptions): Promise<void> {
  const { deps } = context;
  const server = deps.server ?? lazyServer;
  const result = await server.migrateFromEnv(serverEnv({ env: deps.env, cwd: deps.cwd, options }));
  context.out.result(result, () => describeMigrations(result));
}

export function describeMigrations(result: { applied: string[]; current: string[] }): string {
  if (result.applied.length === 0) {
    return `The database is up to date (${result.current.length} migrations).\n`;
  }
  const noun = result.applied.length === 1 ? 'migration' : 'migrations';
  return `Applied ${result.applied.length} ${noun}:\n${result.applied.map((name) => `  ${name}\n`).join('')}`;
}
