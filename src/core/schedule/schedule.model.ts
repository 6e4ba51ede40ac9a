/**
 * The sprint compiler's input and output: plain data, no IO. See `compileSchedule`.
 */
import type { PlanCheckpoint, PlanTask } from '../plans/plan.model.js';

/** A local calendar date, `YYYY-MM-DD`, read in the builder's time zone. */
export type LocalDate = string;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The hours the builder really has: an evening after a day job is not a workday. */
export interface Availability {
  /** IANA zone name ("Europe/Berlin"); days and due instants are read in it. */
  timeZone: string;
  /** Minutes of focused work on each weekday; 0 means no work that day. */
  minutesPerWeekday: Record<Weekday, number>;
  /** Local dates with no work at all (holidays, travel). */
  daysOff: LocalDate[];
  /** The first local date work may be scheduled on. */
  startDate: LocalDate;
}

/** A checkpoint to schedule towards. `dueDate` is due at the end of that local day. */
export type ScheduleCheckpoint = Pick<PlanCheckpoint, 'id' | 'taskIds'> & {
  dueDate?: LocalDate | null;
};

/**
 * How checkpoints without a `dueDate` get one. `launchDate` spreads them evenly up to launch
 * (the last undated checkpoint falls on launch day); without it, `sprintLengthDays` puts each
 * one a sprint after the checkpoint before it. With neither, they stay undated.
 */
export interface Timeline {
  launchDate?: LocalDate | null;
  sprintLengthDays?: number | null;
}

/** How a range estimate ("3-4h") becomes minutes to schedule. */
export type RangePolicy = 'midpoint' | 'max';

export interface ScheduleInput {
  tasks: PlanTask[];
  checkpoints: ScheduleCheckpoint[];
  availability: Availability;
  timeline?: Timeline;
  /** Minutes for a task with no estimate, before calibration. Default 60. */
  defaultEstimateMinutes?: number;
  /** Actual ÷ estimated, from the builder's history: scheduled = estimate × factor. Default 1. */
  calibrationFactor?: number;
  /** The longest sitting on one task in one day; longer tasks are split across days. Default 120. */
  maxChunkMinutes?: number;
  /**
   * Days from `startDate` that may hold work; what does not fit is `unscheduled`, and a checkpoint
   * whose work does not fit is judged infeasible even if due later. Default 366, at most 3660.
   */
  horizonDays?: number;
  /** Schedule optional tasks (ranked after required work, and cut first). Default false. */
  includeOptional?: boolean;
  /** Scheduling minutes for a range estimate. Default 'midpoint'. */
  rangePolicy?: RangePolicy;
}

export const SCHEDULE_DEFAULTS = {
  defaultEstimateMinutes: 60,
  calibrationFactor: 1,
  maxChunkMinutes: 120,
  horizonDays: 366,
  includeOptional: false,
  rangePolicy: 'midpoint',
} as const satisfies Partial<ScheduleInput>;

export interface ScheduledItem {
  taskId: string;
  minutes: number;
  /** 1-based sitting number of this task. */
  chunk: number;
  /** How many sittings the task got (for a task in `unscheduled`, the ones that fit). */
  chunks: number;
}

export interface ScheduledDay {
  date: LocalDate;
  capacityMinutes: number;
  items: ScheduledItem[];
}

export interface CheckpointForecast {
  id: string;
  /** Null when the checkpoint has no date and the timeline gives none. */
  dueDate: LocalDate | null;
  /** The end of the local due day (the next local midnight) as a UTC ISO instant. */
  dueAt: string | null;
  /** Work to finish by the due date: this checkpoint's tasks, their dependencies, and earlier checkpoints' work. */
  hoursNeeded: number;
  /** Same, counting every range estimate at its max. */
  hoursNeededWorstCase: number;
  /** Capacity from the start date through the due date. */
  hoursAvailable: number | null;
  /** The projection finishes this checkpoint's work on or before its due date. */
  feasible: boolean | null;
  /** The day this checkpoint's last piece of work is scheduled; null if some does not fit the horizon. */
  projectedFinishDate: LocalDate | null;
  /** Tasks to defer so the date holds (empty when feasible or undated). */
  cutLine: string[];
  /** The earliest date the whole checkpoint can hold; past the horizon, estimated from capacity alone. */
  earliestFeasibleDate: LocalDate | null;
}

export type ScheduleWarningCode =
  | 'dependency_cycle'
  | 'unknown_dependency'
  | 'unknown_parent'
  | 'parent_cycle'
  | 'dependency_on_ancestor'
  | 'duplicate_task'
  | 'invalid_estimate'
  | 'unknown_checkpoint_task'
  | 'optional_required';

export interface ScheduleWarning {
  code: ScheduleWarningCode;
  taskId?: string;
  message: string;
}

export interface Schedule {
  /** Days with capacity from the start date to the last day with work, in order. */
  days: ScheduledDay[];
  checkpoints: CheckpointForecast[];
  /** Leaf tasks whose work did not (fully) fit within the horizon, in priority order. */
  unscheduled: string[];
  /** Optional tasks left out because `includeOptional` is false. */
  excludedOptional: string[];
  /** The longest chain of remaining work by minutes, first task first. */
  criticalPath: string[];
  /** The last day with work, or null when something is unscheduled. */
  finishDate: LocalDate | null;
  warnings: ScheduleWarning[];
}

/** Input that cannot be scheduled at all (a bad zone, date or option): says which field. */
export class ScheduleInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}
