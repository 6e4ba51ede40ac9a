import type { CliDeps } from './context.js';
import { CliError, EXIT_USAGE } from './errors.js';
import { runCli } from './program.js';
import type { Terminal } from './terminal.js';

/** What a command printed and how it exited. */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A terminal that answers prompts from a list and records the questions. */
export interface FakeTerminal extends Terminal {
  readonly questions: { question: string; secret: boolean }[];
}

export function fakeTerminal(
  options: { interactive?: boolean; answers?: string[]; stdin?: string } = {},
): FakeTerminal {
  const answers = [...(options.answers ?? [])];
  const questions: { question: string; secret: boolean }[] = [];
  return {
    interactive: options.interactive ?? false,
    questions,
    async ask(question, askOptions = {}) {
      questions.push({ question, secret: askOptions.secret ?? false });
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`Unexpected prompt: ${question}`);
      return answer;
    },
    async readAll() {
      return options.stdin ?? '';
    },
  };
}

/**
 * Run `recital <argv>` in-process with fake streams.
 *
 * @example
 * const { exitCode, stdout } = await runInProcess(['whoami', '--json'], { configDir, fetch });
 */
export async function runInProcess(argv: string[], overrides: Partial<CliDeps> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const deps: CliDeps = {
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    fetch: () => Promise.reject(new Error('no network in this test')),
    terminal: fakeTerminal(),
    homeDir: '/nonexistent-home',
    hostname: 'test-host',
    cwd: '/work',
    version: '0.0.0-test',
    ...overrides,
  };
  const exitCode = await runCli(argv, deps);
  return { exitCode, stdout, stderr };
}

/**
 * The usage error (exit code 2) that `run` throws, for asserting on its message and hint; anything
 * else, or nothing thrown, fails the test.
 *
 * @example
 * expect(usageError(() => parseHoursChange('')).message).toBe('--hours: name at least one day');
 */
export function usageError(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT_USAGE) return error;
    throw new Error(`expected a usage error (exit code ${EXIT_USAGE}), got ${String(error)}`, {
      cause: error,
    });
  }
  throw new Error('expected a usage error, but nothing was thrown');
}

/** One request the fake API saw. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

type Reply = { status: number; body?: unknown };

/**
 * A fetch that answers from a table keyed by `METHOD /path`, recording every request.
 * Unknown routes answer 404 `route.not_found`, as the server does.
 */
export function fakeApi(routes: Record<string, Reply | ((request: SeenRequest) => Reply)>) {
  const requests: SeenRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init.headers);
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      authorization: headers.get('authorization') ?? undefined,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const reply = typeof route === 'function' ? route(request) : route;
    const { status, body } = reply ?? {
      status: 404,
      body: apiError('route.not_found', 'There is no such endpoint.'),
    };
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  };
  return { fetch, requests };
}

export function apiError(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
