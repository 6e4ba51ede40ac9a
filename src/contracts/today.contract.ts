import { z } from 'zod';
import { EstimateMinutesSchema, ProjectParams } from './plans.contract.js';
import { Id, Instant } from './common.js';
import { endpoint } from './endpoint.js';

export const EvidenceSchema = z
  .object({
    id: Id,
    kind: z.string(),
    source: z.string(),
    at: Instant,
    localDate: z.string(),
    taskId: z.string().nullable(),
    minutes: z.number().nullable(),
    text: z.string().nullable(),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof EvidenceSchema>;

const TodayTask = z.object({
  taskId: z.string(),
  title: z.string(),
  status: z.string(),
  minutes: z.number(),
  estimateMinutes: EstimateMinutesSchema,
  chunk: z.number().int(),
  chunks: z.number().int(),
});

export const TodaySchema = z
  .object({
    date: z.string(),
    timeZone: z.string(),
    /** The next smallest step: the first unblocked task scheduled for today (or next, when today is free). */
    nextStep: TodayTask.nullable(),
    planned: z.array(TodayTask),
    /** The first day with planned work: today, or a later day when today is free. */
    nextWorkDate: z.string().nullable(),
    capacityMinutes: z.number(),
    loggedMinutes: z.number(),
    minutesLeft: z.number(),
    evidence: z.array(EvidenceSchema),
    /** Set when the project has no saved hours yet, so there is no schedule to follow. */
    needsHours: z.boolean(),
  })
  .meta({ id: 'Today' });
export type Today = z.infer<typeof TodaySchema>;

export const TaskParams = z.object({ projectId: Id, taskId: z.string().min(1).max(200) });

export const CheckInBody = z.strictObject({
  text: z.string().trim().min(1, 'Say in a few words what you did.').max(2000),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  taskId: z.string().max(200).optional(),
});

export const DeferBody = z.strictObject({
  reason: z.string().trim().min(1, 'Say briefly why it did not get finished; it helps the re-plan.').max(500),
});

export const getToday = endpoint({
  operationId: 'getToday',
  method: 'GET',
  path: '/api/v1/projects/:projectId/today',
  summary:
    "Today in the builder's time zone: the next step, the planned tasks, minutes left, what was logged.",
  tag: 'today',
  auth: 'required',
  params: ProjectParams,
  response: TodaySchema,
  status: 200,
});

export const checkIn = endpoint({
  operationId: 'checkIn',
  method: 'POST',
  path: '/api/v1/projects/:projectId/checkins',
  summary: 'Record what you did (and for how long).',
  tag: 'today',
  auth: 'required',
  params: ProjectParams,
  body: CheckInBody,
  response: EvidenceSchema,
  status: 201,
});

export const startTask = endpoint({
  operationId: 'startTask',
  method: 'POST',
  path: '/api/v1/projects/:projectId/tasks/:taskId/start',
  summary: 'Start a task (it becomes in progress).',
  tag: 'today',
  auth: 'required',
  params: TaskParams,
  response: EvidenceSchema,
  status: 201,
});

export const finishTask = endpoint({
  operationId: 'finishTask',
  method: 'POST',
  path: '/api/v1/projects/:projectId/tasks/:taskId/done',
  summary: 'Finish a task.',
  tag: 'today',
  auth: 'required',
  params: TaskParams,
  response: EvidenceSchema,
  status: 201,
});

export const deferTask = endpoint({
  operationId: 'deferTask',
  method: 'POST',
  path: '/api/v1/projects/:projectId/tasks/:taskId/defer',
  summary: 'A planned task was not finished: say why; it carries forward and the schedule moves with it.',
  tag: 'today',
  auth: 'required',
  params: TaskParams,
  body: DeferBody,
  response: EvidenceSchema,
  status: 201,
});
