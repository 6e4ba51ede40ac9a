import { existingObjects } from './cat-file.js';
import { LOG_FORMAT, createLogParser, type LogCommit } from './log-parser.js';
import { createProgressReporter, type ProgressOptions } from './progress.js';
import { listTips } from './refs.js';
import type { RefTip } from './refs-parser.js';
import { runGit, streamGit } from './run-git.js';

export interface OpenLogOptions {
  repo: string;
  /**
   * Commits already read, typically the tips remembered from the previous read: they and their
   * ancestors are skipped, so a second read lists only what is new. SHAs the repository no longer
   * has (history rewritten, then collected) are ignored.
   */
  exclude?: readonly string[];
  progress?: ProgressOptions;
  signal?: AbortSignal;
}

export interface LogRead {
  /** The tips this read lists from, taken before listing: remember them once `commits` is consumed. */
  tips: RefTip[];
  /**
   * Every commit reachable from `tips` and not from `exclude`, newest first (git's order), each once
   * even when several branches hold it. Merges carry no files (git's default: no diff for a merge).
   */
  commits: AsyncGenerator<LogCommit>;
}

/**
 * Lists history for ingestion: all branches, remote branches, tags and HEAD, with per-file line
 * counts, streamed so a history of any size reads in flat memory. The tips are read first and the
 * log lists exactly them, so a commit pushed during the read is neither half-seen nor lost: it is
 * listed by the next read.
 *
 * @example
 * const first = await openLog({ repo });
 * for await (const commit of first.commits) save(commit);
 * const next = await openLog({ repo, exclude: first.tips.map((tip) => tip.sha) });
 */
export async function openLog(options: OpenLogOptions): Promise<LogRead> {
  const { repo } = options;
  const tips = await listTips(repo);
  const revisions = await revisionInput(repo, tips, options.exclude ?? []);
  return { tips, commits: streamCommits(options, revisions) };
}

/** How many commits `openLog` with the same options would list (`git rev-list --count`). */
export async function countCommits(options: { repo: string; exclude?: readonly string[] }): Promise<number> {
  const revisions = await revisionInput(options.repo, await listTips(options.repo), options.exclude ?? []);
  return countRevisions(options.repo, revisions);
}

/**
 * The revisions, one a line, for `--stdin`: a long list of exclusions on the command line would hit
 * the operating system's argument limit. Null when there is nothing to list (an empty repository;
 * `git log` would then fall back to HEAD and fail).
 */
async function revisionInput(
  repo: string,
  tips: RefTip[],
  exclude: readonly string[],
): Promise<string | null> {
  const include = [...new Set(tips.map((tip) => tip.sha))];
  if (include.length === 0) return null;
  const known = await existingObjects(repo, [...new Set(exclude)]);
  const lines = [...include, ...[...known].map((sha) => `^${sha}`)];
  return `${lines.join('\n')}\n`;
}

async function countRevisions(repo: string, revisions: string | null): Promise<number> {
  if (revisions === null) return 0;
  return Number((await runGit(['rev-list', '--count', '--stdin'], { cwd: repo, input: revisions })).trim());
}

// Pinned so user settings (log.showSignature, textconv drivers) cannot change what is parsed.
const LOG_ARGS = [
  'log',
  '--stdin',
  '-z',
  '--numstat',
  '-M',
  '--no-textconv',
  '--no-show-signature',
  `--format=${LOG_FORMAT}`,
];

async function* streamCommits(options: OpenLogOptions, revisions: string | null): AsyncGenerator<LogCommit> {
  if (revisions === null) return;
  const { repo, progress, signal } = options;
  const total = progress ? await countRevisions(repo, revisions) : 0;
  const reporter = createProgressReporter(total, progress);
  const parser = createLogParser();
  const records = streamGit(LOG_ARGS, { cwd: repo, input: revisions, delimiter: 'nul', signal });
  for await (const token of records) {
    const commit = parser.push(token);
    if (commit) {
      reporter.tick();
      yield commit;
    }
  }
  const last = parser.end();
  if (last) {
    reporter.tick();
    yield last;
  }
  reporter.finish();
}
