import { describe, expect, it } from 'vitest';
import { periodStartOf, trendByPeriod } from './comprehension-trend.js';

describe('periodStartOf', () => {
  it('counts sprints from the first one; earlier days belong to it', () => {
    const periods = { timeZone: 'UTC', sprint: { start: '2026-03-03', lengthDays: 14 } };
    expect(periodStartOf('2026-03-03', periods)).toBe('2026-03-03');
    expect(periodStartOf('2026-03-16', periods)).toBe('2026-03-03');
    expect(periodStartOf('2026-03-17', periods)).toBe('2026-03-17');
    expect(periodStartOf('2026-03-02', periods)).toBe('2026-03-03');
  });

  it('falls back to Monday-to-Sunday weeks', () => {
    expect(periodStartOf('2026-03-01', { timeZone: 'UTC' })).toBe('2026-02-23');
    expect(periodStartOf('2026-03-02', { timeZone: 'UTC' })).toBe('2026-03-02');
    expect(periodStartOf('2026-03-08', { timeZone: 'UTC' })).toBe('2026-03-02');
  });
});

describe('trendByPeriod', () => {
  it('keeps the last measurement of each period, in the builder’s zone', () => {
    const snapshots = [
      { takenAt: '2026-03-09T06:00:00Z', id: 'c' }, // Sunday 8 March, 23:00 in Los Angeles
      { takenAt: '2026-03-03T10:00:00Z', id: 'a' },
      { takenAt: '2026-03-05T10:00:00Z', id: 'b' },
      { takenAt: '2026-03-10T18:00:00Z', id: 'd' },
    ];
    expect(
      trendByPeriod(snapshots, { timeZone: 'America/Los_Angeles' }).map((p) => [p.periodStart, p.id]),
    ).toEqual([
      ['2026-03-02', 'c'],
      ['2026-03-09', 'd'],
    ]);
    expect(trendByPeriod(snapshots, { timeZone: 'Asia/Kolkata' }).map((p) => [p.periodStart, p.id])).toEqual([
      ['2026-03-02', 'b'],
      ['2026-03-09', 'd'],
    ]);
  });
});
