/**
 * Generated builder histories with known behaviour, for the forecast backtest. Each archetype is a
 * builder whose planned week, estimation error, skipped days and discovered work are known, so the
 * backtest can tell a model that fits from one that does not:
 *
 * - The plan: 20–80 tasks of 15 minutes to 4 hours, in 3–6 checkpoints, worked in order.
 * - Due dates are set the way a builder sets them: the plan at face value (estimates against planned
 *   hours, no skipped days) times a buffer from 0.8 (optimistic) to 1.5.
 * - Each task really takes its estimate ÷ a velocity drawn for the archetype (log-normal around its
 *   median overrun); a planned day is skipped at the archetype's rate, else all its planned minutes
 *   are worked, one task after another, leftovers carried into the next task.
 *
 * Seeded: the same seed gives the same history.
 */
import type {
  History,
  HistoryCheckpoint,
  HistoryDay,
  HistoryTask,
} from '../../src/core/forecast/backtest.js';
import type { PlannedDay } from '../../src/core/forecast/monte-carlo.js';
import { seededRandom } from '../../src/core/forecast/random.js';
import { addLocalDays } from '../../src/core/schedule/calendar.js';

export interface Archetype {
  name: string;
  /** Planned minutes Monday to Sunday. */
  week: readonly number[];
  /** Share of planned days skipped. */
  skipRate: number;
  /** Median actual ÷ estimate, at the start and at the end of the plan (equal: no learning). */
  overrun: readonly [start: number, end: number];
  /** Spread of the log-normal estimation error (σ of the log). */
  sigma: number;
  /** Chance, on each worked day, of discovering a task that joins the checkpoint in progress. */
  creepPerDay: number;
}

const WEEKDAYS_120 = [120, 120, 120, 120, 120, 0, 0];

export const ARCHETYPES: readonly Archetype[] = [
  {
    name: 'accurate estimator',
    week: WEEKDAYS_120,
    skipRate: 0.05,
    overrun: [1, 1],
    sigma: 0.25,
    creepPerDay: 0,
  },
  {
    name: 'chronic 1.5x overrun',
    week: WEEKDAYS_120,
    skipRate: 0.1,
    overrun: [1.5, 1.5],
    sigma: 0.4,
    creepPerDay: 0,
  },
  {
    name: 'frequent skipper (30%)',
    week: WEEKDAYS_120,
    skipRate: 0.3,
    overrun: [1.1, 1.1],
    sigma: 0.3,
    creepPerDay: 0,
  },
  {
    name: 'scope creeper',
    week: WEEKDAYS_120,
    skipRate: 0.1,
    overrun: [1.1, 1.1],
    sigma: 0.3,
    creepPerDay: 0.3,
  },
  {
    name: 'improving over time',
    week: WEEKDAYS_120,
    skipRate: 0.1,
    overrun: [1.8, 0.9],
    sigma: 0.25,
    creepPerDay: 0,
  },
  {
    name: 'evening builder (Mon-Fri 90 + Sat)',
    week: [90, 90, 90, 90, 90, 240, 0],
    skipRate: 0.15,
    overrun: [1.25, 1.25],
    sigma: 0.35,
    creepPerDay: 0,
  },
];

/** A Monday: generated histories start within four weeks of it. */
const FIRST_MONDAY = '2026-01-05';
/** Three years of planned days: far beyond any generated finish. */
const HORIZON_DAYS = 1095;
const ESTIMATES = [15, 30, 30, 45, 60, 60, 60, 90, 90, 120, 120, 180, 240];
const BUFFERS = [0.8, 0.9, 1, 1, 1.1, 1.25, 1.5];

function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function pick<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)]!;
}

/** Checkpoint sizes that add up to `tasks`, about even, jittered by up to a quarter. */
function checkpointSizes(tasks: number, checkpoints: number, random: () => number): number[] {
  const base = Math.floor(tasks / checkpoints);
  const sizes = Array.from({ length: checkpoints }, (_, i) => base + (i < tasks % checkpoints ? 1 : 0));
  for (let i = 0; i + 1 < checkpoints; i++) {
    const shift = Math.floor((random() - 0.5) * (base / 2));
    sizes[i]! += shift;
    sizes[i + 1]! -= shift;
  }
  return sizes;
}

/** The date by which the planned minutes from the first day reach `minutes`. */
function dateCovering(calendar: readonly PlannedDay[], minutes: number): string {
  let total = 0;
  for (const day of calendar) {
    total += day.minutes;
    if (total >= minutes) return day.date;
  }
  return calendar.at(-1)!.date;
}

