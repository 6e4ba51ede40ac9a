import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../schedule/calendar.js';
import {
  type BacktestForecast,
  type CheckpointOutcome,
  type History,
  type HistoryDay,
  backtest,
  calibration,
  scoreForecast,
} from './backtest.js';
import { seededRandom } from './random.js';

/** Weekday evenings of 120 minutes from Monday 2 March 2026, for two years. */
const calendar = Array.from({ length: 730 }, (_, i) => ({
  date: addLocalDays('2026-03-02', i),
  minutes: i % 7 < 5 ? 120 : 0,
}));

/**
 * A builder who behaves exactly as the model assumes: each task takes its estimate ÷ a velocity drawn
 * independently from `velocities`, each planned day is skipped at `skipRate`, else all of it is worked.
 * `slowdown` multiplies the time of every task after the first checkpoint (a change the past cannot show).
 */
function builder(input: {
  seed: number;
  velocities: readonly number[];
  skipRate: number;
  checkpoints: number;
  tasksPerCheckpoint: number;
  estimates: readonly number[];
  slowdown?: number;
  dueDates?: (finished: string[]) => string[];
}): History {
  const random = seededRandom(input.seed);
  const draw = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const tasks = Array.from({ length: input.checkpoints * input.tasksPerCheckpoint }, (_, i) => {
    const estimateMinutes = draw(input.estimates);
    const slower = i >= input.tasksPerCheckpoint ? (input.slowdown ?? 1) : 1;
    return {
      id: `t${i}`,
      estimateMinutes,
      addedOn: null,
      actual: (estimateMinutes / draw(input.velocities)) * slower,
    };
  });
  const days: HistoryDay[] = [];
  let next = 0;
  let spent = 0;
  for (const { date, minutes } of calendar) {
    if (next >= tasks.length) break;
    if (minutes === 0) continue;
    if (random() < input.skipRate) {
      days.push({ date, verdict: 'skipped', done: [] });
      continue;
    }
    const day: HistoryDay = { date, verdict: 'showed_up', done: [] };
    spent += minutes;
    while (next < tasks.length && spent >= tasks[next]!.actual - 1e-9) {
      spent -= tasks[next]!.actual;
      day.done.push({ taskId: tasks[next]!.id, loggedMinutes: tasks[next]!.actual });
      next += 1;
    }
    if (next >= tasks.length) spent = 0;
    days.push(day);
  }
  const doneOn = new Map(days.flatMap((day) => day.done.map((task) => [task.taskId, day.date] as const)));
  const ids = Array.from({ length: input.checkpoints }, (_, c) =>
    tasks.slice(c * input.tasksPerCheckpoint, (c + 1) * input.tasksPerCheckpoint).map((task) => task.id),
  );
  const finished = ids.map((group) => doneOn.get(group.at(-1)!)!);
  const dueDates =
    input.dueDates?.(finished) ?? finished.map((date, c) => addLocalDays(date, c % 2 === 0 ? -3 : 3));
  return {
    name: `builder ${input.seed}`,
    calendar,
    days,
    tasks: tasks.map(({ id, estimateMinutes, addedOn }) => ({ id, estimateMinutes, addedOn })),
    checkpoints: ids.map((taskIds, c) => ({
      id: `cp${c}`,
      title: `Checkpoint ${c}`,
      dueDate: dueDates[c]!,
      taskIds,
    })),
  };
}

const exact = {
  velocities: [1],
  skipRate: 0,
  estimates: [60],
  checkpoints: 4,
  tasksPerCheckpoint: 20,
};
const modelled = {
  velocities: [0.5, 0.8, 1, 1.25, 1.6],
  skipRate: 0.15,
  estimates: [30, 60, 90, 120, 180],
  checkpoints: 4,
  tasksPerCheckpoint: 10,
};

const warmOnly = (outcomes: CheckpointOutcome[]): CheckpointOutcome[] =>
  outcomes.map((outcome) => ({
    ...outcome,
    forecasts: outcome.forecasts.filter((forecast) => !forecast.coldStart),
  }));

const summaryOf = (forecast: BacktestForecast) => [
  forecast.date,
  forecast.p50,
  forecast.p85,
  forecast.probability,
];

