/**
 * The parts of GitHub's webhook payloads that Recital reads, and nothing more. Schemas are deliberately
 * not strict (unlike Recital's own API contracts): GitHub adds fields without notice, and `z.object`
 * drops what it does not know instead of refusing the delivery. Field names stay GitHub's (snake_case);
 * `github.events.ts` turns them into Recital's shapes.
 *
 * Shapes follow GitHub's webhook reference and `@octokit/webhooks-types`; the tests run every example of
 * `@octokit/webhooks-examples` through them.
 */
import { z } from 'zod';

/** A full commit id: SHA-1 (40 hex digits) or, in SHA-256 repositories, 64. */
const sha = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'expected a hexadecimal commit SHA');

/** GitHub writes instants as ISO 8601 with `Z` or an offset (commit timestamps keep the author's offset). */
const instant = z.iso.datetime({ offset: true });

/** Links end up in the web app, so only http(s) ones are taken. */
const webUrl = z.url({ protocol: /^https?$/ });

const id = z.number().int();

const account = z.object({ login: z.string(), id });

export const repositorySchema = z.object({
  id,
  full_name: z.string(),
  html_url: webUrl,
  default_branch: z.string(),
  owner: z.object({ login: z.string() }),
});

/** A git identity as GitHub reports it in pushes; `email` is null when the author hid it. */
const gitIdentity = z.object({
  name: z.string(),
  email: z.string().nullable(),
  username: z.string().optional(),
});

const commitSchema = z.object({
  id: sha,
  tree_id: sha.optional(),
  distinct: z.boolean(),
  message: z.string(),
  timestamp: instant,
  url: webUrl,
  author: gitIdentity,
  committer: gitIdentity,
  added: z.array(z.string()),
  removed: z.array(z.string()),
  modified: z.array(z.string()),
});

/** `push`: commits pushed to a branch or tag, including branch creation, deletion and force pushes. */
export const pushPayloadSchema = z.object({
  ref: z.string(),
  before: sha,
  after: sha,
  created: z.boolean(),
  deleted: z.boolean(),
  forced: z.boolean(),
  repository: repositorySchema,
  pusher: z.object({ name: z.string(), email: z.string().nullish() }),
  sender: account,
  commits: z.array(commitSchema),
  head_commit: commitSchema.nullable(),
});

const branchTip = z.object({ ref: z.string(), sha });

/**
 * `pull_request`: every action (opened, synchronize, closed, …). `merged` is absent from some actions'
 * payloads, so it is optional here and derived from `merged_at` later.
 */
export const pullRequestPayloadSchema = z.object({
  action: z.string(),
  number: id,
  pull_request: z.object({
    id,
    number: id,
    html_url: webUrl,
    title: z.string(),
    body: z.string().nullable(),
    state: z.enum(['open', 'closed']),
    draft: z.boolean().optional(),
    merged: z.boolean().nullish(),
    merged_at: instant.nullable(),
    merge_commit_sha: sha.nullish(),
    created_at: instant,
    updated_at: instant,
    closed_at: instant.nullable(),
    head: branchTip,
    base: branchTip,
    user: account,
  }),
  repository: repositorySchema,
  sender: account,
});

/**
 * Webhooks send the review state in lower case (the REST API uses upper case); both are accepted so a
 * payload relayed from the API does not fail for its spelling alone.
 */
const reviewState = z
  .string()
  .toLowerCase()
  .pipe(z.enum(['approved', 'changes_requested', 'commented', 'dismissed']));

/** `pull_request_review`: submitted, edited or dismissed. `submitted_at` is null for a pending review. */
export const pullRequestReviewPayloadSchema = z.object({
  action: z.string(),
  review: z.object({
    id,
    user: account,
    body: z.string().nullable(),
    state: reviewState,
    submitted_at: instant.nullable(),
    commit_id: sha,
    html_url: webUrl,
  }),
  pull_request: z.object({
    number: id,
    html_url: webUrl,
    head: z.object({ ref: z.string(), sha }),
    base: z.object({ ref: z.string() }),
    user: account,
  }),
  repository: repositorySchema,
  sender: account,
});

/** `ping`: sent once when a webhook is created; the repository is absent for organisation hooks. */
export const pingPayloadSchema = z.object({
  zen: z.string(),
  hook_id: id,
  repository: repositorySchema.optional(),
});

/** A payload that does not have its event's shape; `message` names the first problem's JSON path. */
export type GitHubBadPayload = { ok: false; code: 'github.bad_payload'; message: string };

/**
 * Check `body` against an event's schema without throwing.
 *
 * @example readPayload('push', pushPayloadSchema, { ref: 'refs/heads/main' })
 * // { ok: false, code: 'github.bad_payload', message: 'The push payload … (before: missing, expected string) …' }
 */
export function readPayload<T>(
  event: string,
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; data: T } | GitHubBadPayload {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    code: 'github.bad_payload',
    message: badPayloadMessage(event, body, parsed.error.issues),
  };
}

/**
 * Names the first problem by its JSON path and says what usually causes it: a webhook left on
 * form encoding (GitHub then sends `payload=<json>`), or a request that does not come from GitHub.
 */
function badPayloadMessage(event: string, body: unknown, issues: readonly z.core.$ZodIssue[]): string {
  if (isFormEncoded(body)) {
    return (
      `The ${event} delivery arrived form-encoded (a "payload" field), not as JSON. ` +
      `Set the webhook's content type to application/json in the repository's webhook settings.`
    );
  }
  const first = issues[0];
  const problem = first ? `${pathOf(first.path)}: ${describeIssue(first)}` : 'unreadable';
  return (
    `The ${event} payload is not one Recital can read (${problem}). ` +
    `Is the webhook's content type application/json, and does the request come from GitHub?`
  );
}

function isFormEncoded(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && typeof (body as { payload?: unknown }).payload === 'string'
  );
}

/** `["commits", 0, "author"]` → `commits[0].author`; the root is `(body)`. */
function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `missing, expected ${issue.expected}`;
  return issue.message.replace(/^Invalid (?:input|option): /, '');
}

export type GitHubRepositoryPayload = z.infer<typeof repositorySchema>;
export type GitHubCommitPayload = z.infer<typeof commitSchema>;
export type GitHubPushPayload = z.infer<typeof pushPayloadSchema>;
export type GitHubPullRequestPayload = z.infer<typeof pullRequestPayloadSchema>;
export type GitHubPullRequestReviewPayload = z.infer<typeof pullRequestReviewPayloadSchema>;
export type GitHubPingPayload = z.infer<typeof pingPayloadSchema>;
