import type { Kysely } from 'kysely';
import type { ProofItem } from '../../../core/checkpoints/checkpoint.model.js';
import { judgeCitedCommits, type Lookup } from '../../../core/checkpoints/cited-commits.js';
import type { ContractCheckpoint } from '../../../core/contracts/contract.model.js';
import { addLocalDays } from '../../../core/schedule/calendar.js';
import { dayEndMs, toIso } from '../../../core/verdicts/local-day.js';
import type { Database } from '../../db/schema.js';
import type { ProofCheck } from './prechecks.js';

/**
 * The checkpoint's window: from the previous checkpoint's due instant (or, for the first, the start
 * of the day the builder committed) to the submission.
 */
export function checkpointWindow(input: {
  checkpoints: readonly Pick<ContractCheckpoint, 'id' | 'dueDate'>[];
  checkpointId: string;
  verdictsFrom: string | null;
  timeZone: string;
  now: Date;
}): { from: string; to: string } {
  const due = input.checkpoints.find((c) => c.id === input.checkpointId)?.dueDate ?? '';
  const previous = input.checkpoints
    .map((c) => c.dueDate)
    .filter((date) => date < due)
    .sort()
    .at(-1);
  const from = previous
    ? toIso(dayEndMs(previous, input.timeZone))
    : input.verdictsFrom
      ? toIso(dayEndMs(addLocalDays(input.verdictsFrom, -2), input.timeZone))
      : new Date(0).toISOString();
  return { from, to: input.now.toISOString() };
}

async function lookup(db: Kysely<Database>, projectId: string, cited: string): Promise<Lookup> {
  const prefix = cited.toLowerCase();
  const rows = await db
    .selectFrom('commits')
    .select(['sha', 'authored_at'])
    .where('project_id', '=', projectId)
    .where('sha', '>=', prefix)
    .where('sha', '<', `${prefix}g`)
    .limit(2)
    .execute();
  const shas = new Set(rows.map((row) => row.sha));
  if (shas.size === 0) return 'unknown';
  if (shas.size > 1) return 'ambiguous';
  return { sha: rows[0]!.sha, authoredAt: rows[0]!.authored_at };
}

async function pullRequestCheck(db: Kysely<Database>, projectId: string, url: string) {
  const pr = await db
    .selectFrom('pull_requests')
    .innerJoin('repositories', 'repositories.id', 'pull_requests.repository_id')
    .select([
      'pull_requests.merged',
      'pull_requests.merged_at',
      'pull_requests.state',
      'pull_requests.number',
    ])
    .where('repositories.project_id', '=', projectId)
    .where('pull_requests.url', '=', url.replace(/\/+$/, ''))
    .executeTakeFirst();
  if (!pr) return null;
  return pr.merged
    ? {
        status: 'passed' as const,
        detail: `#${pr.number} was merged on ${(pr.merged_at ?? '').slice(0, 10)}`,
      }
    : { status: 'failed' as const, detail: `#${pr.number} is not merged (it is ${pr.state})` };
}

/**
 * Checks that need the project's git evidence: cited commits exist and fall inside the window; a
 * pull request Recital knows from GitHub is merged. Replaces the link-only or skipped checks.
 */
export async function checkGitProof(
  db: Kysely<Database>,
  input: {
    projectId: string;
    proof: readonly ProofItem[];
    checks: ProofCheck[];
    window: { from: string; to: string };
  },
): Promise<ProofCheck[]> {
  const connected = await db
    .selectFrom('repositories')
    .select('id')
    .where('project_id', '=', input.projectId)
    .executeTakeFirst();
  if (!connected) return input.checks;
  const checks = [...input.checks];
  for (const [index, item] of input.proof.entries()) {
    const at = checks.findIndex((check) => check.item === index);
    if (at < 0) continue;
    if (item.kind === 'commits' || item.kind === 'commit_range') {
      const cited = item.kind === 'commits' ? item.shas : [item.from, item.to];
      const found = new Map<string, Lookup>();
      for (const sha of cited) found.set(sha, await lookup(db, input.projectId, sha));
      const judged =
        item.kind === 'commits'
          ? judgeCitedCommits({ cited, found, window: input.window })
          : judgeCitedCommits({ cited: [item.to], found, window: input.window });
      if (item.kind === 'commit_range' && found.get(item.from) === 'unknown')
        checks[at] = {
          ...checks[at]!,
          status: 'failed',
          detail: `${item.from.slice(0, 10)} is not in any connected repository (run \`recital sync\`)`,
        };
      else checks[at] = { ...checks[at]!, ...judged };
    } else if (item.kind === 'pull_request') {
      const pr = await pullRequestCheck(db, input.projectId, item.url);
      if (pr) checks[at] = { ...checks[at]!, ...pr };
    }
  }
  return checks;
}
