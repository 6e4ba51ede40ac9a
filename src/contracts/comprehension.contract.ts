import { z } from 'zod';
import { Id, Instant } from './common.js';
import { endpoint } from './endpoint.js';
import { GitSettings } from './repositories.contract.js';

const Sha = z.string().regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/, 'A full commit SHA.');
const Email = z.string().max(500);

/** One file of the tree, as `recital comprehension --json` prints it (plus what the web page needs). */
export const FileComprehension = z.object({
  path: z.string().min(1).max(4096),
  lines: z.number().int().min(0),
  /** Lines per author e-mail, as `git blame` gives them. */
  authors: z.record(Email, z.number().int().min(0)),
  aiLines: z.number().int().min(0),
  /** AI lines nobody has explained or reviewed: the un-understood lines. */
  unexplainedAiLines: z.number().int().min(0),
  understoodBy: z.array(Email),
  /** The commits that own the un-understood lines: what a walkthrough would cover. */
  unexplainedShas: z.array(Sha).max(1000).optional(),
});
export type FileComprehension = z.infer<typeof FileComprehension>;

export const ComprehensionTotals = z.object({
  lines: z.number().int().min(0),
  aiLines: z.number().int().min(0),
  unexplainedAiLines: z.number().int().min(0),
  /** Understood lines ÷ lines, 0..1. */
  coverage: z.number().min(0).max(1),
  /** How many people must leave before over half the files have nobody who understands them. */
  busFactor: z.number().int().min(0),
});
export type ComprehensionTotals = z.infer<typeof ComprehensionTotals>;

export const Hotspot = z.object({
  path: z.string(),
  /** Lines added and deleted recently (the window is the CLI's, 90 days by default). */
  churn: z.number().int().min(0),
  unexplainedAiLines: z.number().int().min(0),
  score: z.number().min(0),
});
export type Hotspot = z.infer<typeof Hotspot>;

/** The `--json` document: the tree's comprehension at one commit. */
export const ComprehensionReport = z.object({
  commit: Sha,
  files: z.array(FileComprehension),
  totals: ComprehensionTotals,
  hotspots: z.array(Hotspot).optional(),
});
export type ComprehensionReport = z.infer<typeof ComprehensionReport>;

export const UploadComprehensionBody = z.strictObject({
  commit: Sha,
  files: z.array(FileComprehension).max(100_000),
  totals: ComprehensionTotals,
  hotspots: z.array(Hotspot).max(200),
});

export const ComprehensionSnapshot = z
  .object({
    id: Id,
    repositoryId: Id,
    commit: Sha,
    takenAt: Instant,
    totals: ComprehensionTotals,
    files: z.array(FileComprehension),
    hotspots: z.array(Hotspot),
  })
  .meta({ id: 'ComprehensionSnapshot' });
export type ComprehensionSnapshot = z.infer<typeof ComprehensionSnapshot>;

export const TrendPoint = z.object({
  /** The sprint (or week, before a commitment) this point closes. */
  periodStart: z.string(),
  takenAt: Instant,
  commit: Sha,
  lines: z.number().int(),
  aiLines: z.number().int(),
  unexplainedAiLines: z.number().int(),
  coverage: z.number(),
  busFactor: z.number().int(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const ProjectComprehension = z.object({
  repositories: z.array(
    z.object({
      id: Id,
      name: z.string(),
      latest: ComprehensionSnapshot.nullable(),
      /** The last snapshot of each sprint, oldest first. */
      trend: z.array(TrendPoint),
      period: z.enum(['sprint', 'week']),
    }),
  ),
  /** Whether the caller may record walkthroughs (witnesses and organizers; builders explain instead). */
  canRecordWalkthrough: z.boolean(),
});
export type ProjectComprehension = z.infer<typeof ProjectComprehension>;

export const UnderstandingFactDto = z.object({
  sha: Sha,
  person: Email,
  kind: z.enum(['authored', 'explained', 'reviewed']),
  source: z.string(),
});

export const RecordWalkthroughBody = z.strictObject({
  path: z.string().min(1).max(4096),
  shas: z.array(Sha).min(1).max(1000),
});

const RepositoryParams = z.object({ repositoryId: Id });

export const listUnderstanding = endpoint({
  operationId: 'listUnderstanding',
  method: 'GET',
  path: '/api/v1/repositories/:repositoryId/understanding',
  summary: 'Who understands which commits: why-notes, reviews and walkthroughs Recital holds.',
  tag: 'git',
  auth: 'required',
  params: RepositoryParams,
  response: z.object({
    facts: z.array(UnderstandingFactDto),
    /** The workspace's attribution rules and exclusions, so the CLI reads commits the way the server does. */
    settings: GitSettings,
  }),
  status: 200,
});

export const uploadComprehension = endpoint({
  operationId: 'uploadComprehension',
  method: 'POST',
  path: '/api/v1/repositories/:repositoryId/comprehension',
  summary: 'Record the comprehension of the tree at a commit (computed by `recital comprehension`).',
  tag: 'git',
  auth: 'required',
  bodyLimit: 64 * 1024 * 1024,
  params: RepositoryParams,
  body: UploadComprehensionBody,
  response: z.object({ id: Id }),
  status: 201,
});

export const getProjectComprehension = endpoint({
  operationId: 'getProjectComprehension',
  method: 'GET',
  path: '/api/v1/projects/:projectId/comprehension',
  summary: 'Comprehension of each repository: the latest tree, hotspots, and the trend per sprint.',
  tag: 'git',
  auth: 'required',
  params: z.object({ projectId: Id }),
  response: ProjectComprehension,
  status: 200,
});

export const recordWalkthrough = endpoint({
  operationId: 'recordWalkthrough',
  method: 'POST',
  path: '/api/v1/repositories/:repositoryId/walkthroughs',
  summary: 'A witness walked through a file with the builder: its un-understood commits are now reviewed.',
  tag: 'git',
  auth: 'required',
  params: RepositoryParams,
  body: RecordWalkthroughBody,
  response: z.object({ recorded: z.number().int() }),
  status: 201,
});
