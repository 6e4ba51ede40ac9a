import { describe, expect, it } from 'vitest';
import { sprintLocator } from './sprints.js';

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
