import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { CheckpointStatusSchema } from './checkpoints.contract.js';
import { ProjectParams } from './plans.contract.js';

const Verdict = z.enum(['showed_up', 'skipped', 'paused', 'grace']);

export const ProgressSchema = z.object({
  tasksDone: z.number().int(),
  tasksTotal: z.number().int(),
  minutesDone: z.number().int(),
  minutesTotal: z.number().int(),
});

export const PublicStatusSchema = z
  .object({
    name: z.string(),
    summary: z.string().nullable(),
    audience: z.string().nullable(),
    builderName: z.string(),
    timeZone: z.string(),
    /** Today where the builder lives: the page's "as of". */
    today: z.string(),
    progress: ProgressSchema,
    health: z.enum(['on_track', 'slipping', 'stalled']),
    streak: z.object({ current: z.number().int(), longest: z.number().int() }),
    lastShowedUp: z.string().nullable(),
    /** The last 8 weeks of planned days. */
    days: z.array(z.object({ date: z.string(), verdict: Verdict })),
    checkpoints: z.array(
      z.object({ title: z.string(), dueDate: z.string(), status: CheckpointStatusSchema, late: z.boolean() }),
    ),
  })
  .meta({ id: 'PublicStatus' });
export type PublicStatus = z.infer<typeof PublicStatusSchema>;

export const getPublicStatus = endpoint({
  operationId: 'getPublicStatus',
  method: 'GET',
  path: '/api/v1/public/status/:token',
  summary: "A project's public status page (only when its builder published it): no sign-in needed.",
  tag: 'status',
  auth: 'none',
  params: z.object({ token: z.string().min(1).max(200) }),
  response: PublicStatusSchema,
  status: 200,
});

export const BurnupSchema = z
  .object({
    /** One point per local day from the first plan version to today. */
    points: z.array(
      z.object({
        date: z.string(),
        scopeTasks: z.number().int(),
        doneTasks: z.number().int(),
        scopeMinutes: z.number().int(),
        doneMinutes: z.number().int(),
      }),
    ),
    /** Plan versions after the first: the day scope changed, by how much, and why. */
    scopeChanges: z.array(
      z.object({
        date: z.string(),
        version: z.number().int(),
        deltaTasks: z.number().int(),
        deltaMinutes: z.number().int(),
        reason: z.string().nullable(),
      }),
    ),
    progress: ProgressSchema,
  })
  .meta({ id: 'Burnup' });
export type Burnup = z.infer<typeof BurnupSchema>;

export const getBurnup = endpoint({
  operationId: 'getBurnup',
  method: 'GET',
  path: '/api/v1/projects/:projectId/burnup',
  summary: 'Plan scope vs work done, day by day, with every scope change marked.',
  tag: 'status',
  auth: 'required',
  params: ProjectParams,
  response: BurnupSchema,
  status: 200,
});
