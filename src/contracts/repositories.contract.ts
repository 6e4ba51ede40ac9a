import { z } from 'zod';
import { Id, Instant } from './common.js';
import { endpoint } from './endpoint.js';
import { WhyMode } from './workspaces.contract.js';

const Sha = z
  .string()
  .regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/, 'A full commit SHA: 40 (or 64) lowercase hex digits.');

export const RefTip = z.object({ sha: Sha, ref: z.string().min(1).max(1000) });

export const Repository = z
  .object({
    id: Id,
    projectId: Id,
    name: z.string(),
    githubFullName: z.string().nullable(),
    defaultBranch: z.string().nullable(),
    /** The ref tips the last sync saw; the next sync lists only commits not reachable from them. */
    tips: z.array(RefTip),
    lastSyncedAt: Instant.nullable(),
    commits: z.number().int(),
    /** The workspace's demand for `Why:` trailers on AI-assisted commits, for the commit-msg hook. */
    whyMode: WhyMode,
    createdAt: Instant,
  })
  .meta({ id: 'Repository' });
export type Repository = z.infer<typeof Repository>;

export const AddRepositoryBody = z.strictObject({
  /** How the repository is called in Recital: its folder name or owner/name. */
  name: z.string().trim().min(1, 'Name the repository, e.g. its folder name.').max(200),
  /** `owner/name` on GitHub, so webhook deliveries for it reach this project. */
  githubFullName: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'Write it as owner/name, e.g. ada/launch.')
    .optional(),
  defaultBranch: z.string().min(1).max(255).optional(),
});

export const CommitFileInput = z.strictObject({
  path: z.string().min(1).max(4096),
  oldPath: z.string().min(1).max(4096).optional(),
  /** Lines added and deleted; null for a binary file. */
  added: z.number().int().min(0).nullable(),
  deleted: z.number().int().min(0).nullable(),
});

/** A commit as the CLI reads it from `git log`: author identity after .mailmap, dates with their offset. */
export const CommitInput = z.strictObject({
  sha: Sha,
  parents: z.array(Sha).max(64),
  authorName: z.string().max(500),
  authorEmail: z.string().max(500),
  authoredAt: z.iso.datetime({ offset: true }),
  committerName: z.string().max(500),
  committerEmail: z.string().max(500),
  committedAt: z.iso.datetime({ offset: true }),
  message: z.string().max(65_536),
  /** The branch it was seen on, when known (hooks and pushes know it). */
  branch: z.string().max(1000).nullable().optional(),
  /** Reachable from the default branch: merged, so a "fixes T12" in it may close the task. */
  onDefaultBranch: z.boolean().optional(),
  files: z.array(CommitFileInput).max(10_000),
});
export type CommitInput = z.infer<typeof CommitInput>;

export const IngestCommitsBody = z.strictObject({
  source: z.enum(['sync', 'hook']),
  commits: z.array(CommitInput).max(500, 'Send at most 500 commits per request.'),
  /** Sent with the last batch of a sync: what the repository's refs pointed at when it began. */
  tips: z.array(RefTip).max(10_000).optional(),
  defaultBranch: z.string().min(1).max(255).optional(),
});

export const IngestResult = z.object({
  received: z.number().int(),
  /** New to Recital; the rest were already known (by SHA). */
  inserted: z.number().int(),
  duplicates: z.number().int(),
  /** Commits by the builder that count as evidence for their local day. */
  evidence: z.number().int(),
  /** Commit → task links found in messages and branch names. */
  taskLinks: z.number().int(),
  /** Tasks marked done by a merged commit that fixes them (when the contract says commits close tasks). */
  tasksClosed: z.number().int().default(0),
  aiCommits: z.number().int(),
});
export type IngestResult = z.infer<typeof IngestResult>;

export const ExplainCommitBody = z.strictObject({
  text: z
    .string()
    .trim()
    .min(10, 'Say in a sentence why this change, and why this way.')
    .max(4000, 'Keep a why-note under 4000 characters; link to a document for more.'),
});

export const WhyNote = z.object({ sha: Sha, person: z.string(), text: z.string(), createdAt: Instant });
export type WhyNote = z.infer<typeof WhyNote>;

const ProjectParams = z.object({ projectId: Id });
const RepositoryParams = z.object({ repositoryId: Id });

export const addRepository = endpoint({
  operationId: 'addRepository',
  method: 'POST',
  path: '/api/v1/projects/:projectId/repositories',
  summary: 'Connect a git repository to a project; its commits become evidence.',
  tag: 'git',
  auth: 'required',
  params: ProjectParams,
  body: AddRepositoryBody,
  response: Repository,
  status: 201,
});

