import type { Command } from 'commander';
import { ApiError, type ApiClient } from '../contracts/client.js';
import type { Clock } from '../core/time/clock.js';
import { createCliApi } from './api.js';
import { parseServerUrl } from './arguments.js';
import { type CredentialStore, type Env, createCredentialStore, resolveConfigDir } from './credentials.js';
import { CliError, EXIT_USAGE, explainApiError, loginHint } from './errors.js';
import { type Output, type TextSink, createOutput } from './output.js';
import type { Terminal } from './terminal.js';

/** What the server module offers the CLI; loaded lazily so `login` does not start SQLite. */
export interface ServerModule {
  startServer(options: {
    env: Env;
    handleSignals?: boolean;
  }): Promise<{ url: string; close(): Promise<void> }>;
  migrateFromEnv(env: Env): Promise<{ applied: string[]; current: string[] }>;
}

/** Everything the CLI touches outside itself, passed in so tests can run commands in-process. */
export interface CliDeps {
  env: Env;
  stdout: TextSink;
  stderr: TextSink;
  fetch: typeof fetch;
  terminal: Terminal;
  homeDir: string;
  hostname: string;
  cwd: string;
  version: string;
  /** Overrides the directory resolved from `env` (RECITAL_CONFIG_DIR, XDG_CONFIG_HOME, ~). */
  configDir?: string;
  /** Defaults to the real server, imported on first use. */
  server?: ServerModule;
  /** The time, for progress estimates; the system clock by default. */
  clock?: Clock;
  /** How git hooks start this CLI again (argv); `recital` on the PATH by default. */
  cliCommand?: string[];
}

export interface GlobalOptions {
  json?: boolean;
  url?: string;
}

/** The server and token a command talks to, and where they came from. */
export interface Session {
  url: string;
  token: string;
  tokenSource: 'RECITAL_TOKEN' | 'credentials';
  api: ApiClient;
}

export interface CommandContext {
  readonly deps: CliDeps;
  readonly out: Output;
  readonly globals: GlobalOptions;
  readonly store: CredentialStore;
  /** The server this command talks to, once known; error hints name it. */
  url: string | undefined;
  /** A client for `url`, remembered as the command's server. */
  api(url: string, token?: string): ApiClient;
  /** The signed-in server and token, or a "not logged in" error with a hint. */
  session(): Promise<Session>;
}

export function createContext(deps: CliDeps, globals: GlobalOptions): CommandContext {
  const out = createOutput({ stdout: deps.stdout, stderr: deps.stderr, json: globals.json === true });
  const dir = deps.configDir ?? resolveConfigDir({ env: deps.env, homeDir: deps.homeDir });
  const context: CommandContext = {
    deps,
    out,
    globals,
    store: createCredentialStore({ dir, warn: (text) => out.warn(text) }),
    url: undefined,
    api(url, token) {
      context.url = url;
      return createCliApi({ baseUrl: url, token, fetch: deps.fetch });
    },
    session: () => resolveSession(context),
  };
  return context;
}

async function resolveSession(context: CommandContext): Promise<Session> {
  const { env } = context.deps;
  const stored = await context.store.read();
  const url = context.globals.url ?? urlFromEnv(env) ?? stored?.url;
  if (!url) throw new CliError('not logged in', { hint: loginHint(undefined) });
  context.url = url;
  if (env.RECITAL_TOKEN) {
    return {
      url,
      token: env.RECITAL_TOKEN,
      tokenSource: 'RECITAL_TOKEN',
      api: context.api(url, env.RECITAL_TOKEN),
    };
  }
  // A token is only ever sent to the server that issued it, even when --url names another.
  if (stored && stored.url === url) {
    return { url, token: stored.token, tokenSource: 'credentials', api: context.api(url, stored.token) };
  }
  const where = stored ? ` (your stored credentials are for ${stored.url})` : '';
  throw new CliError(`not logged in to ${url}${where}`, { hint: loginHint(url) });
}

function urlFromEnv(env: Env): string | undefined {
  if (!env.RECITAL_URL) return undefined;
  try {
    return parseServerUrl(env.RECITAL_URL);
  } catch (error) {
    throw new CliError(`RECITAL_URL: ${(error as Error).message}`, { exitCode: EXIT_USAGE });
  }
}

/**
 * Wrap a command handler: build its context from the global options and turn API errors into
 * explained CLI errors that name the server.
 *
 * @example
 * program.command('whoami').action(action(deps, async (ctx) => { ... }));
 */
export function action<Args extends unknown[]>(
  deps: CliDeps,
  handler: (context: CommandContext, ...args: Args) => Promise<void>,
): (...raw: unknown[]) => Promise<void> {
  return async (...raw) => {
    const command = raw.at(-1) as Command;
    const context = createContext(deps, command.optsWithGlobals<GlobalOptions>());
    try {
      await handler(context, ...(raw.slice(0, -1) as Args));
    } catch (error) {
      throw error instanceof ApiError ? explainApiError(error, { url: context.url }) : error;
    }
  };
}
