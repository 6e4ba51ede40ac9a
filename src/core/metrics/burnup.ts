import { addLocalDays, localDaysBetween } from '../schedule/calendar.js';
import type { LocalDate } from '../schedule/schedule.model.js';
import type { PlanTask } from '../plans/plan.model.js';
import { estimateMidpoint } from '../plans/versions/estimates.js';

export interface BurnupVersion {
  number: number;
  /** The local date it was imported. */
  date: LocalDate;
  tasks: readonly PlanTask[];
  reason: string | null;
}

export interface BurnupPoint {
  date: LocalDate;
  scopeTasks: number;
  doneTasks: number;
  scopeMinutes: number;
  doneMinutes: number;
}

export interface ScopeChange {
  date: LocalDate;
  version: number;
  deltaTasks: number;
  deltaMinutes: number;
  reason: string | null;
}

/** Leaf, non-optional, not cancelled: the work a plan commits to. */
function scopeOf(tasks: readonly PlanTask[], defaultMinutes: number) {
  const parents = new Set(tasks.map((task) => task.parentId).filter((id) => id !== null));
  const counted = tasks.filter((t) => !t.optional && t.status !== 'cancelled' && !parents.has(t.id));
  return {
    tasks: counted,
    minutes: Math.round(
      counted.reduce((sum, t) => sum + estimateMidpoint(t.estimateMinutes, defaultMinutes), 0),
    ),
  };
}

/**
 * Scope against work done, one point per local day from the first version through `through`.
 * Scope on a day is the plan version in force that day; done is every task of it finished by then
 * (a task recorded done on a day, or already done when a version was imported), valued at its
 * estimate in that version.
 *
 * @example burnup({ versions, done: [{ taskId: 't1', date: '2026-05-02' }], through: '2026-05-03', defaultEstimateMinutes: 60 })
 */
export function burnup(input: {
  versions: readonly BurnupVersion[];
  done: readonly { taskId: string; date: LocalDate }[];
  through: LocalDate;
  defaultEstimateMinutes: number;
}): { points: BurnupPoint[]; scopeChanges: ScopeChange[] } {
  const versions = [...input.versions].sort((a, b) => a.number - b.number);
  const first = versions[0];
  if (!first) return { points: [], scopeChanges: [] };
  const scopes = versions.map((v) => ({ version: v, ...scopeOf(v.tasks, input.defaultEstimateMinutes) }));
  const doneOn = new Map<string, LocalDate>();
  for (const { taskId, date } of input.done) {
    const seen = doneOn.get(taskId);
    if (!seen || date < seen) doneOn.set(taskId, date);
  }
  for (const { version, tasks } of scopes)
    for (const task of tasks)
      if (task.status === 'done' && !doneOn.has(task.id)) doneOn.set(task.id, version.date);

  const points: BurnupPoint[] = [];
  const span = Math.max(0, localDaysBetween(first.date, input.through)) + 1;
  for (let i = 0; i < span; i++) {
    const date = addLocalDays(first.date, i);
    const scope = scopes.filter((s) => s.version.date <= date).at(-1) ?? scopes[0]!;
    let doneTasks = 0;
    let doneMinutes = 0;
    for (const task of scope.tasks) {
      const when = doneOn.get(task.id);
      if (when === undefined || when > date) continue;
      doneTasks += 1;
      doneMinutes += estimateMidpoint(task.estimateMinutes, input.defaultEstimateMinutes);
    }
    points.push({
      date,
      scopeTasks: scope.tasks.length,
      doneTasks,
      scopeMinutes: scope.minutes,
      doneMinutes: Math.round(doneMinutes),
    });
  }
  const scopeChanges = scopes.slice(1).map((s, i) => ({
    date: s.version.date,
    version: s.version.number,
    deltaTasks: s.tasks.length - scopes[i]!.tasks.length,
    deltaMinutes: s.minutes - scopes[i]!.minutes,
    reason: s.version.reason,
  }));
  return { points, scopeChanges };
}
