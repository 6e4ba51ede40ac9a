import { describe, expect, it } from 'vitest';
import { sprintAround, sprintLocator } from './sprints.js';

describe('sprintLocator', () => {
  it('finds the sprint of a date from a fixed length', () => {
    const sprintOf = sprintLocator({ startDate: '2026-03-02', lengthDays: 14 });
    expect(['2026-03-01', '2026-03-02', '2026-03-15', '2026-03-16', '2026-04-12'].map(sprintOf)).toEqual([
      null,
      '2026-03-02',
      '2026-03-02',
      '2026-03-16',
      '2026-03-30',
    ]);
  });

  it('finds the sprint of a date from explicit starts, in any order', () => {
    const sprintOf = sprintLocator({ starts: ['2026-03-20', '2026-03-02'] });
    expect(['2026-03-01', '2026-03-19', '2026-03-20', '2027-01-01'].map(sprintOf)).toEqual([
      null,
      '2026-03-02',
      '2026-03-20',
      '2026-03-20',
    ]);
  });

  it('refuses a sprint length that is not a whole number of days', () => {
    expect(() => sprintLocator({ startDate: '2026-03-02', lengthDays: 0 })).toThrow(/lengthDays/);
    expect(() => sprintLocator({ startDate: '2026-03-02', lengthDays: 1.5 })).toThrow(/lengthDays/);
    expect(() => sprintLocator({ starts: ['2026-02-30'] })).toThrow(/calendar date/);
  });
});

describe('sprintAround', () => {
  it('gives the sprint a date falls in and the day the next one starts', () => {
    const sprints = { startDate: '2026-03-02', lengthDays: 14 };
    expect(sprintAround(sprints, '2026-03-15')).toEqual({ start: '2026-03-02', next: '2026-03-16' });
    expect(sprintAround(sprints, '2026-03-16')).toEqual({ start: '2026-03-16', next: '2026-03-30' });
    // Before the first sprint: the first one, whose tokens are the next to come.
    expect(sprintAround(sprints, '2026-02-20')).toEqual({ start: '2026-03-02', next: '2026-03-16' });
  });

  it('reads explicit starts, the last sprint never ending', () => {
    const sprints = { starts: ['2026-03-20', '2026-03-02'] };
    expect(sprintAround(sprints, '2026-03-01')).toEqual({ start: '2026-03-02', next: '2026-03-20' });
    expect(sprintAround(sprints, '2026-03-19')).toEqual({ start: '2026-03-02', next: '2026-03-20' });
    expect(sprintAround(sprints, '2026-04-19')).toEqual({ start: '2026-03-20', next: null });
    expect(sprintAround({ starts: [] }, '2026-04-19')).toBeNull();
  });
});
