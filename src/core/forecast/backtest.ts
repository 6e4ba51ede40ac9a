/**
 * Backtest: replay a builder's history day by day, forecast every open checkpoint from only what was
 * known that morning (the days strictly before it), and score the forecasts against what happened.
 *
 * - Cadence: a forecast is made on every `everyPlannedDays`-th planned day (1 by default: every
 *   planned day), from the first day of the history until the checkpoint is done, or until the record
 *   ends for one that never was. A forecast made on the day a checkpoint is done still counts: that
 *   morning the day's work was not known.
 * - Open work for a checkpoint is its own open tasks plus those of every checkpoint before it:
 *   earlier checkpoints come first. A task is open when it was in the plan before that day (added
 *   earlier, or there from the start) and was not done on an earlier day; a task in progress counts
 *   its whole estimate, as it does in the product.
 * - Each forecast is what the product would have shown: `forecastWork` on the pace from `paceOf`,
 *   the open work from `checkpointWork`, tasks without an estimate at the default and without a
 *   velocity. A day on which it says "too little to go on" is counted, not scored.
 * - Each forecast has its own random stream derived from the seed, the day and the checkpoint, so a
 *   forecast never depends on what comes after it, not even through the random numbers.
 *
 * Scores (see `scoreForecast` and `calibration`): whether the actual finish fell on or before the P85
 * date, the distance in calendar days from P50 to the actual finish, and the Brier score of the
 * chance given for meeting the due date. Every checkpoint weighs the same: its forecasts are averaged
 * first, then the checkpoints (forecasts about one checkpoint on nearby days are far from independent).
 */
import { DEFAULT_ESTIMATE_MINUTES } from '../plans/versions/plan-scope.js';
import { localDaysBetween } from '../schedule/calendar.js';
import { type CheckpointWork, type WorkTask, checkpointWork } from './checkpoint-work.js';
import { forecastWork } from './forecast.js';
import type { ForecastMethod, PlannedDay } from './monte-carlo.js';
import { type FinishedTask, type JudgedDay, type Pace, type ScopeChange, paceOf } from './pace.js';
import { seededRandom } from './random.js';

export interface HistoryTask {
  id: string;
  /** Null when the plan gives none: it counts the product's default and yields no velocity. */
  estimateMinutes: number | null;
  /** Local date it joined the plan; null when it was in the plan when the history began. */
  addedOn: string | null;
}

export interface HistoryDay {
  /** A planned day (minutes > 0 in the calendar). */
  date: string;
  verdict: JudgedDay['verdict'];
  /** Tasks marked done that day, with the minutes they really took when those were recorded. */
  done: Array<{ taskId: string; loggedMinutes: number | null }>;
}

export interface HistoryCheckpoint {
  id: string;
  title: string;
  dueDate: string;
  taskIds: string[];
}

/**
 * What a builder planned and what they did. A checkpoint's actual finish is the day its last task was
 * marked done; one not done when the record ends is beyond the horizon if the record runs to the end
 * of the calendar, else unknown (censored, and not scored).
 */
export interface History {
  name: string;
  /** Planned days from the first day of the history, far enough ahead to hold the forecasts. */
  calendar: PlannedDay[];
  /** Judged planned days, oldest first, from the first day of the history to the last recorded one. */
  days: HistoryDay[];
  tasks: HistoryTask[];
  /** In the order they come due. */
  checkpoints: HistoryCheckpoint[];
}

export interface BacktestOptions {
  /** Monte Carlo trials per forecast. */
  trials: number;
  seed: number;
  /** Forecast on every n-th planned day; 1 (the default) forecasts on every planned day. */
  everyPlannedDays?: number;
}

export interface ForecastScore {
  /** The actual finish fell on or before the P85 date. */
  hit: boolean;
  /** Calendar days between the P50 date and the actual finish. */
  errorDays: number;
  /** (chance given of meeting the due date − 1 if it was met, else 0)². */
  brier: number;
}

export interface BacktestForecast extends ForecastScore {
  /** The morning it was made: only earlier days were known. */
  date: string;
  p50: string | null;
  p85: string | null;
  probability: number;
  method: ForecastMethod;
  coldStart: boolean;
}

export interface CheckpointOutcome {
  checkpointId: string;
  title: string;
  dueDate: string;
  /** The day its last task was done; null when not done by the end of the record. */
  finishedOn: string | null;
  /** Not done when the record ends, before the calendar does: the truth is unknown, so not scored. */
  censored: boolean;
  forecasts: BacktestForecast[];
  /** Forecast days on which the forecast gave no number ("too little to go on"): not scored. */
  withoutNumber: number;
}

export interface BacktestResult {
  history: string;
  checkpoints: CheckpointOutcome[];
}

/** What really happened to a checkpoint, as `scoreForecast` needs it. */
export interface Actual {
  finishedOn: string | null;
  dueDate: string;
  /** The last planned date a forecast could name: a missing date stands for the day after it. */
  horizonEnd: string;
}

