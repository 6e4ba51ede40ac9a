import type { Kysely } from 'kysely';
import type { CommitInput } from '../../../contracts/repositories.contract.js';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import * as repo from '../repos/repos.repository.js';
import { localDate } from '../schedule/schedule.usecases.js';
import { insertEvidence } from '../today/evidence.repository.js';
import { storeCommits } from '../repos/repos.usecases.js';
import type {
  GitHubEvent,
  GitHubPullRequestEvent,
  GitHubPullRequestReviewEvent,
  GitHubPushEvent,
} from './github.events.js';
import { parseGitHubDelivery } from './github.events.js';
import { whyFromPullRequestBody } from './pr-why.js';
import { verifyGitHubSignature } from './github.signature.js';

type GitHubDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

export interface Delivery {
  event: string | undefined;
  deliveryId: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
}

/** The e-mail GitHub gives an account that keeps its own private: it names one person, stably. */
export const githubNoreplyEmail = (account: { id: number; login: string }) =>
  `${account.id}+${account.login}@users.noreply.github.com`.toLowerCase();

/**
 * Accept one delivery. The signature is checked before anything is read or written: a forged or
 * unsigned delivery gets 401 and leaves no trace. A repeated X-GitHub-Delivery is acknowledged and
 * changes nothing; everything a delivery changes happens in one transaction with its record.
 */
export async function receiveDelivery(deps: GitHubDeps, delivery: Delivery) {
  const secrets = deps.config.github.webhookSecrets;
  if (secrets.length === 0) throw new AppError('github.not_configured');
  const verified = verifyGitHubSignature({ secrets, rawBody: delivery.rawBody, header: delivery.signature });
  if (!verified.ok)
    throw new AppError('github.bad_signature', {
      message:
        verified.reason === 'missing'
          ? 'The delivery has no X-Hub-Signature-256 header. Set a secret on the GitHub webhook.'
          : 'The X-Hub-Signature-256 header does not match. Check the webhook secret on GitHub.',
    });
  if (!delivery.event || !delivery.deliveryId)
    throw new AppError('github.bad_payload', {
      message: 'The X-GitHub-Event and X-GitHub-Delivery headers are required.',
    });
  let body: unknown;
  try {
    body = JSON.parse(delivery.rawBody.toString('utf8'));
  } catch {
    throw new AppError('github.bad_payload', {
      message: 'The body is not JSON. Set the webhook content type to application/json on GitHub.',
    });
  }
  const parsed = parseGitHubDelivery({ event: delivery.event, deliveryId: delivery.deliveryId, body });
  if (!parsed.ok) throw new AppError('github.bad_payload', { message: parsed.message });
  return deps.db.transaction().execute(async (trx) => {
    const seen = await trx
      .selectFrom('github_deliveries')
      .select('delivery_id')
      .where('delivery_id', '=', delivery.deliveryId!)
      .executeTakeFirst();
    if (seen) return { outcome: 'duplicate delivery: already received', repositories: 0 };
    const result = await apply(trx, deps.clock.now().toISOString(), parsed.event);
    await trx
      .insertInto('github_deliveries')
      .values({
        delivery_id: delivery.deliveryId!,
        event: delivery.event!,
        repository: 'repo' in parsed.event ? parsed.event.repo.fullName.toLowerCase() : null,
        outcome: result.outcome,
        received_at: deps.clock.now().toISOString(),
      })
      .execute();
    return result;
  });
}

async function apply(trx: Kysely<Database>, now: string, event: GitHubEvent) {
  switch (event.kind) {
    case 'ping':
      return { outcome: 'pong', repositories: 0 };
    case 'ignored':
      return { outcome: `ignored: ${event.reason}`, repositories: 0 };
    case 'push':
      return forEachRepository(trx, event.repo.fullName, (target) => applyPush(trx, now, target, event));
    case 'pull_request':
      return forEachRepository(trx, event.repo.fullName, (target) =>
        applyPullRequest(trx, now, target, event),
      );
    case 'pull_request_review':
      return forEachRepository(trx, event.repo.fullName, (target) => applyReview(trx, now, target, event));
  }
}

interface Target {
  repository: repo.RepositoryRow;
  project: { id: string };
  builder: { id: string; email: string; time_zone: string };
}

/** Every project connected to the repository (it may belong to several), with its builder. */
async function forEachRepository(
  trx: Kysely<Database>,
  fullName: string,
  act: (target: Target) => Promise<void>,
): Promise<{ outcome: string; repositories: number }> {
  const repositories = await trx
    .selectFrom('repositories')
    .innerJoin('projects', 'projects.id', 'repositories.project_id')
    .innerJoin('users', 'users.id', 'projects.builder_id')
    .selectAll('repositories')
    .select(['users.id as builder_id', 'users.email as builder_email', 'users.time_zone as builder_zone'])
    .where('repositories.github_full_name', '=', fullName.toLowerCase())
    .execute();
  for (const row of repositories) {
    const { builder_id, builder_email, builder_zone, ...repository } = row;
    await act({
      repository,
      project: { id: repository.project_id },
      builder: { id: builder_id, email: builder_email, time_zone: builder_zone },
    });
  }
  return repositories.length === 0
    ? { outcome: `ignored: no project is connected to ${fullName}`, repositories: 0 }
    : { outcome: 'stored', repositories: repositories.length };
}

