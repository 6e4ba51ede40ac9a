import { describe, expect, it } from 'vitest';
import type { CheckpointForecastDto, PaceDto } from '../../../contracts/forecast.contract.js';
import { chartDates, conePaths, pathAt } from '../charts/forecast-cone.js';
import { chanceSentence, markerLabel, paceFacts } from './format.js';

const open = {
  probability: 0.618,
  dueDate: '2026-03-13',
  p50: '2026-03-17',
  p85: '2026-03-19',
  note: 'Based on 5 days of history.',
};

describe('forecasts in words', () => {
  it('says the chance, the likely date and the 85% date, or the note when there is no number', () => {
    expect(chanceSentence(open, '2026-03-10')).toBe(
      '62% chance by Fri, Mar 13 · likely done Tue, Mar 17 · 85% sure by Thu, Mar 19',
    );
    expect(chanceSentence({ ...open, p85: null }, '2026-03-10')).toMatch(
      /85% sure beyond the forecast’s horizon$/,
    );
    expect(chanceSentence({ ...open, p85: '2027-01-04' }, '2026-03-10')).toMatch(/by Mon, Jan 4, 2027$/);
    expect(chanceSentence({ ...open, probability: null, note: 'Too little to go on.' }, '2026-03-10')).toBe(
      'Too little to go on.',
    );
    const marker = { ...open, kind: 'unknown', probability: null } as unknown as CheckpointForecastDto;
    expect(markerLabel(marker)).toBe('?');
    expect(markerLabel({ ...marker, kind: 'forecast', probability: 1 })).toBe('>99%');
  });

  it('lists what the pace rests on, leaving out what is unknown', () => {
    const pace: PaceDto = {
      historyDays: 5,
      workedDays: 4,
      skippedDays: 1,
      finishedTasks: 5,
      timedTasks: 5,
      medianDailyMinutes: 90,
      medianOverrun: 1.5,
      skipRate: 0.2,
      scopeGrowthPerDay: 0,
      projects: 1,
    };
    expect(paceFacts(pace, 10_000)).toEqual([
      'Pace so far: 5 days of history (4 worked, 1 skipped)',
      '5 of 5 finished tasks with known times',
      'typically 1 h 30 min of estimated work on a worked day',
      'tasks took 1.5× their estimates (median)',
      '20% of planned days skipped',
      '10,000 simulated runs',
    ]);
    const none = { ...pace, historyDays: 0, finishedTasks: 0, timedTasks: 0, medianDailyMinutes: null };
    expect(paceFacts({ ...none, medianOverrun: null }, 10)).toEqual([
      'Pace so far: 0 days of history',
      '0 of 0 finished tasks with known times',
      '10 simulated runs',
    ]);
  });
});

describe('the burn-up cone', () => {
  const from = { date: '2026-03-10', minutes: 360 };
  const points = [
    { date: '2026-03-14', minutes: 600 },
    { date: '2026-03-12', minutes: 480 },
  ];

  it('runs straight from today through the points, level once done, and never goes down', () => {
    expect(pathAt(from, points, '2026-03-09')).toBeNull();
    expect(pathAt(from, points, '2026-03-10')).toBe(360);
    expect(pathAt(from, points, '2026-03-11')).toBe(420);
    expect(pathAt(from, points, '2026-03-13')).toBe(540);
    expect(pathAt(from, points, '2026-03-20')).toBe(600);
    expect(pathAt(from, [{ date: '2026-03-12', minutes: 100 }], '2026-03-12')).toBe(360);
  });

  it('puts the cone’s and the checkpoints’ dates on the axis', () => {
    const forecast = {
      cone: { from, p50: points, p85: [], p95: [{ date: '2026-03-18', minutes: 600 }] },
      checkpoints: [{ dueDate: '2026-03-13' }],
    } as never;
    const dates = chartDates(['2026-03-09', '2026-03-10'], forecast);
    expect(dates).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-18',
    ]);
    const paths = conePaths((forecast as { cone: never }).cone, dates);
    expect(paths.p50).toEqual([null, 360, 480, 540, 600, 600]);
    expect(paths.p85).toEqual([null, null, null, null, null, null]);
    expect(paths.p95[5]).toBe(600);
  });
});
