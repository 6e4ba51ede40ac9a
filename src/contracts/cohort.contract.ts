import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { CheckpointSchema } from './checkpoints.contract.js';
import { CheckpointChanceSchema, PaceSchema } from './forecast.contract.js';
import { Id } from './common.js';
import { WorkspaceParams } from './workspaces.contract.js';

const Verdict = z.enum(['showed_up', 'skipped', 'paused', 'grace']);
const Health = z.enum(['on_track', 'slipping', 'stalled']);

export const CohortBuilderSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  builderId: z.string(),
  builderName: z.string(),
  builderEmail: z.string(),
  timeZone: z.string(),
  witnesses: z.array(z.object({ id: z.string(), name: z.string() })),
  committed: z.boolean(),
  health: Health,
  replanRequired: z.boolean(),
  streak: z.number().int(),
  /** Verdicts in the window, by local date (days without one were not planned or not closed yet). */
  days: z.array(z.object({ date: z.string(), verdict: Verdict })),
  lastEvidenceAt: z.string().nullable(),
  /** Whole days since the last evidence of work; null when there is none at all. */
  daysSinceEvidence: z.number().int().nullable(),
  missedCheckpoints: z.number().int(),
  /** Open checkpoints whose forecast chance is under the workspace's threshold. */
  atRiskCheckpoints: z.number().int(),
  nextCheckpoint: CheckpointSchema.nullable(),
  /** The next checkpoint's latest forecast; null before one was made. */
  nextCheckpointChance: CheckpointChanceSchema.nullable(),
});

const CohortCheckpoint = CheckpointSchema.extend({
  projectName: z.string(),
  builderName: z.string(),
  chance: CheckpointChanceSchema.nullable(),
});

export const CohortSchema = z
  .object({
    workspaceId: z.string(),
    from: z.string(),
    through: z.string(),
    /** At risk first: stalled, then slipping, then the longest without evidence. */
    builders: z.array(CohortBuilderSchema),
    checkpoints: z.object({
      missed: z.array(CohortCheckpoint),
      upcoming: z.array(CohortCheckpoint),
      /** Open checkpoints under the threshold, least likely first: before they are missed. */
      atRisk: z.array(CohortCheckpoint),
    }),
    /** The workspace's pace: every builder's judged days and finished tasks, pooled. */
    pace: PaceSchema,
    reviewLoad: z.array(
      z.object({
        witnessId: z.string(),
        witnessName: z.string(),
        builders: z.number().int(),
        waiting: z.number().int(),
        oldestWaitingSince: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Cohort' });
export type Cohort = z.infer<typeof CohortSchema>;

export const CohortQuery = z.object({ days: z.coerce.number().int().min(7).max(120).default(28) });

export const getCohort = endpoint({
  operationId: 'getCohort',
  method: 'GET',
  path: '/api/v1/workspaces/:workspaceId/cohort',
  summary: 'The cohort console (organizers): builders × days, at-risk builders, checkpoints, review load.',
  tag: 'cohort',
  auth: 'required',
  params: WorkspaceParams,
  query: CohortQuery,
  response: CohortSchema,
  status: 200,
});

/** The same data as CSV, one row per builder: `GET /api/v1/workspaces/:workspaceId/cohort.csv`. */
export const COHORT_CSV_PATH = '/api/v1/workspaces/:workspaceId/cohort.csv';

export const nudgeBuilders = endpoint({
  operationId: 'nudgeBuilders',
  method: 'POST',
  path: '/api/v1/workspaces/:workspaceId/nudges',
  summary: 'Send a note to one or many builders (organizers).',
  tag: 'cohort',
  auth: 'required',
  params: WorkspaceParams,
  body: z.strictObject({
    projectIds: z.array(Id).min(1).max(500),
    message: z.string().trim().min(1, 'Write the note.').max(1000),
  }),
  response: z.object({ notified: z.number().int() }),
  status: 201,
});

export const WitnessedProjectSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  workspaceId: z.string(),
  builderId: z.string(),
  builderName: z.string(),
  role: z.enum(['witness', 'backup_witness']),
  health: Health,
  streak: z.number().int(),
  lastShowedUp: z.string().nullable(),
  waitingReviews: z.number().int(),
  nextCheckpoint: CheckpointSchema.nullable(),
  nextCheckpointChance: CheckpointChanceSchema.nullable(),
  /** Open checkpoints whose forecast chance is under the workspace's threshold, least likely first. */
  atRisk: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueDate: z.string(),
      probability: z.number().nullable(),
      p85: z.string().nullable(),
      note: z.string(),
    }),
  ),
  /** Checkpoints that passed their due instant without approved proof, latest first. */
  missed: z.array(z.object({ id: z.string(), title: z.string(), dueDate: z.string() })),
});

export const listWitnessed = endpoint({
  operationId: 'listWitnessed',
  method: 'GET',
  path: '/api/v1/witnessing',
  summary: 'Every builder you witness: how they are doing and what waits for you.',
  tag: 'cohort',
  auth: 'required',
  response: z.object({ projects: z.array(WitnessedProjectSchema) }),
  status: 200,
});
