/** Builders for schedule tests. */
import { blankTask, type PlanTask } from '../plans/plan.model.js';
import type { Availability, ScheduleInput } from './schedule.model.js';

let line = 0;

/** A todo task with the given fields. */
export function task(id: string, fields: Partial<PlanTask> = {}): PlanTask {
  line += 1;
  return blankTask({ id, title: `Task ${id}`, source: { line }, ...fields });
}

/** A builder with a day job: 2h on weekdays, 6h on Saturday, Sundays off; from Monday 2026-03-02. */
export const DAY_JOB: Availability = {
  timeZone: 'Europe/Berlin',
  minutesPerWeekday: { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 360, sun: 0 },
  daysOff: [],
  startDate: '2026-03-02',
};

export function plan(tasks: PlanTask[], overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return { tasks, checkpoints: [], availability: DAY_JOB, ...overrides };
}
