import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { ProjectParams } from './plans.contract.js';

export const DayVerdictSchema = z
  .object({
    date: z.string(),
    verdict: z.enum(['showed_up', 'skipped', 'paused', 'grace']),
    evidenceIds: z.array(z.string()),
    reason: z.string(),
    closedAt: z.string(),
  })
  .meta({ id: 'DayVerdict' });

export const DaysSchema = z
  .object({
    verdicts: z.array(DayVerdictSchema),
    streak: z.object({ current: z.number().int(), longest: z.number().int() }),
    health: z.object({
      state: z.enum(['on_track', 'slipping', 'stalled']),
      consecutiveSkips: z.number().int(),
      replanRequired: z.boolean(),
    }),
    /** The first local day the builder's hours count for; null until hours are saved. */
    verdictsFrom: z.string().nullable(),
  })
  .meta({ id: 'Days' });
export type Days = z.infer<typeof DaysSchema>;

export const listDays = endpoint({
  operationId: 'listDays',
  method: 'GET',
  path: '/api/v1/projects/:projectId/days',
  summary: 'Every closed planned day with its verdict and the evidence behind it, the streak and the health.',
  tag: 'today',
  auth: 'required',
  params: ProjectParams,
  response: DaysSchema,
  status: 200,
});