async function applyPush(trx: Kysely<Database>, now: string, target: Target, event: GitHubPushEvent) {
  if (event.deleted || event.commits.length === 0) return;
  const commits: CommitInput[] = event.commits.map((commit) => {
    const email = commit.authorEmail ?? '';
    return {
      sha: commit.sha,
      parents: [],
      authorName: commit.authorName,
      authorEmail: email,
      authoredAt: commit.authoredAt,
      committerName: commit.authorName,
      committerEmail: email,
      committedAt: commit.authoredAt,
      message: commit.message,
      branch: event.branch,
      onDefaultBranch: event.branch !== null && event.branch === event.repo.defaultBranch,
      files: [],
    };
  });
  await storeCommits(trx, { ...target, commits, source: 'github', now });
}

async function applyPullRequest(
  trx: Kysely<Database>,
  now: string,
  target: Target,
  event: GitHubPullRequestEvent,
) {
  const { pr } = event;
  const why = whyFromPullRequestBody(pr.body);
  const row = {
    repository_id: target.repository.id,
    number: pr.number,
    title: pr.title,
    url: pr.htmlUrl,
    state: pr.state,
    merged: pr.merged ? 1 : 0,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    head_ref: pr.headRef,
    head_sha: pr.headSha,
    base_ref: pr.baseRef,
    author_login: pr.author.login,
    why,
    updated_at: pr.updatedAt,
  };
  await trx
    .insertInto('pull_requests')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['repository_id', 'number']).doUpdateSet({
        title: row.title,
        state: row.state,
        merged: row.merged,
        merged_at: row.merged_at,
        merge_commit_sha: row.merge_commit_sha,
        head_sha: row.head_sha,
        why: row.why,
        updated_at: row.updated_at,
      }),
    )
    .execute();
  const commits = await commitsOfBranch(trx, target.repository.id, pr.headRef, pr.headSha);
  await pullRequestEvidence(trx, now, target, event, commits);
  // The PR's "Why" explains its commits: each one's author wrote it for their own work.
  if (!why) return;
  await repo.insertFacts(
    trx,
    commits.map((commit) => ({
      id: newId(),
      repository_id: target.repository.id,
      sha: commit.sha,
      person_email: commit.author_email,
      kind: 'explained' as const,
      source: 'pull_request' as const,
      text: why,
      recorded_by: null,
      created_at: now,
    })),
  );
}

async function applyReview(
  trx: Kysely<Database>,
  now: string,
  target: Target,
  event: GitHubPullRequestReviewEvent,
) {
  const { review, pr } = event;
  if (event.action !== 'submitted' || review.state === 'dismissed') return;
  // A reviewer who reads a PR well enough to approve or comment on it understands its commits.
  const person = githubNoreplyEmail(review.reviewer);
  const commits = await commitsOfBranch(trx, target.repository.id, pr.headRef, review.commitSha);
  await repo.insertFacts(
    trx,
    commits.map((commit) => ({
      id: newId(),
      repository_id: target.repository.id,
      sha: commit.sha,
      person_email: person,
      kind: 'reviewed' as const,
      source: 'pr_review' as const,
      text: review.body,
      recorded_by: null,
      created_at: now,
    })),
  );
}

/** The moments a pull request is the builder's work: opened, ready for review, merged. */
const PR_EVIDENCE: Record<string, (pr: GitHubPullRequestEvent['pr']) => string | null> = {
  opened: (pr) => (pr.draft ? null : pr.createdAt),
  ready_for_review: (pr) => pr.updatedAt,
  closed: (pr) => (pr.merged ? (pr.mergedAt ?? pr.updatedAt) : null),
};

/**
 * A pull request counts for the builder's local day when it is theirs: its branch holds commits
 * Recital mapped to the builder (a GitHub login alone proves nothing about who they are).
 */
async function pullRequestEvidence(
  trx: Kysely<Database>,
  now: string,
  target: Target,
  event: GitHubPullRequestEvent,
  commits: readonly { sha: string; user_id: string | null }[],
) {
  const at = PR_EVIDENCE[event.action]?.(event.pr);
  if (!at || !commits.some((commit) => commit.user_id === target.builder.id)) return;
  const instant = new Date(at).toISOString();
  await insertEvidence(trx, {
    id: newId(),
    project_id: target.project.id,
    user_id: target.builder.id,
    kind: 'pull_request',
    source: 'github',
    at: instant,
    local_date: localDate(new Date(instant), target.builder.time_zone),
    task_id: null,
    minutes: null,
    text: `${event.action === 'closed' ? 'Merged' : 'Opened'} #${event.pr.number}: ${event.pr.title}`.slice(
      0,
      200,
    ),
    ref: event.pr.htmlUrl,
    dedup_key: `pr:${target.repository.id}:${event.pr.number}:${event.action}`,
    created_at: now,
  });
}

/** Commits pushed to the PR's branch, and its head commit, as far as Recital has seen them. */
function commitsOfBranch(trx: Kysely<Database>, repositoryId: string, branch: string, headSha: string) {
  return trx
    .selectFrom('commits')
    .select(['sha', 'author_email', 'user_id'])
    .where('repository_id', '=', repositoryId)
    .where((eb) => eb.or([eb('branch', '=', branch), eb('sha', '=', headSha)]))
    .execute();
}
