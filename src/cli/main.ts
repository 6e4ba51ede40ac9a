import { readFile } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import type { CliDeps } from './context.js';
import { runCli } from './program.js';
import { createTerminal } from './terminal.js';

export { createProgram, runCli } from './program.js';

/**
 * The process glue behind `bin/recital.js`: the only place the CLI reads the real process.
 * Sets `process.exitCode` rather than exiting, so a running `serve` keeps the process alive.
 */
export async function main(): Promise<void> {
  // `recital workspace list | head -1` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const deps: CliDeps = {
    // eslint-disable-next-line no-restricted-syntax -- the process glue hands the environment to the CLI; nothing below reads it.
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    fetch: globalThis.fetch,
    terminal: createTerminal({ input: process.stdin, output: process.stderr }),
    homeDir: homedir(),
    hostname: hostname(),
    cwd: process.cwd(),
    version: await readVersion(),
    // Hooks start the CLI the way it was started now, so they work without a PATH (GUI git clients).
    cliCommand: [process.execPath, ...process.execArgv, ...(process.argv[1] ? [process.argv[1]] : [])],
  };
  process.exitCode = await runCli(process.argv.slice(2), deps);
}

/** From package.json, two levels up from both src/cli (tsx) and dist/cli (built). */
async function readVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
