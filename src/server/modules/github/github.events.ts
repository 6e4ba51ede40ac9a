/**
 * One inbound GitHub delivery → one Recital event. Pure: the route has already checked the signature
 * and parsed the JSON; this decides what the delivery means. Events Recital does not use are `ignored`
 * (GitHub sends whatever the webhook was subscribed to, and that is not the sender's mistake); a payload
 * that does not have the shape its event promises is a `github.bad_payload` result, never a throw.
 */
import type { z } from 'zod';
import {
  pingPayloadSchema,
  pullRequestPayloadSchema,
  pullRequestReviewPayloadSchema,
  pushPayloadSchema,
  readPayload,
  type GitHubCommitPayload,
  type GitHubPullRequestPayload,
  type GitHubPullRequestReviewPayload,
  type GitHubPushPayload,
  type GitHubBadPayload,
  type GitHubRepositoryPayload,
} from './github.payloads.js';

export type GitHubRepo = {
  id: number;
  fullName: string;
  htmlUrl: string;
  defaultBranch: string;
  owner: string;
};
export type GitHubAccount = { login: string; id: number };

/** A pushed commit. Instants are ISO 8601 UTC, like every instant Recital stores. */
export type GitHubCommit = {
  sha: string;
  message: string;
  authoredAt: string;
  authorName: string;
  authorEmail: string | null;
  authorLogin?: string;
  url: string;
  distinct: boolean;
};

export type GitHubPullRequest = {
  id: number;
  number: number;
  htmlUrl: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  headRef: string;
  headSha: string;
  baseRef: string;
  author: GitHubAccount;
};

export type GitHubReview = {
  id: number;
  reviewer: GitHubAccount;
  body: string | null;
  state: 'approved' | 'changes_requested' | 'commented' | 'dismissed';
  submittedAt: string | null;
  commitSha: string;
  htmlUrl: string;
};

/** The pull request as a review payload carries it: less than a `pull_request` event does. */
export type GitHubReviewedPullRequest = {
  number: number;
  htmlUrl: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  author: GitHubAccount;
};

export type GitHubPushEvent = {
  kind: 'push';
  deliveryId: string;
  repo: GitHubRepo;
  ref: string;
  /** `refs/heads/x` → `x`; null for tags and other refs. */
  branch: string | null;
  before: string;
  after: string;
  created: boolean;
  deleted: boolean;
  forced: boolean;
  pusher: { name: string; email: string | null };
  sender: GitHubAccount;
  commits: GitHubCommit[];
};

export type GitHubPullRequestEvent = {
  kind: 'pull_request';
  deliveryId: string;
  /** opened, edited, synchronize, closed, reopened, …: GitHub adds actions, so any string passes. */
  action: string;
  repo: GitHubRepo;
  sender: GitHubAccount;
  pr: GitHubPullRequest;
};

export type GitHubPullRequestReviewEvent = {
  kind: 'pull_request_review';
  deliveryId: string;
  /** submitted, edited or dismissed. */
  action: string;
  repo: GitHubRepo;
  sender: GitHubAccount;
  review: GitHubReview;
  pr: GitHubReviewedPullRequest;
};

export type GitHubPingEvent = { kind: 'ping'; deliveryId: string; hookId: number; zen: string };
export type GitHubIgnoredEvent = { kind: 'ignored'; deliveryId: string; event: string; reason: string };

export type GitHubEvent =
  | GitHubPushEvent
  | GitHubPullRequestEvent
  | GitHubPullRequestReviewEvent
  | GitHubPingEvent
  | GitHubIgnoredEvent;

export type GitHubDeliveryResult = { ok: true; event: GitHubEvent } | GitHubBadPayload;

/**
 * Read one delivery: `event` is the `X-GitHub-Event` header, `deliveryId` the `X-GitHub-Delivery` header
 * (GitHub's id for the delivery, the same on a redelivery: use it to drop duplicates), `body` the parsed
 * JSON.
 *
 * @example
 * const result = parseGitHubDelivery({ event: 'push', deliveryId: headers['x-github-delivery'], body });
 * if (!result.ok) return reply.code(400).send({ code: result.code, message: result.message });
 * if (result.event.kind === 'push') for (const commit of result.event.commits) …
 */
