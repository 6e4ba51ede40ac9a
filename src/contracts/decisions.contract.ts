import { z } from 'zod';
import { DECISION_STATUSES } from '../core/decisions/decision.model.js';
import { Instant } from './common.js';
import { endpoint } from './endpoint.js';
import { PlanWarningSchema, ProjectParams } from './plans.contract.js';

export const DecisionSchema = z
  .object({
    id: z.string(),
    number: z.number().nullable(),
    title: z.string(),
    format: z.enum(['madr', 'nygard']),
    status: z.enum(DECISION_STATUSES).nullable(),
    supersededBy: z.array(z.string()),
    date: z.string().nullable(),
    context: z.string().nullable(),
    options: z.array(z.string()),
    decision: z.string().nullable(),
    consequences: z.string().nullable(),
    sourceName: z.string().nullable(),
    updatedAt: Instant,
  })
  .meta({ id: 'Decision' });
export type Decision = z.infer<typeof DecisionSchema>;

export const FlaggedTaskSchema = z
  .object({
    taskId: z.string(),
    decisionId: z.string(),
    reason: z.string(),
    supersededBy: z.array(z.string()),
  })
  .meta({ id: 'FlaggedTask' });

export const ImportDecisionBody = z.strictObject({
  text: z.string().max(500_000, 'A decision record is at most 500 KB.'),
  fileName: z.string().max(255).optional(),
});

export const importDecision = endpoint({
  operationId: 'importDecision',
  method: 'POST',
  path: '/api/v1/projects/:projectId/decisions',
  summary: 'Import a decision record (MADR or Nygard ADR); importing the same id again updates it.',
  tag: 'decisions',
  auth: 'required',
  params: ProjectParams,
  body: ImportDecisionBody,
  response: z.object({
    decision: DecisionSchema,
    warnings: z.array(PlanWarningSchema),
    flagged: z.array(FlaggedTaskSchema),
  }),
  status: 201,
});

export const listDecisions = endpoint({
  operationId: 'listDecisions',
  method: 'GET',
  path: '/api/v1/projects/:projectId/decisions',
  summary:
    "The project's decision records, and the open tasks built on a superseded, deprecated or rejected one.",
  tag: 'decisions',
  auth: 'required',
  params: ProjectParams,
  response: z.object({ decisions: z.array(DecisionSchema), flagged: z.array(FlaggedTaskSchema) }),
  status: 200,
});
