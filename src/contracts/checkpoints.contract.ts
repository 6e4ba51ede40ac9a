import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { Id } from './common.js';
import { ProjectParams } from './plans.contract.js';

export const REJECTION_REASON_CODES = [
  'incomplete',
  'does_not_meet_criteria',
  'cannot_verify',
  'other',
] as const;

/** Proof as a builder sends it; files are uploaded first and cited by their upload id. */
export const ProofInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('commits'), shas: z.array(z.string()).min(1).max(100) }),
  z.strictObject({ kind: z.literal('commit_range'), from: z.string(), to: z.string() }),
  z.strictObject({ kind: z.literal('pull_request'), url: z.string().max(2048) }),
  z.strictObject({ kind: z.literal('live_url'), url: z.string().max(2048) }),
  z.strictObject({ kind: z.literal('file'), uploadId: Id }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(10_000) }),
]);
export type ProofInput = z.infer<typeof ProofInputSchema>;

export const ProofItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commits'), shas: z.array(z.string()) }),
  z.object({ kind: z.literal('commit_range'), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('pull_request'), url: z.string() }),
  z.object({ kind: z.literal('live_url'), url: z.string() }),
  z.object({
    kind: z.literal('file'),
    fileId: z.string(),
    mediaType: z.string(),
    bytes: z.number().int(),
    name: z.string(),
  }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);

export const ProofCheckSchema = z.object({
  item: z.number().int(),
  kind: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  detail: z.string(),
  checkedAt: z.string(),
});

export const SubmissionSchema = z
  .object({
    submissionId: z.string(),
    by: z.string(),
    at: z.string(),
    proof: z.array(ProofItemSchema),
    note: z.string(),
    late: z.boolean(),
    checks: z.array(ProofCheckSchema),
  })
  .meta({ id: 'Submission' });

export const ReviewSchema = z
  .object({
    submissionId: z.string(),
    by: z.string(),
    at: z.string(),
    decision: z.enum(['approved', 'rejected']),
    reason: z.enum(REJECTION_REASON_CODES).nullable(),
    comment: z.string(),
  })
  .meta({ id: 'Review' });

export const CheckpointStatusSchema = z.enum(['pending', 'submitted', 'approved', 'rejected', 'missed']);

export const CheckpointSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    dueDate: z.string(),
    dueAt: z.string(),
    taskIds: z.array(z.string()),
    criteria: z.array(z.string()),
    status: CheckpointStatusSchema,
    late: z.boolean(),
    missedAt: z.string().nullable(),
    current: SubmissionSchema.nullable(),
    submittedCount: z.number().int(),
  })
  .meta({ id: 'Checkpoint' });
export type CheckpointDto = z.infer<typeof CheckpointSchema>;

export const CheckpointHistoryEntrySchema = z.object({
  type: z.enum(['submitted', 'reviewed', 'missed', 'reminder_sent', 'escalated']),
  at: z.string(),
  by: z.string().nullable(),
  submissionId: z.string().nullable(),
  detail: z.string(),
});

export const CheckpointDetailSchema = z
  .object({
    checkpoint: CheckpointSchema,
    submissions: z.array(SubmissionSchema),
    reviews: z.array(ReviewSchema),
    history: z.array(CheckpointHistoryEntrySchema),
  })
  .meta({ id: 'CheckpointDetail' });
export type CheckpointDetail = z.infer<typeof CheckpointDetailSchema>;

export const CheckpointParams = z.object({ projectId: Id, checkpointId: z.string().min(1).max(100) });

export const listCheckpoints = endpoint({
  operationId: 'listCheckpoints',
  method: 'GET',
  path: '/api/v1/projects/:projectId/checkpoints',
  summary: "The contract's checkpoints with their state: pending, submitted, approved, rejected or missed.",
  tag: 'checkpoints',
  auth: 'required',
  params: ProjectParams,
  response: z.object({ checkpoints: z.array(CheckpointSchema) }),
  status: 200,
});

