import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { GitError, gitFailure } from './git-errors.js';
import { createRecordSplitter } from './record-splitter.js';

export interface GitRunOptions {
  /** The folder git runs in (the repository or any folder inside it). */
  cwd: string;
  /** Written to git's stdin, which is then closed: revisions for `--stdin`, object names for `cat-file`. */
  input?: string;
  /** Extra environment (tests set GIT_AUTHOR_DATE and friends); the locale and prompts stay pinned. */
  env?: Readonly<Record<string, string>>;
  /** Exit codes that are answers rather than failures (`rev-parse --verify -q` exits 1 for "no such ref"). */
  okExitCodes?: readonly number[];
  signal?: AbortSignal;
}

export interface GitStreamOptions extends GitRunOptions {
  /** What ends each record: NUL for `-z` formats, newline for line formats such as blame's porcelain. */
  delimiter: 'nul' | 'newline';
}

/** Settings on every run: paths unquoted (UTF-8 as is), nothing that varies with the user's terminal. */
const COMMON_ARGS = ['-c', 'core.quotepath=off', '-c', 'color.ui=never'];
const STDERR_LIMIT = 64 * 1024;

/**
 * Starts git without a shell, so no argument is ever interpreted. LC_ALL=C keeps messages (which
 * errors are classified by) in English; GIT_TERMINAL_PROMPT=0 keeps git from waiting on a password.
 */
export function spawnGit(args: readonly string[], options: GitRunOptions): ChildProcessWithoutNullStreams {
  const child = spawn('git', [...COMMON_ARGS, ...args], {
    cwd: options.cwd,
    // eslint-disable-next-line no-restricted-syntax -- the git gateway hands PATH and HOME through to git; nothing here reads settings from it.
    env: { ...process.env, ...options.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
    signal: options.signal,
  });
  // A git that exits early (bad revision) closes its stdin; the exit code tells that story, not EPIPE.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  return child;
}

/**
 * Waits for git to finish and turns a failure into a GitError; resolves `null` on success. Never
 * rejects, so it can be created before stdout is consumed without an unhandled rejection.
 */
export function gitOutcome(
  child: ChildProcessWithoutNullStreams,
  args: readonly string[],
  options: GitRunOptions,
): Promise<Error | null> {
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += text;
  });
  return new Promise((resolve) => {
    let spawnError: NodeJS.ErrnoException | null = null;
    child.once('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      // A process that never started emits no 'close' on every Node version; settle here.
      if (child.pid === undefined) resolve(describeSpawnError(error, args, options.cwd));
    });
    child.once('close', (exitCode: number | null) => {
      if (spawnError) return resolve(describeSpawnError(spawnError, args, options.cwd));
      const ok = exitCode === 0 || (exitCode !== null && (options.okExitCodes ?? []).includes(exitCode));
      resolve(ok ? null : gitFailure({ args, cwd: options.cwd, stderr, exitCode }));
    });
  });
}

async function describeSpawnError(
  error: NodeJS.ErrnoException,
  args: readonly string[],
  cwd: string,
): Promise<Error> {
  if (error.code !== 'ENOENT') return error;
  // spawn reports a missing cwd and a missing git binary with the same ENOENT.
  const folderExists = await stat(cwd).then(
    (info) => info.isDirectory(),
    () => false,
  );
  return folderExists
    ? new GitError({
        code: 'git.missing',
        message: 'git is not installed or not on PATH',
        args,
        cause: error,
      })
    : new GitError({
        code: 'git.not_a_repository',
        message: `${cwd} does not exist: pass the repository's folder`,
        args,
        cause: error,
      });
}

/**
 * Runs git and returns its whole stdout: for small answers (rev-parse, for-each-ref, ls-tree).
 * Use `streamGit` for anything that grows with history.
 *
 * @example const sha = (await runGit(['rev-parse', 'HEAD'], { cwd })).trim();
 */
export async function runGit(args: readonly string[], options: GitRunOptions): Promise<string> {
  return (await runGitWithExitCode(args, options)).stdout;
}

/** Like `runGit`, also telling which accepted exit code git ended with. */
export async function runGitWithExitCode(
  args: readonly string[],
  options: GitRunOptions,
): Promise<{ stdout: string; exitCode: number }> {
  const child = spawnGit(args, options);
  const outcome = gitOutcome(child, args, options);
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout) chunks.push(chunk as Buffer);
  const failure = await outcome;
  if (failure) throw failure;
  return { stdout: Buffer.concat(chunks).toString('utf8'), exitCode: child.exitCode ?? 0 };
}

/**
 * Runs git and yields its output record by record, reading only as fast as the caller consumes
 * (async iteration pauses git's stdout), so memory stays flat on a history of any size. Leaving the
 * loop early stops git. A failure is thrown after the records git did produce.
 *
 * @example
 * for await (const record of streamGit(['log', '-z', '--format=%H'], { cwd, delimiter: 'nul' })) { ... }
 */
export async function* streamGit(args: readonly string[], options: GitStreamOptions): AsyncGenerator<string> {
  const child = spawnGit(args, options);
  const outcome = gitOutcome(child, args, options);
  const splitter = createRecordSplitter(options.delimiter === 'nul' ? 0 : 0x0a);
  let settled = false;
  try {
    for await (const chunk of child.stdout) yield* splitter.push(chunk as Buffer);
    yield* splitter.flush();
    const failure = await outcome;
    settled = true;
    if (failure) throw failure;
  } finally {
    if (!settled) child.kill();
  }
}
