/**
 * Sprint compiler benchmark: 2,000 tasks with dependencies, 10 checkpoints, a builder with a day
 * job in Europe/Berlin. Run with `npx tsx bench/schedule.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { blankTask, type EstimateMinutes, type PlanTask } from '../src/core/plans/plan.model.js';
import { compileSchedule } from '../src/core/schedule/compile-schedule.js';
import type { ScheduleInput } from '../src/core/schedule/schedule.model.js';

const TASKS = 2000;
const CHECKPOINTS = 10;
const WARMUP = 10;
const RUNS = 30;

/** mulberry32: a small seeded PRNG, so every run benches the same plan. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatePlan(seed: number): ScheduleInput {
  const random = seededRandom(seed);
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const tasks: PlanTask[] = [];
  for (let i = 0; i < TASKS; i++) {
    const dependsOn = new Set<string>();
    // Mostly recent work, sometimes something far back: chains with cross-links, like a real plan.
    for (let d = between(0, 3); d > 0 && i > 0; d--) {
      const back = random() < 0.8 ? between(1, Math.min(i, 20)) : between(1, i);
      dependsOn.add(`T${i - back}`);
    }
    const low = between(15, 240);
    const estimateMinutes: EstimateMinutes | null =
      random() < 0.1 ? null : random() < 0.2 ? { min: low, max: Math.min(240, low + 60) } : low;
    tasks.push(
      blankTask({
        id: `T${i}`,
        title: `Task ${i}`,
        source: { line: i + 1 },
        dependsOn: [...dependsOn],
        estimateMinutes,
        priority: random() < 0.2 ? 'high' : random() < 0.2 ? 'low' : null,
        optional: random() < 0.05,
        status: random() < 0.05 ? 'done' : 'todo',
      }),
    );
  }
  const checkpoints = Array.from({ length: CHECKPOINTS }, (_, c) => {
    const from = Math.floor((c * TASKS) / CHECKPOINTS);
    const to = Math.floor(((c + 1) * TASKS) / CHECKPOINTS);
    const taskIds = Array.from({ length: 5 }, () => `T${between(from, to - 1)}`);
    return { id: `C${c + 1}`, taskIds };
  });
  return {
    tasks,
    checkpoints,
    timeline: { launchDate: '2027-03-01' },
    availability: {
      timeZone: 'Europe/Berlin',
      minutesPerWeekday: { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 360, sun: 0 },
      daysOff: ['2026-05-01', '2026-12-24', '2026-12-25', '2026-12-26'],
      startDate: '2026-03-02',
    },
    calibrationFactor: 1.3,
    includeOptional: true,
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

const input = generatePlan(20260302);
const first = compileSchedule(input);
for (let i = 1; i < WARMUP; i++) compileSchedule(input);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  compileSchedule(input);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const ms = (value: number): string => value.toFixed(2);
const median = percentile(times, 0.5);

console.log(
  `plan: ${TASKS} tasks, ${CHECKPOINTS} checkpoints; scheduled days ${first.days.length}, ` +
    `unscheduled ${first.unscheduled.length}, warnings ${first.warnings.length}, ` +
    `infeasible checkpoints ${first.checkpoints.filter((c) => c.feasible === false).length}`,
);
console.table({ median: ms(median), p90: ms(percentile(times, 0.9)), min: ms(times[0] ?? Number.NaN) });
console.log(`schedule ${TASKS} tasks: ${ms(median)} ms (median of ${RUNS} runs)`);