interface Plan {
  tasks: HistoryTask[];
  /** Task ids per checkpoint, in working order. */
  queues: string[][];
  /** Actual minutes per task id. */
  actual: Map<string, number>;
}

function planOf(archetype: Archetype, random: () => number): Plan {
  const count = 20 + Math.floor(random() * 61);
  const sizes = checkpointSizes(count, 3 + Math.floor(random() * 4), random);
  const plan: Plan = { tasks: [], queues: [], actual: new Map() };
  let made = 0;
  for (const size of sizes) {
    const queue: string[] = [];
    for (let i = 0; i < size; i++) queue.push(addTask(plan, { archetype, random, progress: made++ / count }));
    plan.queues.push(queue);
  }
  return plan;
}

function addTask(
  plan: Plan,
  input: { archetype: Archetype; random: () => number; progress: number; addedOn?: string },
): string {
  const { archetype, random, progress } = input;
  const id = `t${plan.tasks.length + 1}`;
  const estimateMinutes = pick(ESTIMATES, random);
  const [start, end] = archetype.overrun;
  const overrun = (start + (end - start) * progress) * Math.exp(archetype.sigma * normal(random));
  plan.tasks.push({ id, estimateMinutes, addedOn: input.addedOn ?? null });
  plan.actual.set(id, Math.max(1, Math.round(estimateMinutes * overrun)));
  return id;
}

/** Works the plan through the calendar, one planned day at a time, until every task is done. */
function work(plan: Plan, input: { archetype: Archetype; calendar: PlannedDay[]; random: () => number }) {
  const { archetype, calendar, random } = input;
  const days: HistoryDay[] = [];
  const total = plan.tasks.length;
  let checkpoint = 0;
  let position = 0;
  let spent = 0;
  let finished = 0;
  for (const { date, minutes } of calendar) {
    if (checkpoint >= plan.queues.length) break;
    if (minutes <= 0) continue;
    if (random() < archetype.skipRate) {
      days.push({ date, verdict: 'skipped', done: [] });
      continue;
    }
    const day: HistoryDay = { date, verdict: 'showed_up', done: [] };
    let budget = minutes;
    while (budget > 0 && checkpoint < plan.queues.length) {
      const id = plan.queues[checkpoint]![position]!;
      const actual = plan.actual.get(id)!;
      const used = Math.min(budget, actual - spent);
      budget -= used;
      spent += used;
      if (spent < actual) break;
      day.done.push({ taskId: id, loggedMinutes: actual });
      finished += 1;
      spent = 0;
      position += 1;
      if (position >= plan.queues[checkpoint]!.length) [checkpoint, position] = [checkpoint + 1, 0];
    }
    days.push(day);
    if (checkpoint < plan.queues.length && random() < archetype.creepPerDay) {
      const progress = Math.min(1, finished / total);
      plan.queues[checkpoint]!.push(addTask(plan, { archetype, random, progress, addedOn: date }));
    }
  }
  return days;
}

/**
 * One builder's history for `archetype`.
 *
 * @example generateHistory(ARCHETYPES[0]!, 7).checkpoints.length // 3 to 6
 */
export function generateHistory(archetype: Archetype, seed: number): History {
  const random = seededRandom(seed);
  const offset = Math.floor(random() * 28);
  const calendar = Array.from({ length: HORIZON_DAYS }, (_, i) => ({
    date: addLocalDays(FIRST_MONDAY, offset + i),
    minutes: archetype.week[(offset + i) % 7]!,
  }));
  const plan = planOf(archetype, random);
  const estimateOf = new Map(plan.tasks.map((task) => [task.id, task.estimateMinutes]));
  let planned = 0;
  let due = '';
  const checkpoints: HistoryCheckpoint[] = plan.queues.map((queue, i) => {
    planned += queue.reduce((sum, id) => sum + estimateOf.get(id)!, 0);
    const date = dateCovering(calendar, planned * pick(BUFFERS, random));
    due = date > due ? date : due;
    return { id: `cp${i + 1}`, title: `Checkpoint ${i + 1}`, dueDate: due, taskIds: queue };
  });
  const days = work(plan, { archetype, calendar, random });
  return { name: `${archetype.name} #${seed}`, calendar, days, tasks: plan.tasks, checkpoints };
}

/** `count` histories per archetype, seeded from `seed`. */
export function generateHistories(
  seed: number,
  count: number,
): Array<{ archetype: Archetype; histories: History[] }> {
  return ARCHETYPES.map((archetype, a) => ({
    archetype,
    histories: Array.from({ length: count }, (_, i) => generateHistory(archetype, seed + a * 1000 + i)),
  }));
}
