import type { ApiClient } from '../contracts/client.js';
import {
  type CommitInput,
  type IngestResult,
  getRepository,
  ingestCommits,
} from '../contracts/repositories.contract.js';
import type { Clock } from '../core/time/clock.js';
import { LOG_FORMAT, type LogCommit, parseLog } from '../git/log-parser.js';
import { existingObjects } from '../git/cat-file.js';
import { openLog } from '../git/log.js';
import type { Progress } from '../git/progress.js';
import { defaultBranch } from '../git/refs.js';
import { runGit, runGitWithExitCode } from '../git/run-git.js';

/** Commits per request: small enough for a quick transaction, large enough to keep requests few. */
export const SYNC_BATCH = 500;

/** Where a connected clone remembers which Recital repository it is (its own .git/config). */
export const CONFIG_KEY = 'recital.repository';
export const CONFIG_URL_KEY = 'recital.url';

export function toCommitInput(
  commit: LogCommit,
  branch: string | null = null,
  onDefaultBranch?: boolean,
): CommitInput {
  return {
    ...(onDefaultBranch === undefined ? {} : { onDefaultBranch }),
    sha: commit.sha,
    parents: commit.parents,
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    authoredAt: commit.authoredAt,
    committerName: commit.committerName,
    committerEmail: commit.committerEmail,
    committedAt: commit.committedAt,
    message: commit.message,
    branch,
    files: commit.files.map((file) => ({
      path: file.path,
      ...(file.oldPath ? { oldPath: file.oldPath } : {}),
      added: file.added,
      deleted: file.deleted,
    })),
  };
}

/** The Recital repository id and server a clone was connected with, from its git config. */
export async function connectedRepository(repo: string): Promise<{ id: string; url: string | null } | null> {
  const read = async (key: string) => {
    const { stdout, exitCode } = await runGitWithExitCode(['config', '--local', '--get', key], {
      cwd: repo,
      okExitCodes: [0, 1],
    });
    return exitCode === 0 ? stdout.trim() : null;
  };
  const id = await read(CONFIG_KEY);
  return id ? { id, url: await read(CONFIG_URL_KEY) } : null;
}

export interface SyncResult extends IngestResult {
  repositoryId: string;
  /** Commits git listed as new since the last sync. */
  listed: number;
  batches: number;
}

/**
 * Send every commit the server has not seen: git lists what is reachable from the clone's refs and
 * not from the tips the last sync recorded, streamed and sent in batches, so memory stays flat on
 * any history. The tips go with the last batch; a sync cut short is simply repeated (known SHAs are
 * ignored), never half-recorded.
 */
export async function syncRepository(options: {
  api: ApiClient;
  repositoryId: string;
  repo: string;
  clock: Clock;
  onProgress?: (progress: Progress) => void;
}): Promise<SyncResult> {
  const { api, repositoryId, repo } = options;
  const known = await api.call(getRepository, { params: { repositoryId } });
  const exclude = known.tips.map((tip) => tip.sha);
  const log = await openLog({
    repo,
    exclude,
    ...(options.onProgress
      ? { progress: { onProgress: options.onProgress, clock: options.clock, every: 100 } }
      : {}),
  });
  const main = await defaultBranch(repo);
  const branch = main?.name;
  const merged = main ? await newOnBranch(repo, main.ref, exclude) : new Set<string>();
  const totals: SyncResult = {
    repositoryId,
    listed: 0,
    batches: 0,
    received: 0,
    inserted: 0,
    duplicates: 0,
    evidence: 0,
    taskLinks: 0,
    aiCommits: 0,
    tasksClosed: 0,
  };
  const send = async (commits: CommitInput[], last: boolean) => {
    const result = await api.call(ingestCommits, {
      params: { repositoryId },
      body: {
        source: 'sync',
        commits,
        ...(last ? { tips: log.tips, ...(branch ? { defaultBranch: branch } : {}) } : {}),
      },
    });
    totals.batches += 1;
    for (const key of [
      'received',
      'inserted',
      'duplicates',
      'evidence',
      'taskLinks',
      'aiCommits',
      'tasksClosed',
    ] as const)
      totals[key] += result[key];
  };
  // One batch in flight while git and the parser produce the next: reading and storing overlap.
  let inFlight: Promise<void> = Promise.resolve();
  let batch: CommitInput[] = [];
  for await (const commit of log.commits) {
    totals.listed += 1;
    batch.push(toCommitInput(commit, null, merged.has(commit.sha)));
    if (batch.length === SYNC_BATCH) {
      await inFlight;
      inFlight = send(batch, false);
      batch = [];
    }
  }
  await inFlight;
  await send(batch, true);
  return totals;
}

/** Commits of a revision range (`-1 HEAD`, `ORIG_HEAD..HEAD`), read the way a sync reads them. */
export async function readCommits(repo: string, revisions: readonly string[]): Promise<LogCommit[]> {
  const output = await runGit(
    [
      'log',
      '-z',
      '--numstat',
      '-M',
      '--no-textconv',
      '--no-show-signature',
      `--format=${LOG_FORMAT}`,
      ...revisions,
    ],
    { cwd: repo },
  );
  return parseLog(output);
}

/** The branch HEAD is on, or null when detached. */
export async function currentBranch(repo: string): Promise<string | null> {
  const { stdout, exitCode } = await runGitWithExitCode(['symbolic-ref', '--short', '-q', 'HEAD'], {
    cwd: repo,
    okExitCodes: [0, 1],
  });
  return exitCode === 0 ? stdout.trim() : null;
}

/** The commits on `ref` not reachable from the remembered tips: what this sync sees merged. */
async function newOnBranch(repo: string, ref: string, exclude: readonly string[]): Promise<Set<string>> {
  const known = await existingObjects(repo, [...new Set(exclude)]);
  const output = await runGit(['rev-list', '--stdin', ref], {
    cwd: repo,
    input: [...known].map((sha) => `^${sha}`).join('\n') + '\n',
  });
  return new Set(output.split('\n').filter(Boolean));
}