/**
 * A null P85 ("not within the calendar") holds only if the work was not done within it either. For
 * the P50 error a missing date, forecast or actual, stands for the day after the horizon.
 *
 * @example scoreForecast({ p50: '2026-03-10', p85: '2026-03-12', probability: 0.7 },
 *   { finishedOn: '2026-03-11', dueDate: '2026-03-12', horizonEnd: '2027-03-01' })
 * // { hit: true, errorDays: 1, brier: 0.09 }
 */
export function scoreForecast(
  forecast: { p50: string | null; p85: string | null; probability: number },
  actual: Actual,
): ForecastScore {
  const { finishedOn, dueDate, horizonEnd } = actual;
  const dayOf = (date: string | null) => (date === null ? 1 : localDaysBetween(horizonEnd, date));
  const hit = forecast.p85 === null ? finishedOn === null : finishedOn !== null && finishedOn <= forecast.p85;
  const met = finishedOn !== null && finishedOn <= dueDate ? 1 : 0;
  return {
    hit,
    errorDays: Math.abs(dayOf(forecast.p50) - dayOf(finishedOn)),
    brier: (forecast.probability - met) ** 2,
  };
}

/** A repeatable random stream per forecast, from the seed, the day and the checkpoint. */
function streamFor(seed: number, dayIndex: number, checkpoint: number): () => number {
  return seededRandom(seed ^ Math.imul(dayIndex + 1, 0x9e3779b1) ^ Math.imul(checkpoint + 1, 0x85ebca6b));
}

interface Replay {
  byId: Map<string, HistoryTask>;
  doneOn: Map<string, string>;
  openAtStart: number;
}

const minutesOf = (task: HistoryTask | undefined) => task?.estimateMinutes ?? DEFAULT_ESTIMATE_MINUTES;

function replayOf(history: History): Replay {
  const byId = new Map(history.tasks.map((task) => [task.id, task]));
  const doneOn = new Map<string, string>();
  for (const day of history.days) for (const task of day.done) doneOn.set(task.taskId, day.date);
  for (const checkpoint of history.checkpoints)
    for (const id of checkpoint.taskIds)
      if (!byId.has(id)) throw new Error(`${history.name}: checkpoint ${checkpoint.id} has no task ${id}`);
  const openAtStart = history.tasks
    .filter((task) => task.addedOn === null)
    .reduce((sum, task) => sum + minutesOf(task), 0);
  return { byId, doneOn, openAtStart };
}

/**
 * The pace as it could be known on the morning of `date`: from the days strictly before it. As in
 * the product, a task without an estimate counts the default and gives no velocity.
 */
function paceBefore(history: History, replay: Replay, date: string): Pace {
  const days = history.days.filter((day) => day.date < date);
  const finished: FinishedTask[] = days.flatMap((day) =>
    day.done.map(({ taskId, loggedMinutes }) => {
      const task = replay.byId.get(taskId);
      return task?.estimateMinutes == null
        ? { doneDate: day.date, estimateMinutes: DEFAULT_ESTIMATE_MINUTES }
        : { doneDate: day.date, estimateMinutes: task.estimateMinutes, loggedMinutes };
    }),
  );
  // Open work on the morning a task was added: in the plan before that day, not done before it.
  const openOn = (day: string) =>
    history.tasks
      .filter((task) => task.addedOn === null || task.addedOn < day)
      .filter((task) => !((replay.doneOn.get(task.id) ?? '9999') < day))
      .reduce((sum, task) => sum + minutesOf(task), 0);
  const scopeChanges: ScopeChange[] = history.tasks.flatMap((task) =>
    task.addedOn !== null && task.addedOn < date
      ? [{ date: task.addedOn, addedMinutes: minutesOf(task), openMinutesBefore: openOn(task.addedOn) }]
      : [],
  );
  return paceOf({ days, finished, scopeChanges, openMinutesAtStart: replay.openAtStart });
}

function finishOf(checkpoint: HistoryCheckpoint, replay: Replay): string | null {
  let last = '';
  for (const id of checkpoint.taskIds) {
    const done = replay.doneOn.get(id);
    if (done === undefined) return null;
    if (done > last) last = done;
  }
  return last === '' ? null : last;
}

/**
 * Each checkpoint's open work on the morning of `date`, cumulative, computed as the product does:
 * tasks in the plan before that day, open unless done on an earlier day.
 */
function openWork(history: History, replay: Replay, date: string): CheckpointWork[] {
  const tasks: WorkTask[] = history.tasks
    .filter((task) => task.addedOn === null || task.addedOn < date)
    .map((task) => {
      const done = replay.doneOn.get(task.id);
      return {
        id: task.id,
        parentId: null,
        status: done !== undefined && done < date ? 'done' : 'todo',
        optional: false,
        estimateMinutes: task.estimateMinutes,
        dependsOn: [],
      };
    });
  return checkpointWork({
    tasks,
    checkpoints: history.checkpoints,
    defaultEstimateMinutes: DEFAULT_ESTIMATE_MINUTES,
  });
}

