/**
 * Histories from the real public plan fixtures (../shared/fixtures/plans): the plans are read with
 * the project's importer, and the status changes they record with a date become the history.
 *
 * - Dates: a Markdown task's own source line saying "completed 2026-04-14", "shipped …", "merged …",
 *   "done …"; a Task Master task or subtask with status done and an `updatedAt` (taken as the moment
 *   it was marked done). A task without a date of its own takes its done parent's date.
 * - The work is the plan's leaf tasks, with the plan's estimates (a range at its midpoint). A task
 *   without one is treated as the product treats it: it counts the default 60 minutes and gives no
 *   velocity, and a forecast that would rest mostly on such defaults says "too little to go on".
 * - Nothing records the hours or the skipped days, so the history assumes a constant calendar: every
 *   day 120 planned minutes, all worked, from the first recorded completion to the last. A task's
 *   actual time is the planned time since the previous recorded completion, shared in proportion to
 *   the estimates of the tasks done that day. Done tasks without any date are taken to have been done
 *   before the history began and are left out.
 * - Checkpoints are the importer's, the finest ones only (a milestone holding phases gives way to
 *   the phases), in plan order; their due dates are the plan at face value on that calendar.
 *
 * A fixture with completions recorded on fewer than two days has nothing to replay and is skipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  History,
  HistoryCheckpoint,
  HistoryDay,
  HistoryTask,
} from '../../src/core/forecast/backtest.js';
import { importPlan } from '../../src/core/plans/import-plan.js';
import type { ImportedPlan, PlanTask } from '../../src/core/plans/plan.model.js';
import { DEFAULT_ESTIMATE_MINUTES } from '../../src/core/plans/versions/plan-scope.js';
import { addLocalDays, localDaysBetween } from '../../src/core/schedule/calendar.js';

export const FIXTURE_MINUTES_PER_DAY = 120;
/** Planned days beyond the last recorded one, so forecasts have room. */
const HORIZON_DAYS = 365;
const DONE_ON = /\b(?:completed|shipped|merged|done|finished)\b\W{0,3}(\d{4}-\d{2}-\d{2})\b/i;

