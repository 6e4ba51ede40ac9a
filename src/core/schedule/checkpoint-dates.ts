/**
 * Due dates for checkpoints the plan left undated.
 */
import { addLocalDays, assertLocalDate, localDaysBetween } from './calendar.js';
import {
  ScheduleInputError,
  type LocalDate,
  type ScheduleCheckpoint,
  type Timeline,
} from './schedule.model.js';

/**
 * Each checkpoint's due date, in input order. A dated checkpoint keeps its date. With a
 * `launchDate`, a run of undated checkpoints is spread evenly between the checkpoint before it
 * (or the day before the start) and the dated checkpoint after it (exclusive) or launch day
 * (inclusive, so the last one is due at launch). Otherwise, with `sprintLengthDays`, each
 * undated checkpoint is due one sprint after the one before it. Else it stays null.
 *
 * @example
 * // start 2026-03-02, launch 2026-03-29, four undated checkpoints → Mar 8, 15, 22, 29
 */
export function resolveDueDates(
  checkpoints: ScheduleCheckpoint[],
  timeline: Timeline,
  startDate: LocalDate,
): (LocalDate | null)[] {
  const given = checkpoints.map((checkpoint) => checkpoint.dueDate ?? null);
  given.forEach((date) => date !== null && assertLocalDate(date, 'checkpoints.dueDate'));
  const { launchDate, sprintLengthDays } = timeline;
  if (launchDate) return spreadToLaunch(given, startDate, launchDate);
  if (sprintLengthDays === undefined || sprintLengthDays === null) return given;
  if (!Number.isInteger(sprintLengthDays) || sprintLengthDays < 1) {
    throw new ScheduleInputError(`sprintLengthDays must be a whole number ≥ 1`, 'timeline.sprintLengthDays');
  }
  let previous = addLocalDays(startDate, -1);
  return given.map((date) => (previous = date ?? addLocalDays(previous, sprintLengthDays)));
}

function spreadToLaunch(
  given: (LocalDate | null)[],
  startDate: LocalDate,
  launchDate: LocalDate,
): LocalDate[] {
  assertLocalDate(launchDate, 'timeline.launchDate');
  const offset = (date: LocalDate): number => localDaysBetween(startDate, date);
  const result: LocalDate[] = [];
  let lower = -1;
  let index = 0;
  while (index < given.length) {
    const date = given[index];
    if (date) {
      result.push(date);
      lower = offset(date);
      index++;
      continue;
    }
    let end = index;
    while (end < given.length && !given[end]) end++;
    const next = given[end];
    const runLength = end - index;
    const upper = next ? offset(next) : Math.max(offset(launchDate), lower);
    const steps = next ? runLength + 1 : runLength;
    for (let k = 1; k <= runLength; k++) {
      result.push(addLocalDays(startDate, lower + Math.round(((upper - lower) * k) / steps)));
    }
    index = end;
  }
  return result;
}
