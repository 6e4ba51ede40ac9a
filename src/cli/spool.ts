import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, type ApiClient } from '../contracts/client.js';
import { type CommitInput, ingestCommits } from '../contracts/repositories.contract.js';
import { SYNC_BATCH } from './git-sync.js';

/**
 * Commits a hook has read but the server has not yet confirmed, one file per commit under
 * `<git dir>/recital/spool`. A report is written here first and removed only once the server has it,
 * so a laptop offline for a week loses nothing — even commits later squashed or rebased away.
 */
export function spoolDir(gitDir: string): string {
  return join(gitDir, 'recital', 'spool');
}

export async function spoolCommits(gitDir: string, commits: readonly CommitInput[]): Promise<void> {
  const dir = spoolDir(gitDir);
  await mkdir(dir, { recursive: true });
  for (const commit of commits) {
    // Written under a temporary name and renamed: a reader never sees half a file.
    const path = join(dir, `${commit.sha}.json`);
    await writeFile(`${path}.tmp`, JSON.stringify(commit));
    await rename(`${path}.tmp`, path);
  }
}

async function pending(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export interface FlushResult {
  sent: number;
  /** Still waiting for the server (it was unreachable or failing). */
  pending: number;
  /** Refused by the server as invalid: moved aside to `rejected/` so they never block the rest. */
  rejected: number;
  error: string | null;
}

/** Whether a failure means "try again later" (network, server trouble) rather than "never". */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500 || error.status === 429 || error.status === 401;
}

export async function flushSpool(options: {
  api: ApiClient;
  repositoryId: string;
  gitDir: string;
}): Promise<FlushResult> {
  const dir = spoolDir(options.gitDir);
  const names = await pending(dir);
  const result: FlushResult = { sent: 0, pending: names.length, rejected: 0, error: null };
  for (let at = 0; at < names.length; at += SYNC_BATCH) {
    const batch = names.slice(at, at + SYNC_BATCH);
    const commits: CommitInput[] = [];
    const present: string[] = [];
    for (const name of batch) {
      // Another hook's report may have sent and removed it meanwhile.
      const text = await readFile(join(dir, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (text === null) continue;
      commits.push(JSON.parse(text) as CommitInput);
      present.push(name);
    }
    if (commits.length === 0) {
      result.pending -= batch.length;
      continue;
    }
    try {
      await options.api.call(ingestCommits, {
        params: { repositoryId: options.repositoryId },
        body: { source: 'hook', commits },
      });
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
      if (isTransient(error)) return result;
      await mkdir(join(dir, 'rejected'), { recursive: true });
      for (const name of present)
        await rename(join(dir, name), join(dir, 'rejected', name)).catch(() => undefined);
      result.rejected += present.length;
      result.pending -= batch.length;
      continue;
    }
    for (const name of present) await rm(join(dir, name), { force: true });
    result.sent += present.length;
    result.pending -= batch.length;
  }
  return result;
}
