import { z } from 'zod';
import { TASK_STATUSES, PLAN_FORMATS } from '../core/plans/plan.model.js';
import { Id, Instant } from './common.js';
import { endpoint } from './endpoint.js';

export const EstimateMinutesSchema = z
  .union([z.number(), z.object({ min: z.number(), max: z.number() })])
  .nullable();

export const PlanTaskSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    status: z.enum(TASK_STATUSES),
    optional: z.boolean(),
    estimateMinutes: EstimateMinutesSchema,
    dependsOn: z.array(z.string()),
    priority: z.enum(['high', 'medium', 'low']).nullable(),
    phase: z.string().nullable(),
    acceptanceCriteria: z.string().nullable(),
    testStrategy: z.string().nullable(),
    tags: z.array(z.string()),
    decisionRefs: z.array(z.string()),
    source: z.object({ line: z.number() }),
  })
  .meta({ id: 'PlanTask' });

export const PlanCheckpointSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    taskIds: z.array(z.string()),
    criteria: z.string().nullable(),
    source: z.object({ line: z.number() }),
  })
  .meta({ id: 'PlanCheckpoint' });

export const PlanWarningSchema = z
  .object({ line: z.number().nullable(), message: z.string() })
  .meta({ id: 'PlanWarning' });

export const PlanFormatSchema = z.enum(PLAN_FORMATS);

export const PlanVersionSummary = z
  .object({
    id: Id,
    number: z.number().int(),
    format: PlanFormatSchema,
    sourceName: z.string().nullable(),
    reason: z.string().nullable(),
    importedBy: Id,
    createdAt: Instant,
    taskCount: z.number().int(),
    openMinutes: z.number(),
    warningCount: z.number().int(),
  })
  .meta({ id: 'PlanVersionSummary' });
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

export const PlanDiffSchema = z
  .object({
    added: z.array(z.object({ id: z.string(), title: z.string() })),
    removed: z.array(z.object({ id: z.string(), title: z.string() })),
    changed: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
      }),
    ),
    reestimated: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        before: EstimateMinutesSchema,
        after: EstimateMinutesSchema,
        deltaMinutes: z.number(),
      }),
    ),
    unchanged: z.number().int(),
    scope: z.object({
      previousMinutes: z.number(),
      nextMinutes: z.number(),
      deltaMinutes: z.number(),
      previousTasks: z.number(),
      nextTasks: z.number(),
      growthRatio: z.number().nullable(),
    }),
  })
  .meta({ id: 'PlanDiff' });

export const PlanVersion = PlanVersionSummary.extend({
  tasks: z.array(PlanTaskSchema),
  checkpoints: z.array(PlanCheckpointSchema),
  warnings: z.array(PlanWarningSchema),
  diff: PlanDiffSchema.nullable(),
}).meta({ id: 'PlanVersion' });
export type PlanVersion = z.infer<typeof PlanVersion>;

/** Plans are text; 2 MB covers the largest real roadmaps with room to spare. */
export const MAX_PLAN_CHARS = 2_000_000;

export const ImportPlanBody = z.strictObject({
  text: z.string().max(MAX_PLAN_CHARS, 'The plan is larger than 2 MB; split it or remove pasted logs.'),
  fileName: z.string().max(255).optional(),
  format: PlanFormatSchema.optional(),
  reason: z.string().trim().max(500).optional(),
  /** Parse, check and diff without saving anything. */
  dryRun: z.boolean().default(false),
});

export const ProjectParams = z.object({ projectId: Id });
export const VersionParams = z.object({ projectId: Id, number: z.coerce.number().int().positive() });
export const DiffQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

export const ImportResult = z
  .object({ version: PlanVersion, saved: z.boolean() })
  .meta({ id: 'ImportResult' });

export const importPlan = endpoint({
  operationId: 'importPlan',
  method: 'POST',
  path: '/api/v1/projects/:projectId/plan/versions',
  summary: 'Import a plan (any supported format) as the next version; with dryRun, only check it.',
  tag: 'plans',
  auth: 'required',
  params: ProjectParams,
  body: ImportPlanBody,
  // 2 million characters of UTF-8 take at most 4 bytes each, plus the JSON around them.
  bodyLimit: 4 * MAX_PLAN_CHARS + 65_536,
  response: ImportResult,
  status: 201,
});

export const listPlanVersions = endpoint({
  operationId: 'listPlanVersions',
  method: 'GET',
  path: '/api/v1/projects/:projectId/plan/versions',
  summary: 'Every version of the plan, newest first.',
  tag: 'plans',
  auth: 'required',
  params: ProjectParams,
  response: z.object({ versions: z.array(PlanVersionSummary) }),
  status: 200,
});

export const getPlanVersion = endpoint({
  operationId: 'getPlanVersion',
  method: 'GET',
  path: '/api/v1/projects/:projectId/plan/versions/:number',
  summary: 'One version with its tasks, checkpoints, warnings and the diff from the version before.',
  tag: 'plans',
  auth: 'required',
  params: VersionParams,
  response: PlanVersion,
  status: 200,
});

export const getCurrentPlan = endpoint({
  operationId: 'getCurrentPlan',
  method: 'GET',
  path: '/api/v1/projects/:projectId/plan',
  summary: 'The current version of the plan.',
  tag: 'plans',
  auth: 'required',
  params: ProjectParams,
  response: PlanVersion,
  status: 200,
});

export const diffPlanVersions = endpoint({
  operationId: 'diffPlanVersions',
  method: 'GET',
  path: '/api/v1/projects/:projectId/plan/diff',
  summary: 'What changed between two versions: added, removed, changed, re-estimated, scope.',
  tag: 'plans',
  auth: 'required',
  params: ProjectParams,
  query: DiffQuery,
  response: PlanDiffSchema,
  status: 200,
});
