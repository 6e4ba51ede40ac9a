import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../schedule/calendar.js';
import { typicalVelocities } from './cold-start.js';
import { type ForecastInput, type PlannedDay, simulate, summarize } from './monte-carlo.js';
import { seededRandom } from './random.js';

/** Weekday evenings of 120 minutes from Monday 2 March 2026, for `days` days. */
function evenings(days: number): PlannedDay[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addLocalDays('2026-03-02', i);
    const weekday = i % 7;
    return { date, minutes: weekday < 5 ? 120 : 0 };
  });
}

function input(overrides: Partial<ForecastInput> = {}): ForecastInput {
  return {
    estimates: Array.from({ length: 10 }, () => 120),
    calendar: evenings(120),
    method: 'ebs',
    velocities: [1],
    throughputs: [120],
    skipRate: 0,
    scopeGrowthPerDay: 0,
    trials: 1000,
    random: seededRandom(1),
    ...overrides,
  };
}

describe('simulate and summarize', () => {
  it('with perfect estimates and no skips, finishes exactly when the hours run out', () => {
    const calendar = evenings(120);
    const result = summarize(simulate(input({ calendar })), calendar, '2026-03-13');
    // Ten evenings of two hours: Friday 13 March, in every trial.
    expect(result).toEqual({
      p50: '2026-03-13',
      p85: '2026-03-13',
      p95: '2026-03-13',
      probability: 1,
      trials: 1000,
    });
    expect(summarize(simulate(input({ calendar })), calendar, '2026-03-12').probability).toBe(0);
  });

  it('moves later with slower velocity, skipped days and scope growth, and spreads out', () => {
    const calendar = evenings(365);
    const base = summarize(simulate(input({ calendar, velocities: [1, 0.8, 0.5] })), calendar, '2026-03-13');
    const skips = summarize(
      simulate(input({ calendar, velocities: [1, 0.8, 0.5], skipRate: 0.3 })),
      calendar,
      '2026-03-13',
    );
    const growth = summarize(
      simulate(input({ calendar, velocities: [1, 0.8, 0.5], scopeGrowthPerDay: 0.02 })),
      calendar,
      '2026-03-13',
    );
    for (const later of [skips, growth]) expect(later.p50! > base.p50!).toBe(true);
    expect(base.p50! <= base.p85! && base.p85! <= base.p95!).toBe(true);
    expect(base.probability).toBeLessThan(0.2);
  });

  it('is the same for the same seed and differs for another', () => {
    const calendar = evenings(200);
    const run = (seed: number) =>
      simulate(input({ calendar, velocities: [1.2, 1, 0.7, 0.4], skipRate: 0.2, random: seededRandom(seed) }))
        .finishDays;
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('samples daily throughput in the throughput variant', () => {
    const calendar = evenings(60);
    const result = summarize(
      simulate(input({ calendar, method: 'throughput', throughputs: [60] })),
      calendar,
      '2026-03-27',
    );
    // 1,200 minutes at 60 a worked day: twenty weekdays, the last on Friday 27 March.
    expect(result.p50).toBe('2026-03-27');
    expect(result.probability).toBe(1);
  });

  it('has no date for work that does not fit the calendar', () => {
    const calendar = evenings(7);
    const result = summarize(simulate(input({ calendar })), calendar, '2026-03-08');
    expect(result).toMatchObject({ p50: null, p85: null, p95: null, probability: 0 });
  });

  it('widens a cold start by typical estimation error', () => {
    const velocities = typicalVelocities();
    const sorted = [...velocities].sort((a, b) => a - b);
    // Median actual ÷ estimate 1.3: half the tasks take longer than that.
    expect((1 / (sorted[19]! + sorted[20]!)) * 2).toBeCloseTo(1.3, 1);
    expect(1 / sorted[3]!).toBeGreaterThan(2.2);
    const calendar = evenings(365);
    const cold = summarize(simulate(input({ calendar, velocities })), calendar, '2026-03-13');
    expect(cold.probability).toBeLessThan(0.25);
    expect(cold.p95! > cold.p50!).toBe(true);
  });
});