function calibrationOver(histories: History[]) {
  const outcomes = histories.flatMap(
    (history) => backtest(history, { trials: 500, seed: 11, everyPlannedDays: 2 }).checkpoints,
  );
  return calibration(outcomes)!;
}

describe('scoreForecast', () => {
  const actual = { finishedOn: '2026-03-12', dueDate: '2026-03-11', horizonEnd: '2026-12-31' };

  it('scores a dated forecast: P85 held, P50 off by days, Brier against the due date', () => {
    expect(scoreForecast({ p50: '2026-03-10', p85: '2026-03-12', probability: 0.3 }, actual)).toEqual({
      hit: true,
      errorDays: 2,
      brier: 0.09,
    });
    expect(scoreForecast({ p50: '2026-03-14', p85: '2026-03-11', probability: 1 }, actual)).toMatchObject({
      hit: false,
      errorDays: 2,
      brier: 1,
    });
  });

  it('lets a forecast with no date hold only when the work was not done within the calendar either', () => {
    const none = { p50: null, p85: null, probability: 0 };
    expect(scoreForecast(none, actual)).toMatchObject({ hit: false, errorDays: 295 });
    expect(scoreForecast(none, { ...actual, finishedOn: null })).toEqual({
      hit: true,
      errorDays: 0,
      brier: 0,
    });
    expect(
      scoreForecast(
        { p50: '2026-12-31', p85: '2026-12-31', probability: 0 },
        { ...actual, finishedOn: null },
      ),
    ).toMatchObject({ hit: false, errorDays: 1 });
  });
});