export const listRepositories = endpoint({
  operationId: 'listRepositories',
  method: 'GET',
  path: '/api/v1/projects/:projectId/repositories',
  summary: 'The repositories connected to a project.',
  tag: 'git',
  auth: 'required',
  params: ProjectParams,
  response: z.object({ repositories: z.array(Repository) }),
  status: 200,
});

export const getRepository = endpoint({
  operationId: 'getRepository',
  method: 'GET',
  path: '/api/v1/repositories/:repositoryId',
  summary: 'One repository, with the tips its last sync saw.',
  tag: 'git',
  auth: 'required',
  params: RepositoryParams,
  response: Repository,
  status: 200,
});

export const ingestCommits = endpoint({
  operationId: 'ingestCommits',
  method: 'POST',
  path: '/api/v1/repositories/:repositoryId/commits',
  summary: 'Report commits (from `recital sync` or a git hook); known SHAs are ignored.',
  tag: 'git',
  auth: 'required',
  bodyLimit: 16 * 1024 * 1024,
  params: RepositoryParams,
  body: IngestCommitsBody,
  response: IngestResult,
  status: 200,
});

export const GitHubWebhookResult = z.object({
  /** What Recital did with the delivery: stored, ignored (and why), or a repeat of one already seen. */
  outcome: z.string(),
  repositories: z.number().int(),
});

export const receiveGitHubWebhook = endpoint({
  operationId: 'receiveGitHubWebhook',
  method: 'POST',
  path: '/api/v1/integrations/github/webhook',
  summary:
    'GitHub webhook deliveries (push, pull_request, pull_request_review), signed with X-Hub-Signature-256.',
  tag: 'git',
  auth: 'none',
  bodyLimit: 25 * 1024 * 1024,
  response: GitHubWebhookResult,
  status: 200,
});

export const explainCommit = endpoint({
  operationId: 'explainCommit',
  method: 'POST',
  path: '/api/v1/repositories/:repositoryId/commits/:sha/why',
  summary: 'Add a why-note to a commit after the fact: you now understand its lines.',
  tag: 'git',
  auth: 'required',
  params: z.object({
    repositoryId: Id,
    sha: z.string().regex(/^[0-9a-f]{4,64}$/, 'A commit SHA (at least 4 hex digits).'),
  }),
  body: ExplainCommitBody,
  response: WhyNote,
  status: 201,
});

const Glob = z.string().trim().min(1).max(500);

export const AttributionRuleSchema = z.strictObject({
  match: z.strictObject({
    authorEmail: Glob.optional(),
    authorName: Glob.optional(),
    /** A regular expression tested against the whole message (case-insensitive, multiline). */
    messagePattern: z.string().min(1).max(500).optional(),
    branch: Glob.optional(),
  }),
  kind: z.enum(['human', 'ai_assisted', 'ai_authored']),
  label: z.string().trim().min(1).max(100),
});

/** How a workspace reads its commits: rules for commits no tool signal decides, and what to leave out. */
export const GitSettings = z
  .object({
    attributionRules: z.array(AttributionRuleSchema).max(100),
    /** Globs of generated paths beyond the built-in ones (lockfiles, dist/, build/ …). */
    generatedPatterns: z.array(Glob).max(100),
    /** Globs on author name or e-mail of automation beyond the built-in bots. */
    botPatterns: z.array(Glob).max(100),
  })
  .meta({ id: 'GitSettings' });
export type GitSettings = z.infer<typeof GitSettings>;

export const UpdateGitSettingsBody = GitSettings.partial().strict();

const WorkspaceParams = z.object({ workspaceId: Id });

export const getGitSettings = endpoint({
  operationId: 'getGitSettings',
  method: 'GET',
  path: '/api/v1/workspaces/:workspaceId/git-settings',
  summary: "The workspace's attribution rules and exclusions for git evidence.",
  tag: 'git',
  auth: 'required',
  params: WorkspaceParams,
  response: GitSettings,
  status: 200,
});

export const updateGitSettings = endpoint({
  operationId: 'updateGitSettings',
  method: 'PUT',
  path: '/api/v1/workspaces/:workspaceId/git-settings',
  summary:
    'Change the attribution rules and exclusions (organizers); they apply to commits received from now on.',
  tag: 'git',
  auth: 'required',
  params: WorkspaceParams,
  body: UpdateGitSettingsBody,
  response: GitSettings,
  status: 200,
});
