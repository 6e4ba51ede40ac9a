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

export const GraceAllowanceSchema = z
  .object({
    tokensPerSprint: z.number().int(),
    /** Tokens neither spent nor reserved in the sprint under way (or the first one, before it starts). */
    tokensLeft: z.number().int(),
    /** The days of that sprint a token is spent on (a token spent on today is reserved until it ends). */
    spentOn: z.array(z.string()),
    /** That sprint's first day, in the builder's time zone. */
    sprintStart: z.string(),
    /** The next sprint's first day, when the tokens renew. */
    renewsOn: z.string().nullable(),
    /** The instant they renew: the start of `renewsOn` in the builder's time zone. */
    renewsAt: z.string().nullable(),
  })
  .meta({ id: 'GraceAllowance' });
export type GraceAllowance = z.infer<typeof GraceAllowanceSchema>;

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
    /** Grace tokens left in the sprint under way, by the contract in force; null until hours are saved. */
    grace: GraceAllowanceSchema.nullable(),
  })
  .meta({ id: 'Days' });
export type Days = z.infer<typeof DaysSchema>;

export const listDays = endpoint({
  operationId: 'listDays',
  method: 'GET',
  path: '/api/v1/projects/:projectId/days',
  summary:
    'Every closed planned day with its verdict and the evidence behind it, the streak, the health and the grace tokens left.',
  tag: 'today',
  auth: 'required',
  params: ProjectParams,
  response: DaysSchema,
  status: 200,
});

const LocalDateSchema = z.iso.date({ message: 'Expected a date as YYYY-MM-DD.' });

export const PauseBody = z.strictObject({
  from: LocalDateSchema,
  to: LocalDateSchema,
  reason: z.string().trim().min(1, 'Say why (vacation, illness…): your witness sees it.').max(500),
});

export const GraceBody = z.strictObject({
  /** Default: today where the builder lives. */
  date: LocalDateSchema.optional(),
});

export const requestPause = endpoint({
  operationId: 'requestPause',
  method: 'POST',
  path: '/api/v1/projects/:projectId/pauses',
  summary: 'Plan a pause (vacation, illness) in advance: its days are judged "paused", not skipped.',
  tag: 'today',
  auth: 'required',
  params: ProjectParams,
  body: PauseBody,
  response: z.object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    reason: z.string(),
    requestedAt: z.string(),
  }),
  status: 201,
});

export const spendGrace = endpoint({
  operationId: 'spendGrace',
  method: 'POST',
  path: '/api/v1/projects/:projectId/grace',
  summary:
    'Spend a grace token on a planned day (before it ends, or shortly after): it is not counted as skipped.',
  tag: 'today',
  auth: 'required',
  params: ProjectParams,
  body: GraceBody,
  response: z.object({ date: z.string(), spentAt: z.string(), verdict: DayVerdictSchema.nullable() }),
  status: 201,
});
