import { createBlameParser, type BlameCommit, type BlameLine } from './blame-parser.js';
import { GitError } from './git-errors.js';
import { mapWithConcurrency } from './pool.js';
import { createProgressReporter, type ProgressOptions } from './progress.js';
import { resolveCommit } from './refs.js';
import { streamGit } from './run-git.js';
import { listTreeFiles } from './tree-files.js';

/** One file's blame, compacted: which commit owns which lines, and lines per author e-mail. */
export interface BlameFileSummary {
  path: string;
  lines: number;
  /** Line numbers (1-based, ascending) by the commit that last changed them. */
  bySha: Map<string, number[]>;
  /** Lines by author e-mail after .mailmap, exactly as `git blame -e` prints it (no case folding). */
  authorsByEmail: Record<string, number>;
}

export interface BlameFileResult {
  summary: BlameFileSummary;
  commits: Map<string, BlameCommit>;
}

/**
 * Blames one file at a commit with plain `git blame --porcelain` semantics: it follows the file's
 * own renames; no -M/-C/-w, so the answer is the one a person running `git blame` would see.
 * `onLine` receives every line when the caller wants more than the summary.
 *
 * @example const { summary } = await blameFile({ repo, commit: 'HEAD', path: 'src/app.ts' });
 */
export async function blameFile(options: {
  repo: string;
  commit: string;
  path: string;
  onLine?: (line: BlameLine) => void;
  signal?: AbortSignal;
}): Promise<BlameFileResult> {
  const { repo, commit, path, onLine, signal } = options;
  const summary: BlameFileSummary = { path, lines: 0, bySha: new Map(), authorsByEmail: {} };
  const parser = createBlameParser((line) => {
    summary.lines += 1;
    const owned = summary.bySha.get(line.sha);
    if (owned) owned.push(line.line);
    else summary.bySha.set(line.sha, [line.line]);
    summary.authorsByEmail[line.authorEmail] = (summary.authorsByEmail[line.authorEmail] ?? 0) + 1;
    onLine?.(line);
  });
  const args = ['blame', '--porcelain', commit, '--', path];
  for await (const text of streamGit(args, { cwd: repo, delimiter: 'newline', signal })) parser.push(text);
  for (const lines of summary.bySha.values()) lines.sort((a, b) => a - b);
  return { summary, commits: new Map(parser.commits) };
}

export interface BlameTreeResult {
  /** The commit the ref resolved to when the run started: every file is blamed at this one commit. */
  commit: string;
  files: BlameFileSummary[];
  /** Paths git considers binary, not blamed. */
  binary: string[];
  /** Every commit that owns at least one line, with its author details. */
  commits: Map<string, BlameCommit>;
}

/**
 * Blames every text file of a ref's tree (default HEAD), a few files at a time. The ref is resolved
 * once first so a branch moving during the run cannot mix two trees.
 *
 * @example
 * const result = await blameTree({ repo, concurrency: 6, progress: { onProgress, clock } });
 */
export async function blameTree(options: {
  repo: string;
  ref?: string;
  concurrency?: number;
  progress?: ProgressOptions;
  signal?: AbortSignal;
}): Promise<BlameTreeResult> {
  const { repo, ref = 'HEAD', concurrency = 6, signal } = options;
  const commit = await resolveCommit(repo, ref);
  if (!commit) {
    throw new GitError({ code: 'git.unknown_revision', message: `${ref} names no commit`, args: [ref] });
  }
  const { text, binary } = await listTreeFiles(repo, commit);
  // Files are few next to commits: report each one unless told otherwise.
  const progress = options.progress ? { every: 1, ...options.progress } : undefined;
  const reporter = createProgressReporter(text.length, progress);
  const commits = new Map<string, BlameCommit>();
  const files = await mapWithConcurrency(text, concurrency, async (path) => {
    const result = await blameFile({ repo, commit, path, signal });
    for (const [sha, details] of result.commits) commits.set(sha, details);
    reporter.tick();
    return result.summary;
  });
  reporter.finish();
  return { commit, files, binary, commits };
}