export interface FixtureHistory {
  file: string;
  /** Null when the fixture was skipped; `note` says why. */
  history: History | null;
  note: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The task list Task Master's importer picks: a bare array, `{ tasks }`, else `master` or the first tag. */
function taskMasterTasks(root: unknown): unknown[] {
  if (Array.isArray(root)) return root;
  if (!isRecord(root)) return [];
  if (Array.isArray(root.tasks)) return root.tasks;
  const tags = Object.values(root).filter((value) => isRecord(value) && Array.isArray(value.tasks));
  const chosen = isRecord(root.master) && Array.isArray(root.master.tasks) ? root.master : tags[0];
  return isRecord(chosen) && Array.isArray(chosen.tasks) ? chosen.tasks : [];
}

/** Done dates of Task Master tasks, under the importer's ids (`<parent>.<sub>` for subtasks). */
function taskMasterDates(text: string): Map<string, string> {
  const dates = new Map<string, string>();
  const visit = (items: unknown[], parent: string | null) => {
    for (const item of items) {
      if (!isRecord(item) || item.id === undefined) continue;
      const id = parent === null ? String(item.id) : `${parent}.${String(item.id)}`;
      if (item.status === 'done' && typeof item.updatedAt === 'string')
        dates.set(id, item.updatedAt.slice(0, 10));
      if (Array.isArray(item.subtasks)) visit(item.subtasks, id);
    }
  };
  visit(taskMasterTasks(JSON.parse(text)), null);
  return dates;
}

/** Done dates written on each done task's own source line. */
function markdownDates(plan: ImportedPlan, text: string): Map<string, string> {
  const lines = text.split('\n');
  const dates = new Map<string, string>();
  for (const task of plan.tasks) {
    const date = DONE_ON.exec(lines[task.source.line - 1] ?? '')?.[1];
    if (task.status === 'done' && date !== undefined) dates.set(task.id, date);
  }
  return dates;
}

function estimateOf(task: PlanTask): number | null {
  const estimate = task.estimateMinutes;
  return estimate === null || typeof estimate === 'number' ? estimate : (estimate.min + estimate.max) / 2;
}

interface Leaf {
  task: PlanTask;
  estimate: number | null;
  /** Recorded done date; undefined when open; null when done at an unknown time. */
  doneOn: string | null | undefined;
}

const minutesOf = (leaf: Leaf) => leaf.estimate ?? DEFAULT_ESTIMATE_MINUTES;

function leavesOf(plan: ImportedPlan, dates: Map<string, string>): Leaf[] {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  const parents = new Set(plan.tasks.flatMap((task) => (task.parentId === null ? [] : [task.parentId])));
  const dated = (task: PlanTask | undefined): string | null =>
    task === undefined ? null : (dates.get(task.id) ?? dated(byId.get(task.parentId ?? '')));
  return plan.tasks
    .filter((task) => !parents.has(task.id))
    .map((task) => {
      const date = dated(task);
      const done = task.status === 'done' || date !== null;
      return {
        task,
        estimate: estimateOf(task),
        doneOn: done ? date : undefined,
      };
    });
}

/** The importer's checkpoints as sets of leaves, finest only, in plan order. */
function checkpointLeaves(
  plan: ImportedPlan,
  leaves: readonly Leaf[],
): Array<{ title: string; ids: string[] }> {
  const order = new Map(leaves.map((leaf, index) => [leaf.task.id, index]));
  const underneath = (id: string, ancestors: ReadonlySet<string>): boolean => {
    const task = plan.tasks.find((candidate) => candidate.id === id);
    return task !== undefined && (ancestors.has(task.id) || underneath(task.parentId ?? '', ancestors));
  };
  const sets = plan.checkpoints
    .map((checkpoint) => {
      const named = new Set(checkpoint.taskIds);
      return { title: checkpoint.title, ids: [...order.keys()].filter((id) => underneath(id, named)) };
    })
    .filter((set) => set.ids.length > 0);
  const key = (ids: string[]) => ids.join('\u0000');
  const finest = sets.filter(
    (set, index) =>
      !sets.some(
        (other) => other.ids.length < set.ids.length && other.ids.every((id) => set.ids.includes(id)),
      ) && sets.findIndex((other) => key(other.ids) === key(set.ids)) === index,
  );
  return finest.sort((a, b) => order.get(a.ids[0]!)! - order.get(b.ids[0]!)!);
}

/** Days from the first recorded completion to the last, with each task's actual time inferred. */
function recordedDays(leaves: readonly Leaf[], start: string, end: string): HistoryDay[] {
  const days: HistoryDay[] = [];
  let since = addLocalDays(start, -1);
  for (let date = start; date <= end; date = addLocalDays(date, 1)) {
    const done = leaves.filter((leaf) => leaf.doneOn === date);
    const minutes = FIXTURE_MINUTES_PER_DAY * localDaysBetween(since, date);
    const estimated = done.reduce((sum, leaf) => sum + minutesOf(leaf), 0);
    days.push({
      date,
      verdict: 'showed_up',
      done: done.map((leaf) => ({
        taskId: leaf.task.id,
        loggedMinutes: (minutes * minutesOf(leaf)) / estimated,
      })),
    });
    if (done.length > 0) since = date;
  }
  return days;
}

function historyOf(file: string, plan: ImportedPlan, leaves: Leaf[]): FixtureHistory {
  const dated = leaves.filter((leaf) => typeof leaf.doneOn === 'string').map((leaf) => leaf.doneOn as string);
  const distinct = [...new Set(dated)].sort();
  if (distinct.length < 2)
    return {
      file,
      history: null,
      note:
        dated.length === 0
          ? 'skipped: no task has a recorded done date'
          : `skipped: ${dated.length} tasks with a recorded done date, all on ${distinct[0]}: nothing earlier to forecast from`,
    };
  const kept = leaves.filter((leaf) => leaf.doneOn !== null);
  const start = distinct[0]!;
  const end = distinct.at(-1)!;
  const calendar = Array.from({ length: localDaysBetween(start, end) + 1 + HORIZON_DAYS }, (_, i) => ({
    date: addLocalDays(start, i),
    minutes: FIXTURE_MINUTES_PER_DAY,
  }));
  const estimateById = new Map(kept.map((leaf) => [leaf.task.id, minutesOf(leaf)]));
  let planned = 0;
  const checkpoints: HistoryCheckpoint[] = checkpointLeaves(plan, kept).map((set, index) => {
    planned += set.ids.reduce((sum, id) => sum + (estimateById.get(id) ?? 0), 0);
    const dueDate = addLocalDays(start, Math.max(0, Math.ceil(planned / FIXTURE_MINUTES_PER_DAY) - 1));
    return { id: `cp${index + 1}`, title: set.title, dueDate, taskIds: set.ids };
  });
  const tasks: HistoryTask[] = kept.map((leaf) => ({
    id: leaf.task.id,
    estimateMinutes: leaf.estimate,
    addedOn: null,
  }));
  const history = { name: file, calendar, days: recordedDays(kept, start, end), tasks, checkpoints };
  const undated = leaves.length - kept.length;
  return {
    file,
    history,
    note: `${dated.length} tasks with a recorded done date, on ${distinct.length} days from ${start} to ${end}, ${checkpoints.length} checkpoints${undated > 0 ? `, ${undated} done tasks without a date left out` : ''}`,
  };
}

/** Every plan fixture in `dir`, as a history or the reason it was skipped. */
export function fixtureHistories(dir: string): FixtureHistory[] {
  return readdirSync(dir)
    .filter((file) => /\.(md|json)$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const plan = importPlan({ text, fileName: file });
      const dates = plan.format === 'taskmaster' ? taskMasterDates(text) : markdownDates(plan, text);
      return historyOf(file, plan, leavesOf(plan, dates));
    });
}