export function parseGitHubDelivery(input: {
  event: string;
  deliveryId: string;
  body: unknown;
}): GitHubDeliveryResult {
  const { event, deliveryId, body } = input;
  switch (event) {
    case 'push':
      return read(event, pushPayloadSchema, body, (payload) => pushEvent(deliveryId, payload));
    case 'pull_request':
      return read(event, pullRequestPayloadSchema, body, (payload) => pullRequestEvent(deliveryId, payload));
    case 'pull_request_review':
      return read(event, pullRequestReviewPayloadSchema, body, (payload) => reviewEvent(deliveryId, payload));
    case 'ping':
      return read(event, pingPayloadSchema, body, (payload) => ({
        kind: 'ping',
        deliveryId,
        hookId: payload.hook_id,
        zen: payload.zen,
      }));
    default:
      return { ok: true, event: { kind: 'ignored', deliveryId, event, reason: ignoredReason(event) } };
  }
}

function read<T>(
  event: string,
  schema: z.ZodType<T>,
  body: unknown,
  toEvent: (payload: T) => GitHubEvent,
): GitHubDeliveryResult {
  const payload = readPayload(event, schema, body);
  return payload.ok ? { ok: true, event: toEvent(payload.data) } : payload;
}

function ignoredReason(event: string): string {
  return event === ''
    ? 'the delivery has no X-GitHub-Event header'
    : `Recital does not use "${event}" events; unsubscribe the webhook from them to save deliveries`;
}

function repoOf(repository: GitHubRepositoryPayload): GitHubRepo {
  return {
    id: repository.id,
    fullName: repository.full_name,
    htmlUrl: repository.html_url,
    defaultBranch: repository.default_branch,
    owner: repository.owner.login,
  };
}

function utc(instant: string): string;
function utc(instant: string | null): string | null;
function utc(instant: string | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}

function branchOf(ref: string): string | null {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}

function commitOf(commit: GitHubCommitPayload): GitHubCommit {
  return {
    sha: commit.id,
    message: commit.message,
    authoredAt: utc(commit.timestamp),
    authorName: commit.author.name,
    authorEmail: commit.author.email,
    ...(commit.author.username === undefined ? {} : { authorLogin: commit.author.username }),
    url: commit.url,
    distinct: commit.distinct,
  };
}

function pushEvent(deliveryId: string, payload: GitHubPushPayload): GitHubPushEvent {
  return {
    kind: 'push',
    deliveryId,
    repo: repoOf(payload.repository),
    ref: payload.ref,
    branch: branchOf(payload.ref),
    before: payload.before,
    after: payload.after,
    created: payload.created,
    deleted: payload.deleted,
    forced: payload.forced,
    pusher: { name: payload.pusher.name, email: payload.pusher.email ?? null },
    sender: payload.sender,
    commits: payload.commits.map(commitOf),
  };
}

function pullRequestOf(pr: GitHubPullRequestPayload['pull_request']): GitHubPullRequest {
  return {
    id: pr.id,
    number: pr.number,
    htmlUrl: pr.html_url,
    title: pr.title,
    body: pr.body,
    state: pr.state,
    draft: pr.draft ?? false,
    // Some actions omit `merged`; `merged_at` is set exactly when the pull request was merged.
    merged: pr.merged ?? pr.merged_at !== null,
    mergedAt: utc(pr.merged_at),
    mergeCommitSha: pr.merge_commit_sha ?? null,
    createdAt: utc(pr.created_at),
    updatedAt: utc(pr.updated_at),
    closedAt: utc(pr.closed_at),
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    author: pr.user,
  };
}

function pullRequestEvent(deliveryId: string, payload: GitHubPullRequestPayload): GitHubPullRequestEvent {
  return {
    kind: 'pull_request',
    deliveryId,
    action: payload.action,
    repo: repoOf(payload.repository),
    sender: payload.sender,
    pr: pullRequestOf(payload.pull_request),
  };
}

function reviewEvent(
  deliveryId: string,
  payload: GitHubPullRequestReviewPayload,
): GitHubPullRequestReviewEvent {
  const { review, pull_request: pr } = payload;
  return {
    kind: 'pull_request_review',
    deliveryId,
    action: payload.action,
    repo: repoOf(payload.repository),
    sender: payload.sender,
    review: {
      id: review.id,
      reviewer: review.user,
      body: review.body,
      state: review.state,
      submittedAt: utc(review.submitted_at),
      commitSha: review.commit_id,
      htmlUrl: review.html_url,
    },
    pr: {
      number: pr.number,
      htmlUrl: pr.html_url,
      headRef: pr.head.ref,
      headSha: pr.head.sha,
      baseRef: pr.base.ref,
      author: pr.user,
    },
  };
}
