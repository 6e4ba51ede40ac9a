import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { ProjectParams } from './plans.contract.js';

const LocalDateSchema = z.iso.date({ message: 'Expected a date as YYYY-MM-DD.' });
const DayMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

export const MinutesPerWeekday = z
  .strictObject({
    mon: DayMinutes,
    tue: DayMinutes,
    wed: DayMinutes,
    thu: DayMinutes,
    fri: DayMinutes,
    sat: DayMinutes,
    sun: DayMinutes,
  })
  .meta({
    id: 'MinutesPerWeekday',
    description: 'Minutes of focused work on each weekday; 0 means no work that day.',
  });

export const ScheduleRequest = z.strictObject({
  minutesPerWeekday: MinutesPerWeekday.optional(),
  daysOff: z.array(LocalDateSchema).max(366).optional(),
  /** Default: today in the builder's time zone. */
  startDate: LocalDateSchema.optional(),
  launchDate: LocalDateSchema.optional(),
  sprintLengthDays: z.number().int().min(1).max(366).optional(),
  /** Due dates by checkpoint id; each is due at the end of that day in the builder's time zone. */
  checkpointDates: z.record(z.string(), LocalDateSchema).optional(),
  calibrationFactor: z.number().min(0.1).max(10).optional(),
  defaultEstimateMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  maxChunkMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .optional(),
  includeOptional: z.boolean().optional(),
  /** Keep these settings as the project's availability for later schedules. */
  save: z.boolean().default(false),
});

const Item = z.object({
  taskId: z.string(),
  minutes: z.number(),
  chunk: z.number().int(),
  chunks: z.number().int(),
});

export const ScheduleResponse = z
  .object({
    timeZone: z.string(),
    startDate: z.string(),
    planVersion: z.number().int(),
    days: z.array(z.object({ date: z.string(), capacityMinutes: z.number(), items: z.array(Item) })),
    checkpoints: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        dueDate: z.string().nullable(),
        dueAt: z.string().nullable(),
        hoursNeeded: z.number(),
        hoursNeededWorstCase: z.number(),
        hoursAvailable: z.number().nullable(),
        feasible: z.boolean().nullable(),
        projectedFinishDate: z.string().nullable(),
        cutLine: z.array(z.string()),
        earliestFeasibleDate: z.string().nullable(),
      }),
    ),
    unscheduled: z.array(z.string()),
    excludedOptional: z.array(z.string()),
    criticalPath: z.array(z.string()),
    finishDate: z.string().nullable(),
    warnings: z.array(z.object({ code: z.string(), taskId: z.string().optional(), message: z.string() })),
    /**
     * Actual ÷ estimated time every estimate was scaled by: as the builder set it (`saved`), from
     * their own finished tasks (`history`: the median over `tasks` tasks and `historyDays` judged
     * days, across their projects), or 1 while history is too thin (`none`).
     */
    calibration: z.object({
      factor: z.number(),
      source: z.enum(['saved', 'history', 'none']),
      tasks: z.number().int(),
      historyDays: z.number().int(),
    }),
  })
  .meta({ id: 'Schedule' });
export type ScheduleResponse = z.infer<typeof ScheduleResponse>;

export const compileProjectSchedule = endpoint({
  operationId: 'compileProjectSchedule',
  method: 'POST',
  path: '/api/v1/projects/:projectId/schedule',
  summary:
    "Compile the current plan into a day-by-day schedule in the builder's hours, with feasibility per checkpoint.",
  tag: 'plans',
  auth: 'required',
  params: ProjectParams,
  body: ScheduleRequest,
  response: ScheduleResponse,
  status: 200,
});

export const SavedAvailability = z
  .object({
    minutesPerWeekday: MinutesPerWeekday,
    daysOff: z.array(z.string()),
    /** The launch date the builder aimed at; checkpoints without a date are spread up to it. */
    launchDate: z.string().nullable(),
    /** Due dates the builder set, by checkpoint id. */
    checkpointDates: z.record(z.string(), z.string()),
    sprintLengthDays: z.number().int().nullable(),
    calibrationFactor: z.number().nullable(),
  })
  .meta({
    id: 'SavedAvailability',
    description: 'The hours and dates saved with `save: true`, as the builder last saved them.',
  });
export type SavedAvailability = z.infer<typeof SavedAvailability>;

export const getProjectAvailability = endpoint({
  operationId: 'getProjectAvailability',
  method: 'GET',
  path: '/api/v1/projects/:projectId/availability',
  summary:
    "The builder's saved hours per weekday, launch date and other schedule settings (null until saved). A commitment in force outranks them.",
  tag: 'plans',
  auth: 'required',
  params: ProjectParams,
  response: z.object({ availability: SavedAvailability.nullable() }),
  status: 200,
});
