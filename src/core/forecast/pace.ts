/**
 * A builder's pace, from what Recital recorded: how much estimated work a worked day finishes, how
 * estimates compare with the time tasks really took, how often planned days are skipped, and how
 * fast the plan grows. Skipped and paused days are kept apart from slow ones: a skipped day is the
 * skip rate's business, not a day of zero throughput, and a paused day is neither.
 */

export interface JudgedDay {
  date: string;
  verdict: 'showed_up' | 'skipped' | 'paused' | 'grace';
}

export interface FinishedTask {
  /** The local date it was marked done. */
  doneDate: string;
  estimateMinutes: number;
  /** Minutes checked in against the task, when the builder logged them. */
  loggedMinutes?: number | null;
  /** Start and finish instants (ms), when it was started from Today. */
  startedAtMs?: number | null;
  doneAtMs?: number | null;
}

export interface ScopeChange {
  /** Local date of the plan version. */
  date: string;
  /** Estimated minutes of open work the version added (negative when it removed more than it added). */
  addedMinutes: number;
  /**
   * Open work just before the change. Growth is measured against it, so that a plan which keeps
   * growing by the same amount as it drains is seen to grow faster, as it does for what is left.
   * Defaults to the open work when the history began.
   */
  openMinutesBefore?: number;
}

export interface Pace {
  /** Estimated minutes finished on each worked day, oldest first (zeros included: a slow day is data). */
  throughputs: number[];
  /** Estimate ÷ actual for each finished task whose actual time is known. */
  velocities: number[];
  /** Skipped ÷ (worked + skipped) planned days; paused and grace days count for neither. */
  skipRate: number;
  /** Added open work per judged day, as a share of the open work there was when it was added. */
  scopeGrowthPerDay: number;
  /** Judged planned days the pace is based on. */
  historyDays: number;
}

/** A start-to-finish span longer than this is not one sitting: the clock ran while nobody worked. */
const LONGEST_SITTING_MS = 6 * 60 * 60_000;

/** The time a task really took: what was logged against it, else one sitting from start to done. */
export function actualMinutes(task: FinishedTask): number | null {
  if (task.loggedMinutes && task.loggedMinutes > 0) return task.loggedMinutes;
  if (task.startedAtMs == null || task.doneAtMs == null) return null;
  const span = task.doneAtMs - task.startedAtMs;
  return span > 60_000 && span <= LONGEST_SITTING_MS ? span / 60_000 : null;
}

/**
 * @example
 * paceOf({ days, finished, scopeChanges: [], openMinutesAtStart: 1200 })
 * // { throughputs: [120, 0, 90], velocities: [1, 0.8], skipRate: 0.25, scopeGrowthPerDay: 0, historyDays: 4 }
 */
export function paceOf(input: {
  days: readonly JudgedDay[];
  finished: readonly FinishedTask[];
  scopeChanges: readonly ScopeChange[];
  /** Estimated open work when the judged history began, in minutes. */
  openMinutesAtStart: number;
}): Pace {
  const worked = input.days.filter((day) => day.verdict === 'showed_up').map((day) => day.date);
  const skipped = input.days.filter((day) => day.verdict === 'skipped').length;
  const doneByDate = new Map<string, number>();
  for (const task of input.finished)
    doneByDate.set(task.doneDate, (doneByDate.get(task.doneDate) ?? 0) + task.estimateMinutes);
  const velocities: number[] = [];
  for (const task of input.finished) {
    const actual = actualMinutes(task);
    if (actual !== null && task.estimateMinutes > 0) velocities.push(task.estimateMinutes / actual);
  }
  const historyDays = input.days.length;
  const first = input.days[0]?.date;
  let growth = 0;
  for (const change of input.scopeChanges) {
    if (first === undefined || change.date < first) continue;
    const base = change.openMinutesBefore ?? input.openMinutesAtStart;
    if (base > 0) growth += change.addedMinutes / base;
  }
  return {
    throughputs: [...worked].sort().map((date) => doneByDate.get(date) ?? 0),
    velocities,
    skipRate: worked.length + skipped === 0 ? 0 : skipped / (worked.length + skipped),
    scopeGrowthPerDay: historyDays === 0 ? 0 : Math.max(0, growth) / historyDays,
    historyDays,
  };
}