describe('backtest', () => {
  it('is the same for the same seed and differs for another', () => {
    const history = builder({ seed: 3, ...modelled });
    const run = (seed: number) => backtest(history, { trials: 300, seed });
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('forecasts only from what was known that morning: rewriting that day and after changes no forecast made by then', () => {
    const history = builder({ seed: 4, ...modelled });
    const cut = history.days[Math.floor(history.days.length / 2)]!.date;
    const rewritten: History = {
      ...history,
      days: history.days.map((day) =>
        day.date < cut
          ? day
          : {
              ...day,
              verdict: day.done.length === 0 ? 'skipped' : day.verdict,
              done: day.done.map((task) => ({ ...task, loggedMinutes: (task.loggedMinutes ?? 0) * 5 })),
            },
      ),
    };
    const forecasts = (subject: History, made: (date: string) => boolean) =>
      backtest(subject, { trials: 300, seed: 1 }).checkpoints.map((outcome) =>
        outcome.forecasts.filter((forecast) => made(forecast.date)).map(summaryOf),
      );
    const byCut = (date: string) => date <= cut;
    expect(forecasts(rewritten, byCut)).toEqual(forecasts(history, byCut));
    expect(forecasts(history, byCut).flat().length).toBeGreaterThan(20);
    const later = (date: string) => date > cut;
    expect(forecasts(rewritten, later)).not.toEqual(forecasts(history, later));
  });

  it('counts work added to the plan from the day after it was added', () => {
    const history = builder({ seed: 1, ...exact });
    const added = history.days[10]!.date;
    const last = history.checkpoints.at(-1)!;
    const grown: History = {
      ...history,
      tasks: [...history.tasks, { id: 'extra', estimateMinutes: 600, addedOn: added }],
      checkpoints: [...history.checkpoints.slice(0, -1), { ...last, taskIds: [...last.taskIds, 'extra'] }],
    };
    const lastForecasts = (subject: History) =>
      backtest(subject, { trials: 200, seed: 1 }).checkpoints.at(-1)!.forecasts.map(summaryOf);
    const [before, after] = [lastForecasts(history), lastForecasts(grown)];
    const day = (forecasts: typeof before, date: string) =>
      forecasts.find((forecast) => forecast[0] === date);
    const next = history.days[11]!.date;
    expect(day(after, added)).toEqual(day(before, added));
    expect(day(after, next)![1]! > day(before, next)![1]!).toBe(true);
  });

  it('does not score a checkpoint that was not done when the record ends', () => {
    const history = builder({ seed: 4, ...modelled });
    const cut = history.days[Math.floor(history.days.length / 2)]!.date;
    const outcomes = backtest(
      { ...history, days: history.days.filter((day) => day.date <= cut) },
      {
        trials: 300,
        seed: 1,
      },
    ).checkpoints;
    const censored = outcomes.filter((outcome) => outcome.censored);
    expect(censored.length).toBeGreaterThan(0);
    expect(censored.every((outcome) => outcome.finishedOn === null && outcome.forecasts.length > 0)).toBe(
      true,
    );
    expect(calibration(outcomes)).toMatchObject({
      checkpoints: outcomes.length - censored.length,
      censored: censored.length,
    });
  });

  it('forecasts a builder with velocity exactly 1 and no skips to the day once it knows their pace', () => {
    const outcomes = backtest(builder({ seed: 1, ...exact }), { trials: 200, seed: 1 }).checkpoints;
    const warm = calibration(warmOnly(outcomes))!;
    expect(warm.forecasts).toBeGreaterThan(30);
    expect(warm).toMatchObject({ p85HitRate: 1, p50MaeDays: 0, checkpoints: 4 });
    // Before that, typical estimation error (a median overrun of 1.3) makes it late, never early.
    const cold = outcomes.flatMap((outcome) =>
      outcome.forecasts
        .filter((forecast) => forecast.coldStart)
        .map((forecast) => [forecast.p50!, outcome.finishedOn!]),
    );
    expect(cold.length).toBeGreaterThan(10);
    expect(cold.every(([p50, finished]) => p50! > finished!)).toBe(true);
  });

  it('gives a Brier score of zero once the outcome is certain, met or missed', () => {
    const history = builder({
      seed: 2,
      ...exact,
      dueDates: (finished) => finished.map((date, c) => (c % 2 === 0 ? date : addLocalDays(date, -1))),
    });
    const outcomes = warmOnly(backtest(history, { trials: 200, seed: 1 }).checkpoints);
    expect(calibration(outcomes)!.brier).toBeCloseTo(0, 6);
    const probabilities = outcomes.map(
      (outcome) => new Set(outcome.forecasts.map((forecast) => forecast.probability)),
    );
    expect(probabilities.map((set) => [...set])).toEqual([[1], [0], [1], [0]]);
  });

  it('holds its P85 about 85% of the time for builders who behave as the model assumes', () => {
    const histories = Array.from({ length: 30 }, (_, i) => builder({ seed: 100 + i, ...modelled }));
    const result = calibrationOver(histories);
    expect(result.checkpoints).toBe(120);
    expect(result.p85HitRate).toBeGreaterThan(0.7);
    expect(result.p85HitRate).toBeLessThan(0.97);
    expect(result.brier).toBeLessThan(0.2);
  });

  it('misses far more often when the builder slows down in a way their history cannot show', () => {
    const histories = Array.from({ length: 30 }, (_, i) =>
      builder({ seed: 100 + i, ...modelled, slowdown: 2 }),
    );
    expect(calibrationOver(histories).p85HitRate).toBeLessThan(0.6);
  });

  it('treats a plan without estimates as the product does: no number at first, then daily throughput', () => {
    const history = builder({ seed: 1, ...exact });
    const unestimated = {
      ...history,
      tasks: history.tasks.map((task) => ({ ...task, estimateMinutes: null })),
    };
    const outcomes = backtest(unestimated, { trials: 200, seed: 1 }).checkpoints;
    // Five worked days before there is a throughput to sample; the checkpoints open then had no number.
    expect(outcomes.map((outcome) => outcome.withoutNumber)).toEqual([5, 5, 5, 5]);
    const forecasts = outcomes.flatMap((outcome) => outcome.forecasts);
    expect(forecasts.length).toBeGreaterThan(50);
    expect(forecasts.every((forecast) => forecast.method === 'throughput')).toBe(true);
    // The default 60 minutes a task, two tasks done each day: throughput sampling sees it exactly.
    expect(calibration(outcomes)).toMatchObject({ p85HitRate: 1, p50MaeDays: 0 });
  });

  it('refuses a checkpoint that names a task the history does not have', () => {
    const history = builder({ seed: 1, ...exact });
    const broken = { ...history, checkpoints: [{ ...history.checkpoints[0]!, taskIds: ['nope'] }] };
    expect(() => backtest(broken, { trials: 10, seed: 1 })).toThrow(/has no task nope/);
  });
});
