import { describe, expect, it } from 'vitest';
import { actualMinutes, paceOf } from './pace.js';

const at = (iso: string) => Date.parse(iso);

describe('actualMinutes', () => {
  it('prefers logged minutes, then one sitting from start to done, else nothing', () => {
    expect(actualMinutes({ doneDate: '2026-03-03', estimateMinutes: 60, loggedMinutes: 75 })).toBe(75);
    expect(
      actualMinutes({
        doneDate: '2026-03-03',
        estimateMinutes: 60,
        startedAtMs: at('2026-03-03T18:00:00Z'),
        doneAtMs: at('2026-03-03T19:30:00Z'),
      }),
    ).toBe(90);
    // Started on Monday, done on Wednesday: the clock ran while nobody worked.
    expect(
      actualMinutes({
        doneDate: '2026-03-04',
        estimateMinutes: 60,
        startedAtMs: at('2026-03-02T18:00:00Z'),
        doneAtMs: at('2026-03-04T19:30:00Z'),
      }),
    ).toBeNull();
    expect(actualMinutes({ doneDate: '2026-03-03', estimateMinutes: 60 })).toBeNull();
  });
});

describe('paceOf', () => {
  it('keeps skipped and paused days apart from slow ones', () => {
    const pace = paceOf({
      days: [
        { date: '2026-03-02', verdict: 'showed_up' },
        { date: '2026-03-03', verdict: 'skipped' },
        { date: '2026-03-04', verdict: 'showed_up' },
        { date: '2026-03-05', verdict: 'paused' },
        { date: '2026-03-06', verdict: 'grace' },
        { date: '2026-03-09', verdict: 'showed_up' },
      ],
      finished: [
        { doneDate: '2026-03-02', estimateMinutes: 120, loggedMinutes: 120 },
        { doneDate: '2026-03-04', estimateMinutes: 60, loggedMinutes: 100 },
        { doneDate: '2026-03-04', estimateMinutes: 30 },
      ],
      scopeChanges: [
        { date: '2026-02-20', addedMinutes: 600 },
        { date: '2026-03-05', addedMinutes: 240 },
      ],
      openMinutesAtStart: 2000,
    });
    expect(pace).toEqual({
      // Monday 120; Wednesday 60 + 30; the last worked day finished nothing but counts as a slow day.
      throughputs: [120, 90, 0],
      velocities: [1, 0.6],
      skipRate: 1 / 4,
      // Only growth after the history began: 240 of 2000 over six judged days.
      scopeGrowthPerDay: 240 / 2000 / 6,
      historyDays: 6,
    });
  });

  it('says there is no history when there is none', () => {
    expect(paceOf({ days: [], finished: [], scopeChanges: [], openMinutesAtStart: 0 })).toEqual({
      throughputs: [],
      velocities: [],
      skipRate: 0,
      scopeGrowthPerDay: 0,
      historyDays: 0,
    });
  });

  it('measures growth against the open work there was when it was added', () => {
    const days = [1, 2, 3, 4].map((d) => ({ date: `2026-03-0${d}`, verdict: 'showed_up' as const }));
    const pace = paceOf({
      days,
      finished: [],
      scopeChanges: [
        { date: '2026-03-02', addedMinutes: 100, openMinutesBefore: 1000 },
        { date: '2026-03-04', addedMinutes: 100, openMinutesBefore: 250 },
      ],
      openMinutesAtStart: 1000,
    });
    // 10% and then 40% of what was open, over four days.
    expect(pace.scopeGrowthPerDay).toBeCloseTo((0.1 + 0.4) / 4);
  });
});
