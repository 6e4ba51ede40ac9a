/**
 * Forecast speed, then calibration.
 *
 * Speed: 10,000 Monte Carlo trials over 500 open tasks and a year of planned evenings, both methods,
 * median of 11 runs.
 *
 * Calibration: a backtest (src/core/forecast/backtest.ts) replays histories day by day, forecasting
 * each open checkpoint on every planned day from only the days before it (2,000 trials a forecast),
 * over generated builders with known behaviour (bench/forecast/generate.ts) and the real plan
 * fixtures' dated status changes (bench/forecast/fixtures.ts). Scores are averaged per checkpoint,
 * then over checkpoints; the last line sums everything up.
 *
 * Run with `npm run bench:forecast`.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  type BacktestResult,
  type CheckpointOutcome,
  backtest,
  calibration,
} from '../src/core/forecast/backtest.js';
import { DEFAULT_ESTIMATE_MINUTES } from '../src/core/plans/versions/plan-scope.js';
import { addLocalDays } from '../src/core/schedule/calendar.js';
import { typicalVelocities } from '../src/core/forecast/cold-start.js';
import { forecastCheckpoints, forecastWork } from '../src/core/forecast/forecast.js';
import { type ForecastMethod, simulate, summarize } from '../src/core/forecast/monte-carlo.js';
import { seededRandom } from '../src/core/forecast/random.js';
import { FIXTURE_MINUTES_PER_DAY, fixtureHistories } from './forecast/fixtures.js';
import { generateHistories } from './forecast/generate.js';

const TRIALS = 10_000;
const TASKS = 500;
const RUNS = 11;

const random = seededRandom(2026);
const estimates = Array.from({ length: TASKS }, () => 15 + Math.floor(random() * 105));
const calendar = Array.from({ length: 1095 }, (_, i) => ({
  date: addLocalDays('2026-03-02', i),
  minutes: i % 7 < 5 ? 150 : i % 7 === 5 ? 300 : 0,
}));
const velocities = [...typicalVelocities(), 1.1, 0.9, 0.7];
const throughputs = Array.from({ length: 60 }, () => 60 + Math.floor(random() * 180));

function time(method: ForecastMethod): { ms: number; p85: string | null } {
  const times: number[] = [];
  let p85: string | null = null;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const simulation = simulate({
      estimates,
      calendar,
      method,
      velocities,
      throughputs,
      skipRate: 0.15,
      scopeGrowthPerDay: 0.001,
      trials: TRIALS,
      random: seededRandom(run),
    });
    p85 = summarize(simulation, calendar, '2026-12-31').p85;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)] ?? 0, p85 };
}

const ebs = time('ebs');
const throughput = time('throughput');
console.log(`ebs:        P85 ${ebs.p85}, ${ebs.ms.toFixed(1)} ms`);
console.log(`throughput: P85 ${throughput.p85}, ${throughput.ms.toFixed(1)} ms`);
console.log(`forecast ${TRIALS} trials x ${TASKS} tasks: ${Math.max(ebs.ms, throughput.ms).toFixed(1)} ms`);

// A project's forecast: six checkpoints over the same 500 tasks, all in one simulation per method,
// against the same six forecast one by one (the baseline, measured in the same run).
const pace = { throughputs, velocities, skipRate: 0.15, scopeGrowthPerDay: 0.001, historyDays: 60 };
const checkpoints = [1, 2, 3, 4, 5, 6].map((k) => ({
  estimates: estimates.slice(0, Math.round((TASKS * k) / 6)),
  dueDate: addLocalDays('2026-03-02', 60 * k),
}));
function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2] ?? 0;
}
const together = median(() =>
  forecastCheckpoints(pace, { checkpoints, calendar, trials: TRIALS, random: seededRandom(1) }),
);
const oneByOne = median(() =>
  checkpoints.forEach((c) => forecastWork(pace, { ...c, calendar, trials: TRIALS, random: seededRandom(1) })),
);
console.log(
  `project of 6 checkpoints over ${TASKS} tasks: ${together.toFixed(1)} ms together vs ${oneByOne.toFixed(1)} ms one by one (${(oneByOne / together).toFixed(1)}x)`,
);

const BACKTEST_TRIALS = 2000;
const HISTORIES_PER_ARCHETYPE = 10;
const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/plans', import.meta.url));

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** "48 checkpoints, 1,234 forecasts: P85 hit 85.2%, P50 MAE 3.1 days, Brier 0.120". */
function describe(outcomes: readonly CheckpointOutcome[]): string {
  const scores = calibration(outcomes);
  if (scores === null) return 'nothing to score';
  const undated = outcomes
    .flatMap((outcome) => outcome.forecasts)
    .filter((forecast) => forecast.p50 === null);
  const censored =
    scores.censored > 0 ? ` (+${scores.censored} not done when the record ends, unscored)` : '';
  const noNumber = outcomes.reduce((sum, outcome) => sum + outcome.withoutNumber, 0);
  const notes = [
    ...(undated.length > 0 ? [`${undated.length} with no date within the calendar`] : []),
    ...(noNumber > 0 ? [`${noNumber} more said "too little to go on", unscored`] : []),
  ];
  const noDate = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return (
    `${scores.checkpoints} checkpoints${censored}, ${scores.forecasts.toLocaleString('en-US')} forecasts${noDate}: ` +
    `P85 hit ${percent(scores.p85HitRate)}, P50 MAE ${scores.p50MaeDays.toFixed(1)} days, Brier ${scores.brier.toFixed(3)}`
  );
}

const replay = (history: Parameters<typeof backtest>[0]): BacktestResult =>
  backtest(history, { trials: BACKTEST_TRIALS, seed: 2026 });

const started = performance.now();
const everything: CheckpointOutcome[] = [];
console.log(
  `\nBacktest: a forecast on every planned day from only the days before it, ${BACKTEST_TRIALS.toLocaleString('en-US')} trials each; scores averaged over each checkpoint's forecasts, then over checkpoints.`,
);
console.log(`Generated builders, ${HISTORIES_PER_ARCHETYPE} histories each:`);
for (const { archetype, histories } of generateHistories(2026, HISTORIES_PER_ARCHETYPE)) {
  const outcomes = histories.flatMap((history) => replay(history).checkpoints);
  everything.push(...outcomes);
  console.log(`  ${archetype.name.padEnd(36)} ${describe(outcomes)}`);
}
console.log(
  `Plan fixtures (assumed: every day ${FIXTURE_MINUTES_PER_DAY} planned minutes, all worked; a task took the planned time since the previous recorded completion; one without an estimate counts ${DEFAULT_ESTIMATE_MINUTES} minutes and gives no velocity, as in the product):`,
);
for (const fixture of fixtureHistories(FIXTURES)) {
  if (fixture.history === null) {
    console.log(`  ${fixture.file}: ${fixture.note}`);
    continue;
  }
  const outcomes = replay(fixture.history).checkpoints;
  everything.push(...outcomes);
  console.log(`  ${fixture.file}: ${fixture.note}; ${describe(outcomes)}`);
}
console.log(`All: ${describe(everything)}`);
console.log(`(backtest: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
const total = calibration(everything);
console.log(
  total === null
    ? 'P85 hit rate: n/a over 0 checkpoints; P50 MAE: n/a days; Brier: n/a'
    : `P85 hit rate: ${(total.p85HitRate * 100).toFixed(1)}% over ${total.checkpoints} checkpoints; P50 MAE: ${total.p50MaeDays.toFixed(1)} days; Brier: ${total.brier.toFixed(3)}`,
);
