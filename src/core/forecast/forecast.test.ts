import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../schedule/calendar.js';
import { assumedSkipRate, forecastCheckpoints, forecastWork } from './forecast.js';
import type { Pace } from './pace.js';
import { seededRandom } from './random.js';

const calendar = Array.from({ length: 120 }, (_, i) => ({
  date: addLocalDays('2026-03-02', i),
  minutes: i % 7 < 5 ? 120 : 0,
}));
const history = (historyDays: number, velocities: number[]): Pace => ({
  throughputs: [120, 90],
  velocities,
  skipRate: 0,
  scopeGrowthPerDay: 0,
  historyDays,
});
const work = {
  estimates: Array.from({ length: 10 }, () => 120),
  calendar,
  dueDate: '2026-03-20',
  trials: 2000,
};

describe('forecastWork', () => {
  it('uses the builder’s own velocities once there is history, and says what it is based on', () => {
    const result = forecastWork(history(12, [1, 1, 1, 1]), { ...work, random: seededRandom(3) });
    expect(result).toMatchObject({
      kind: 'forecast',
      summary: { p50: '2026-03-13', probability: 1 },
      basis: { coldStart: false, historyDays: 12, samples: 4, trials: 2000 },
    });
    expect(result.note).toBe(
      'Based on 12 days of history and 4 finished tasks with known times (2,000 simulated runs).',
    );
  });

  it('widens a cold start and says so, instead of pretending to know the pace', () => {
    const result = forecastWork(history(3, [1, 1, 1, 1]), { ...work, random: seededRandom(3) });
    expect(result.kind).toBe('forecast');
    if (result.kind !== 'forecast') return;
    expect(result.basis.coldStart).toBe(true);
    expect(result.note).toMatch(/^Based on 3 days of history: too little to know your pace/);
    expect(result.summary.probability).toBeLessThan(1);
    expect(result.summary.p85! > '2026-03-13').toBe(true);
  });

  it('says when there is nothing to forecast, or nothing honest to say', () => {
    expect(forecastWork(history(12, [1]), { ...work, estimates: [], random: seededRandom(1) }).kind).toBe(
      'done',
    );
    const noHours = forecastWork(history(12, [1]), {
      ...work,
      calendar: calendar.map((day) => ({ ...day, minutes: 0 })),
      random: seededRandom(1),
    });
    expect(noHours).toEqual({
      kind: 'unknown',
      note: 'No hours are planned, so no date can be forecast. Set your hours first.',
    });
  });

  it('samples daily output when days were worked but no task was timed, and can be asked for it', () => {
    const pace: Pace = { ...history(9, []), throughputs: [120, 120, 120, 120, 120, 120] };
    const result = forecastWork(pace, { ...work, random: seededRandom(5) });
    expect(result).toMatchObject({ kind: 'forecast', basis: { method: 'throughput', samples: 6 } });
    expect(result.kind === 'forecast' && result.summary.p50).toBe('2026-03-13');
    expect(result.note).toMatch(/the work finished on each of 6 days worked/);
    const thin = forecastWork(history(12, [1, 1, 1]), {
      ...work,
      method: 'throughput',
      random: seededRandom(5),
    });
    expect(thin).toMatchObject({
      kind: 'unknown',
      note: expect.stringMatching(/2 days worked so far, 5 needed/),
    });
  });

  it('refuses a number when neither history nor estimates say anything', () => {
    const result = forecastWork(history(1, []), { ...work, unestimated: 8, random: seededRandom(5) });
    expect(result.kind).toBe('unknown');
    expect(result.note).toMatch(/no estimates for 8 of 10 open tasks/);
    const enough = forecastWork(history(1, []), { ...work, unestimated: 5, random: seededRandom(5) });
    expect(enough.kind).toBe('forecast');
  });

  it('does not let a skipped first day mean that every day will be skipped', () => {
    expect(assumedSkipRate({ skipRate: 1, historyDays: 1 })).toBeCloseTo((1 + 0.5) / 6);
    expect(assumedSkipRate({ skipRate: 0, historyDays: 0 })).toBe(0.1);
    expect(assumedSkipRate({ skipRate: 0.2, historyDays: 5 })).toBe(0.2);
    const result = forecastWork({ ...history(1, []), skipRate: 1 }, { ...work, random: seededRandom(9) });
    expect(result.kind === 'forecast' && result.summary.p50).not.toBeNull();
  });

  it('forecasts all checkpoints in one simulation: a later one is never more likely or earlier', () => {
    const pace = history(12, [1, 0.8, 0.5, 1.2]);
    const checkpoints = [
      { estimates: [120, 120], dueDate: '2026-03-06' },
      { estimates: [120, 120, 60, 60, 60], dueDate: '2026-03-13' },
      { estimates: [120, 120, 60, 60, 60, 240], dueDate: '2026-03-13' },
    ];
    const [first, second, third] = forecastCheckpoints(pace, {
      checkpoints,
      calendar,
      trials: 2000,
      random: seededRandom(4),
    });
    if (first?.kind !== 'forecast' || second?.kind !== 'forecast' || third?.kind !== 'forecast')
      throw new Error('expected three forecasts');
    expect(first.summary.p50! <= second.summary.p50!).toBe(true);
    expect(second.summary.p85! <= third.summary.p85!).toBe(true);
    // Same due date, more work: never a better chance (each run is one future for both).
    expect(third.summary.probability).toBeLessThanOrEqual(second.summary.probability);
    // One checkpoint alone is the same forecast as forecastWork's.
    expect(
      forecastCheckpoints(pace, {
        checkpoints: [checkpoints[1]!],
        calendar,
        trials: 2000,
        random: seededRandom(4),
      }),
    ).toEqual([forecastWork(pace, { ...checkpoints[1]!, calendar, trials: 2000, random: seededRandom(4) })]);
  });

  it('gives each checkpoint its own verdict when a cold start has estimates for some and not others', () => {
    const results = forecastCheckpoints(history(2, []), {
      checkpoints: [
        { estimates: [120], dueDate: '2026-03-06', unestimated: 0 },
        { estimates: [120, 60, 60, 60], dueDate: '2026-03-13', unestimated: 3 },
        { estimates: [120, 60, 60, 60], dueDate: '2026-03-20', unestimated: 3 },
      ],
      calendar,
      trials: 1000,
      random: seededRandom(4),
    });
    expect(results.map((r) => r.kind)).toEqual(['forecast', 'unknown', 'unknown']);
    expect(results[1]?.note).toMatch(/no estimates for 3 of 4 open tasks/);
    expect(
      forecastCheckpoints(history(12, [1]), {
        checkpoints: [],
        calendar,
        trials: 10,
        random: seededRandom(1),
      }),
    ).toEqual([]);
  });
});