interface Morning {
  pace: Pace;
  work: CheckpointWork | undefined;
  calendar: readonly PlannedDay[];
  date: string;
  horizonEnd: string;
  trials: number;
  random: () => number;
}

/** One checkpoint's forecast on one morning, scored against what happened; null for "too little to go on". */
function forecastOn(outcome: CheckpointOutcome, morning: Morning): BacktestForecast | null {
  const forecast = forecastWork(morning.pace, {
    estimates: morning.work?.estimates ?? [],
    unestimated: morning.work?.unestimated ?? 0,
    calendar: morning.calendar,
    dueDate: outcome.dueDate,
    trials: morning.trials,
    random: morning.random,
  });
  if (forecast.kind !== 'forecast') return null;
  const { p50, p85, probability } = forecast.summary;
  const actual = { finishedOn: outcome.finishedOn, dueDate: outcome.dueDate, horizonEnd: morning.horizonEnd };
  return {
    date: morning.date,
    p50,
    p85,
    probability,
    method: forecast.basis.method,
    coldStart: forecast.basis.coldStart,
    ...scoreForecast({ p50, p85, probability }, actual),
  };
}

/**
 * Replays `history` and forecasts each open checkpoint on each forecast day.
 *
 * @example backtest(history, { trials: 2000, seed: 1 }).checkpoints[0]?.forecasts // one a planned day until it was done
 */
export function backtest(history: History, options: BacktestOptions): BacktestResult {
  const every = Math.max(1, Math.floor(options.everyPlannedDays ?? 1));
  const replay = replayOf(history);
  const recordEnd = history.days.at(-1)?.date ?? '';
  const horizonEnd = history.calendar.at(-1)?.date ?? recordEnd;
  const outcomes: CheckpointOutcome[] = history.checkpoints.map((checkpoint) => {
    const finishedOn = finishOf(checkpoint, replay);
    const censored = finishedOn === null && recordEnd < horizonEnd;
    const { id: checkpointId, title, dueDate } = checkpoint;
    return { checkpointId, title, dueDate, finishedOn, censored, forecasts: [], withoutNumber: 0 };
  });
  let planned = 0;
  for (let index = 0; index < history.calendar.length; index++) {
    const { date, minutes } = history.calendar[index]!;
    if (date > recordEnd) break;
    if (minutes <= 0 || planned++ % every !== 0) continue;
    const pace = paceBefore(history, replay, date);
    const work = openWork(history, replay, date);
    const calendar = history.calendar.slice(index);
    outcomes.forEach((outcome, k) => {
      if (outcome.finishedOn !== null && outcome.finishedOn < date) return;
      const random = streamFor(options.seed, index, k);
      const morning = { pace, work: work[k], calendar, date, horizonEnd, trials: options.trials, random };
      const forecast = forecastOn(outcome, morning);
      if (forecast === null) outcome.withoutNumber += 1;
      else outcome.forecasts.push(forecast);
    });
  }
  return { history: history.name, checkpoints: outcomes };
}

export interface Scores {
  p85HitRate: number;
  p50MaeDays: number;
  brier: number;
}

export interface BacktestCalibration extends Scores {
  /** Scored checkpoints: not censored, with at least one forecast. */
  checkpoints: number;
  forecasts: number;
  /** Checkpoints left out because their finish is unknown. */
  censored: number;
  /** The same scores with every forecast weighed equally. */
  pooled: Scores;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function scoresOf(forecasts: readonly ForecastScore[]): Scores {
  return {
    p85HitRate: mean(forecasts.map((forecast) => (forecast.hit ? 1 : 0))),
    p50MaeDays: mean(forecasts.map((forecast) => forecast.errorDays)),
    brier: mean(forecasts.map((forecast) => forecast.brier)),
  };
}

/**
 * Calibration over checkpoints, each weighing the same; null when nothing could be scored.
 *
 * @example calibration(results.flatMap((result) => result.checkpoints))?.p85HitRate // 0.86
 */
export function calibration(outcomes: readonly CheckpointOutcome[]): BacktestCalibration | null {
  const scored = outcomes.filter((outcome) => !outcome.censored && outcome.forecasts.length > 0);
  if (scored.length === 0) return null;
  const perCheckpoint = scored.map((outcome) => scoresOf(outcome.forecasts));
  const forecasts = scored.flatMap((outcome) => outcome.forecasts);
  return {
    p85HitRate: mean(perCheckpoint.map((scores) => scores.p85HitRate)),
    p50MaeDays: mean(perCheckpoint.map((scores) => scores.p50MaeDays)),
    brier: mean(perCheckpoint.map((scores) => scores.brier)),
    checkpoints: scored.length,
    forecasts: forecasts.length,
    censored: outcomes.filter((outcome) => outcome.censored).length,
    pooled: scoresOf(forecasts),
  };
}
