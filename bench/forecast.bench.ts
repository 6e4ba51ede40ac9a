/**
 * Forecast speed: 10,000 Monte Carlo trials over 500 open tasks and a year of planned evenings, both
 * methods, median of 11 runs. (The backtest of calibration against replayed histories comes with the
 * rest of the forecasting work.)
 *
 * Run with `npm run bench:forecast`.
 */
import { performance } from 'node:perf_hooks';
import { addLocalDays } from '../src/core/schedule/calendar.js';
import { typicalVelocities } from '../src/core/forecast/cold-start.js';
import { type ForecastMethod, simulate, summarize } from '../src/core/forecast/monte-carlo.js';
import { seededRandom } from '../src/core/forecast/random.js';

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
