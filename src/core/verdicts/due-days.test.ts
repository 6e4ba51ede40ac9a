import { describe, expect, it } from 'vitest';
import { dueDays } from './due-days.js';
import { dateRange } from './testing.js';

describe('dueDays', () => {
  const timeZone = 'America/Los_Angeles';
  // Thu 03-05 … Wed 03-11, crossing spring forward on Sun 03-08; Saturday has no planned work.
  const plannedDays = dateRange('2026-03-05', 7).filter((d) => d !== '2026-03-07');

  it('after three days of downtime returns the missed days in order, skipping unplanned ones', () => {
    // The server was last up on Thu 03-05 and comes back Mon 03-09 at 00:30 PDT.
    const due = dueDays({
      plannedDays: [...plannedDays].reverse(),
      timeZone,
      closedThrough: '2026-03-05',
      now: '2026-03-09T07:30:00Z',
    });
    expect(due).toEqual(['2026-03-06', '2026-03-08']);
  });

  it('treats the end instant as ended, one millisecond before as open (Sun 03-08 is 23 hours long)', () => {
    const base = { plannedDays, timeZone, closedThrough: '2026-03-06' };
    expect(dueDays({ ...base, now: '2026-03-09T06:59:59.999Z' })).toEqual([]);
    expect(dueDays({ ...base, now: '2026-03-09T07:00:00.000Z' })).toEqual(['2026-03-08']);
  });

  it('starts from the first planned day when nothing is closed, ignores repeats and honours a limit', () => {
    const now = '2026-03-12T08:00:00Z';
    expect(
      dueDays({ plannedDays: [...plannedDays, ...plannedDays], timeZone, closedThrough: null, now }),
    ).toEqual(plannedDays);
    expect(dueDays({ plannedDays, timeZone, closedThrough: null, now, limit: 2 })).toEqual([
      '2026-03-05',
      '2026-03-06',
    ]);
    expect(dueDays({ plannedDays, timeZone, closedThrough: '2026-03-11', now })).toEqual([]);
  });

  it('refuses malformed input', () => {
    expect(() =>
      dueDays({ plannedDays: ['2026-3-5'], timeZone, closedThrough: null, now: '2026-03-12T08:00:00Z' }),
    ).toThrow();
    expect(() => dueDays({ plannedDays, timeZone, closedThrough: null, now: 'yesterday' })).toThrow(
      /instant/,
    );
  });
});
