import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { gitOutcome, runGit, runGitWithExitCode, spawnGit, type GitRunOptions } from './run-git.js';

/**
 * Settings that make `git log -p` print the same diffs `git blame` computes, whatever the user's
 * configuration: zero context and no fused hunks (diff.interHunkContext), the Myers algorithm
 * (blame before Git 2.53 knows no other), rename detection but never copies (diff.renames=copies),
 * fixed prefixes (diff.noprefix, diff.mnemonicPrefix), no external or textconv drivers, plain
 * submodule lines (diff.submodule=log would print a summary instead of a hunk).
 */
export const DIFF_ARGS = [
  '--unified=0',
  '--inter-hunk-context=0',
  '--diff-algorithm=myers',
  '-M',
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--no-relative',
  '--submodule=short',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/** The patch header: SHA, then the author after .mailmap, exactly as `git blame` reports it. */
export const PATCH_FORMAT = '--format=%x1e%H%x1f%aN%x1f%aE';

/** The walk: oldest first, every parent before its children; merges show their header only. */
export const WALK_ARGS = ['--reverse', '--topo-order', '--no-show-signature'];

/** A git process started now, its stdout read later: lets several git commands run at once. */
export interface StartedGit {
  chunks: AsyncGenerator<Buffer>;
  /** Stops git if its output was not read to the end (idempotent). */
  stop(): void;
}

/**
 * Starts git at once (unlike `streamGit`, whose generator spawns on the first read) and hands its
 * stdout over chunk by chunk: the patch parser works on bytes. A failure is thrown after the
 * output git did produce.
 */
export function startGit(args: readonly string[], options: GitRunOptions): StartedGit {
  const output = outputOf(spawnGit(args, options), args, options);
  return { chunks: output.chunks, stop: output.kill };
}

/** A child's stdout as chunks, failing after the output with git's error; `kill` unless fully read. */
function outputOf(child: ChildProcessWithoutNullStreams, args: readonly string[], options: GitRunOptions) {
  keepUnreadOutput(child.stdout);
  const outcome = gitOutcome(child, args, options);
  let settled = false;
  async function* read(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of child.stdout) yield chunk as Buffer;
      const failure = await outcome;
      settled = true;
      if (failure) throw failure;
    } finally {
      if (!settled) child.kill();
    }
  }
  return {
    chunks: read(),
    kill: () => {
      if (!settled) child.kill();
    },
  };
}

/**
 * When a child exits, Node resumes — and so discards — any of its output streams nobody listens to
 * (`flushStdio`). A `readable` listener marks the output as wanted while still reading only as far
 * as the stream's buffer, so git keeps blocking on a full pipe until the output is consumed.
 */
function keepUnreadOutput(stream: NodeJS.ReadableStream): void {
  stream.on('readable', () => undefined);
}

/** A git process kept open for requests: `diff-tree --stdin` answering one merge at a time. */
export interface GitSession extends StartedGit {
  /** Sends lines on git's stdin (git answers each line as it reads it). */
  write(text: string): void;
}

/**
 * Like `startGit` but stdin stays open for `write`. Spawned the way `spawnGit` does (no shell, the
 * same `-c` settings, C locale, no prompts); `spawnGit` itself always closes stdin.
 */
export function startGitSession(args: readonly string[], options: Omit<GitRunOptions, 'input'>): GitSession {
  const full = ['-c', 'core.quotepath=off', '-c', 'color.ui=never', ...args];
  const child = spawn('git', full, {
    cwd: options.cwd,
    // eslint-disable-next-line no-restricted-syntax -- the git gateway hands PATH and HOME through to git, as spawnGit does.
    env: { ...process.env, ...options.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
    signal: options.signal,
  });
  child.stdin.on('error', () => undefined);
  const output = outputOf(child, args, options);
  return {
    chunks: output.chunks,
    write: (text) => void child.stdin.write(text),
    stop: () => {
      child.stdin.end();
      output.kill();
    },
  };
}

/** The commits of a walk, indexed in git's order, with their parents as indexes. */
export interface WalkOrder {
  shas: string[];
  index: Map<string, number>;
  /** Parents by commit index; boundary commits (parents outside the walk) are indexed after the walk. */
  parents: number[][];
  /** How many of `shas` are walked; the rest are boundary commits. */
  walked: number;
}

/**
 * Lists `revisions` (for example `[tip]` or `[tip, '^' + from]`) oldest first in topological order
 * with their parents, as the patch stream will visit them.
 */
export async function readWalkOrder(repo: string, revisions: readonly string[]): Promise<WalkOrder> {
  const args = ['rev-list', ...WALK_ARGS.slice(0, 2), '--parents', ...revisions, '--'];
  // One string split once: a line-by-line stream costs more than the 82 bytes a commit takes.
  const listed = (await runGit(args, { cwd: repo })).split('\n');
  const shas: string[] = [];
  const parentShas: string[][] = [];
  for (const line of listed) {
    if (line === '') continue;
    const [sha = '', ...parents] = line.split(' ');
    shas.push(sha);
    parentShas.push(parents);
  }
  const index = new Map(shas.map((sha, i) => [sha, i]));
  const walked = shas.length;
  const parents = parentShas.map((list) =>
    list.map((sha) => {
      let at = index.get(sha);
      if (at === undefined) {
        at = shas.length;
        shas.push(sha);
        index.set(sha, at);
      }
      return at;
    }),
  );
  return { shas, index, parents, walked };
}

/**
 * True when `ancestor` is `descendant` or one of its ancestors; false as well when either is not
 * in the repository (history rewritten and collected).
 */
export async function isAncestor(repo: string, ancestor: string, descendant: string): Promise<boolean> {
  try {
    const args = ['merge-base', '--is-ancestor', ancestor, descendant];
    return (await runGitWithExitCode(args, { cwd: repo, okExitCodes: [1] })).exitCode === 0;
  } catch {
    return false;
  }
}