export const getCheckpoint = endpoint({
  operationId: 'getCheckpoint',
  method: 'GET',
  path: '/api/v1/projects/:projectId/checkpoints/:checkpointId',
  summary: 'One checkpoint with every submission, pre-check and review.',
  tag: 'checkpoints',
  auth: 'required',
  params: CheckpointParams,
  response: CheckpointDetailSchema,
  status: 200,
});

export const SubmitBody = z.strictObject({
  proof: z.array(ProofInputSchema).min(1, 'Give at least one piece of proof.').max(20),
  note: z.string().max(2000).default(''),
});

export const submitCheckpoint = endpoint({
  operationId: 'submitCheckpoint',
  method: 'POST',
  path: '/api/v1/projects/:projectId/checkpoints/:checkpointId/submissions',
  summary: 'Submit proof for a checkpoint (late submissions are accepted and recorded as late).',
  tag: 'checkpoints',
  auth: 'required',
  params: CheckpointParams,
  body: SubmitBody,
  response: CheckpointDetailSchema,
  status: 201,
});

export const ReviewBody = z.strictObject({
  submissionId: z.string().min(1).max(100),
  decision: z.enum(['approved', 'rejected']),
  reason: z.enum(REJECTION_REASON_CODES).optional(),
  comment: z.string().trim().max(2000).default(''),
});

export const reviewCheckpoint = endpoint({
  operationId: 'reviewCheckpoint',
  method: 'POST',
  path: '/api/v1/projects/:projectId/checkpoints/:checkpointId/reviews',
  summary: 'A witness approves or rejects the current submission (a rejection needs a reason and a comment).',
  tag: 'checkpoints',
  auth: 'required',
  params: CheckpointParams,
  body: ReviewBody,
  response: CheckpointDetailSchema,
  status: 201,
});

export const ReviewQueueItemSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  workspaceId: z.string(),
  builderId: z.string(),
  builderName: z.string(),
  checkpoint: CheckpointSchema,
  waitingSince: z.string(),
  /** What the builder did since the previous checkpoint was due (or since they committed). */
  evidence: z.object({
    since: z.string(),
    daysShowedUp: z.number().int(),
    daysSkipped: z.number().int(),
    checkins: z.number().int(),
    tasksDone: z.number().int(),
    minutes: z.number().int(),
    /** The builder's commits from connected repositories, and how many of them were AI-assisted or AI-authored. */
    commits: z.number().int(),
    aiCommits: z.number().int(),
  }),
});

export const listReviews = endpoint({
  operationId: 'listReviews',
  method: 'GET',
  path: '/api/v1/reviews',
  summary: 'Submissions waiting for you to review, oldest first.',
  tag: 'checkpoints',
  auth: 'required',
  response: z.object({ items: z.array(ReviewQueueItemSchema) }),
  status: 200,
});

/** Largest proof file accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;

export const UploadSchema = z
  .object({
    id: z.string(),
    mediaType: z.enum(UPLOAD_MEDIA_TYPES),
    bytes: z.number().int(),
    name: z.string(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Upload' });
export type UploadDto = z.infer<typeof UploadSchema>;

export const UploadQuery = z.object({ name: z.string().trim().min(1).max(255) });

export const uploadProofFile = endpoint({
  operationId: 'uploadProofFile',
  method: 'POST',
  path: '/api/v1/projects/:projectId/uploads',
  summary:
    'Upload a proof file as the raw request body (PNG, JPEG, GIF, WebP or PDF, at most 10 MB; the type is read from the content).',
  tag: 'checkpoints',
  auth: 'required',
  params: ProjectParams,
  query: UploadQuery,
  bodyLimit: MAX_UPLOAD_BYTES,
  response: UploadSchema,
  status: 201,
});

/** Served as bytes, not JSON: `GET /api/v1/projects/:projectId/uploads/:uploadId`. */
export const UPLOAD_DOWNLOAD_PATH = '/api/v1/projects/:projectId/uploads/:uploadId';
