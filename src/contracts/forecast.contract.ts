import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { CheckpointStatusSchema } from './checkpoints.contract.js';
import { ProjectParams } from './plans.contract.js';

const Method = z.enum(['ebs', 'throughput']);

const Percentiles = z.object({
  /** Share of simulated runs that finish by the due date, 0..1; null when there is no number to give. */
  probability: z.number().min(0).max(1).nullable(),
  /** Local dates by which half, 85% and 95% of runs finished; null beyond the forecast's horizon. */
  p50: z.string().nullable(),
  p85: z.string().nullable(),
  p95: z.string().nullable(),
});

/** A checkpoint's latest stored forecast, as consoles show it. */
export const CheckpointChanceSchema = z.object({
  probability: z.number().min(0).max(1).nullable(),
  p50: z.string().nullable(),
  p85: z.string().nullable(),
  /** Under the workspace's threshold since `atRiskSince`. */
  atRisk: z.boolean(),
  atRiskSince: z.string().nullable(),
  note: z.string(),
  computedAt: z.string(),
});
export type CheckpointChance = z.infer<typeof CheckpointChanceSchema>;

export const CheckpointForecastSchema = Percentiles.extend({
  checkpointId: z.string(),
  title: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  status: CheckpointStatusSchema,
  /**
   * forecast: numbers follow; done: nothing left (or submitted/approved); closed: missed, on the
   * record; unknown: too little to say anything useful, and `note` says why.
   */
  kind: z.enum(['forecast', 'done', 'closed', 'unknown']),
  method: Method.nullable(),
  /** Estimates were widened by typical error because the builder's own history is too short. */
  coldStart: z.boolean(),
  /**
   * The chance it holds is under the workspace's threshold, by the builder's own pace: a cold start
   * (too little history) shows its chance with its caveat but flags nothing and alerts nobody.
   */
  atRisk: z.boolean(),
  note: z.string(),
  /** Open tasks of this checkpoint's own. */
  openTasks: z.number().int(),
  /** Estimated minutes of open work due by this checkpoint, earlier checkpoints' included. */
  openMinutes: z.number(),
  /** The same forecast from daily output alone (throughput sampling), as a cross-check. */
  throughput: Percentiles.extend({
    kind: z.enum(['forecast', 'done', 'closed', 'unknown']),
    note: z.string(),
  }),
});
export type CheckpointForecastDto = z.infer<typeof CheckpointForecastSchema>;

export const PaceSchema = z.object({
  /** Planned days judged (showed up, skipped, paused or grace), across the builder's projects. */
  historyDays: z.number().int(),
  workedDays: z.number().int(),
  skippedDays: z.number().int(),
  /** Finished tasks, and those whose real time is known (logged minutes, or started and done in one sitting). */
  finishedTasks: z.number().int(),
  timedTasks: z.number().int(),
  /** Median estimated minutes finished on a worked day. */
  medianDailyMinutes: z.number().nullable(),
  /** Median actual ÷ estimated time. */
  medianOverrun: z.number().nullable(),
  skipRate: z.number(),
  /** Work added per judged day, as a share of the open work when the history began. */
  scopeGrowthPerDay: z.number(),
  /** Projects the history is pooled from. */
  projects: z.number().int(),
});
export type PaceDto = z.infer<typeof PaceSchema>;

export const ProjectForecastSchema = z
  .object({
    projectId: z.string(),
    generatedAt: z.string(),
    today: z.string(),
    timeZone: z.string(),
    /** Checkpoints with a chance under this (0..1) are at risk. */
    atRiskBelow: z.number(),
    trials: z.number().int(),
    seed: z.number().int(),
    pace: PaceSchema,
    /** Actual ÷ estimated time the sprint compiler schedules with; null while history is too thin. */
    calibration: z
      .object({ factor: z.number(), tasks: z.number().int(), historyDays: z.number().int() })
      .nullable(),
    /** What every number here rests on, in a sentence or two. */
    note: z.string(),
    checkpoints: z.array(CheckpointForecastSchema),
    /**
     * The burn-up's forecast cone: estimated minutes done by each checkpoint's P50, P85 and P95
     * dates, from today's done total (in the burn-up's own units).
     */
    cone: z.object({
      from: z.object({ date: z.string(), minutes: z.number() }),
      p50: z.array(z.object({ date: z.string(), minutes: z.number() })),
      p85: z.array(z.object({ date: z.string(), minutes: z.number() })),
      p95: z.array(z.object({ date: z.string(), minutes: z.number() })),
    }),
  })
  .meta({ id: 'ProjectForecast' });
export type ProjectForecast = z.infer<typeof ProjectForecastSchema>;

export const getForecast = endpoint({
  operationId: 'getForecast',
  method: 'GET',
  path: '/api/v1/projects/:projectId/forecast',
  summary:
    "The chance each open checkpoint holds, with P50/P85/P95 dates, from the builder's own pace (Monte Carlo, seeded per day), and what it is based on.",
  tag: 'forecast',
  auth: 'required',
  params: ProjectParams,
  response: ProjectForecastSchema,
  status: 200,
});
