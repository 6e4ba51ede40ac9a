import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../schedule/calendar.js';
import { judgeDay, judgeDueDays } from './judge-day.js';
import { checkin, dateRange, ledger, localInstant } from './testing.js';
import { VerdictInputError, type DayLedger, type DayVerdict, type LocalDate } from './verdict.model.js';

// Each zone's DST changes in 2026 with the exact instant the changing day ends, and its length.
const ZONES = [
  {
    timeZone: 'Europe/Berlin',
    dst: [
      ['2026-03-29', '2026-03-29T22:00:00.000Z', 23],
      ['2026-10-25', '2026-10-25T23:00:00.000Z', 25],
    ],
  },
  {
    timeZone: 'America/Los_Angeles',
    dst: [
      ['2026-03-08', '2026-03-09T07:00:00.000Z', 23],
      ['2026-11-01', '2026-11-02T08:00:00.000Z', 25],
    ],
  },
  {
    timeZone: 'Pacific/Auckland',
    dst: [
      ['2026-04-05', '2026-04-05T12:00:00.000Z', 25],
      ['2026-09-27', '2026-09-27T11:00:00.000Z', 23],
    ],
  },
  // No DST: the walks cross Berlin's dates to show nothing moves.
  {
    timeZone: 'Asia/Kolkata',
    dst: [
      ['2026-03-29', '2026-03-29T18:30:00.000Z', 24],
      ['2026-10-25', '2026-10-25T18:30:00.000Z', 24],
    ],
  },
] as const;

const HOUR = 3_600_000;

/** A two-week sprint around `pivot` with every day planned except Wednesdays. */
function sprintAround(pivot: LocalDate): LocalDate[] {
  return dateRange(addLocalDays(pivot, -7), 14).filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() !== 3);
}

function judge(base: DayLedger, date: LocalDate, evidence: DayLedger['evidence']): DayVerdict {
  return judgeDay({ ...base, evidence, date });
}

describe.each(ZONES)('a sprint in $timeZone across DST changes', ({ timeZone, dst }) => {
  for (const [pivot, pivotEnd, pivotHours] of dst) {
    const plannedDays = sprintAround(pivot);
    const base = ledger({ timeZone, plannedDays });

    it(`closes ${pivot} at ${pivotEnd}, a ${pivotHours}-hour day, and every other day 24 hours after it began`, () => {
      for (const date of plannedDays) {
        const { closedAt } = judge(base, date, []);
        const previousEnd = judge(
          { ...base, plannedDays: [addLocalDays(date, -1)] },
          addLocalDays(date, -1),
          [],
        ).closedAt;
        const hours = (Date.parse(closedAt) - Date.parse(previousEnd)) / HOUR;
        expect(hours, date).toBe(date === pivot ? pivotHours : 24);
        if (date === pivot) expect(closedAt).toBe(pivotEnd);
        // The day closes at local midnight of the next day, read back in the zone.
        expect(localInstant(addLocalDays(date, 1), '00:00', timeZone), date).toSatisfy(
          (midnight: string) => Date.parse(midnight) === Date.parse(closedAt),
        );
      }
    });

    it('counts evidence at 23:30 local for that day and at 00:30 local for the next', () => {
      for (const date of plannedDays) {
        const next = addLocalDays(date, 1);
        const late = [checkin(localInstant(date, '23:30', timeZone))];
        expect(judge(base, date, late).verdict, `${date} 23:30`).toBe('showed_up');
        expect(judge(base, date, late).evidenceIds).toEqual([late[0]!.id]);
        const early = [checkin(localInstant(next, '00:30', timeZone))];
        expect(judge(base, date, early).verdict, `${next} 00:30`).toBe('skipped');
        if (plannedDays.includes(next)) {
          expect(judge(base, next, late).verdict, `${date} 23:30 not on ${next}`).toBe('skipped');
          expect(judge(base, next, early).verdict, `${next} 00:30`).toBe('showed_up');
        }
      }
    });

    it('sweeps the sprint day by day: one verdict per planned day, in order, none for unplanned days', () => {
      const evidence = plannedDays
        .filter((_, i) => i % 3 !== 2)
        .map((d, i) => checkin(localInstant(d, i % 2 ? '23:30' : '00:30', timeZone)));
      const all = { ...base, evidence };
      const closed: DayVerdict[] = [];
      for (const date of dateRange(addLocalDays(pivot, -8), 16)) {
        const now = localInstant(addLocalDays(date, 1), '00:05', timeZone);
        const batch = judgeDueDays({ ...all, closedThrough: closed.at(-1)?.date ?? null, now });
        closed.push(...batch);
        expect(batch.map((v) => v.date)).toEqual(plannedDays.includes(date) ? [date] : []);
      }
      expect(closed.map((v) => v.date)).toEqual(plannedDays);
      expect(closed.map((v) => v.verdict)).toEqual(
        plannedDays.map((_, i) => (i % 3 === 2 ? 'skipped' : 'showed_up')),
      );
    });
  }
});

describe('judgeDay', () => {
  const timeZone = 'Europe/Berlin';
  const day = '2026-03-10';
  const base = ledger({ timeZone, plannedDays: [day] });

  it('refuses a day with no planned work, a bad date, an instant without an offset and a bad zone', () => {
    expect(() => judgeDay({ ...base, date: '2026-03-11' })).toThrow(/no planned work/);
    expect(() => judgeDay({ ...base, date: '2026-02-30' })).toThrow(VerdictInputError);
    expect(() => judgeDay({ ...base, date: day, evidence: [checkin('2026-03-10T12:00:00')] })).toThrow(
      /offset/,
    );
    expect(() => judgeDay({ ...base, timeZone: 'CET+1', date: day })).toThrow(VerdictInputError);
  });

  it('counts a task done, a commit and 30 logged minutes, but not a started task on its own', () => {
    const at = localInstant(day, '20:00', timeZone);
    const verdictOf = (evidence: DayLedger['evidence']): string =>
      judgeDay({ ...base, date: day, evidence }).verdict;
    expect(verdictOf([checkin(at, { kind: 'task_done' })])).toBe('showed_up');
    expect(verdictOf([checkin(at, { kind: 'commit', ref: 'abc123' })])).toBe('showed_up');
    expect(verdictOf([checkin(at, { kind: 'task_started' })])).toBe('skipped');
    expect(verdictOf([checkin(at, { kind: 'task_started', minutes: 20 })])).toBe('skipped');
    expect(
      verdictOf([
        checkin(at, { kind: 'task_started', minutes: 20 }),
        checkin(at, { kind: 'note', minutes: 10 }),
      ]),
    ).toBe('showed_up');
    expect(
      verdictOf([
        checkin(at, { kind: 'task_started', minutes: -500 }),
        checkin(at, { kind: 'x', minutes: Infinity }),
      ]),
    ).toBe('skipped');
  });

  it('follows a configured rule and counts a record imported twice once', () => {
    const at = localInstant(day, '20:00', timeZone);
    const twice = [
      checkin(at, { id: 'c', kind: 'task_started', minutes: 20 }),
      checkin(at, { id: 'c', kind: 'task_started', minutes: 20 }),
    ];
    expect(judgeDay({ ...base, date: day, evidence: twice }).verdict).toBe('skipped');
    const strict = { showUp: { qualifyingKinds: ['task_done'], minMinutes: 60 } };
    expect(judgeDay({ ...base, date: day, policy: strict, evidence: [checkin(at)] }).verdict).toBe('skipped');
    expect(() => judgeDay({ ...base, date: day, policy: { showUp: { minMinutes: 0 } } })).toThrow(
      /minMinutes/,
    );
  });

  it('says why in the reason', () => {
    const at = localInstant(day, '20:00', timeZone);
    expect(judgeDay({ ...base, date: day, evidence: [checkin(at), checkin(at)] }).reason).toBe(
      'Showed up: 2 checkin.',
    );
    expect(judgeDay({ ...base, date: day }).reason).toMatch(/^Skipped: no evidence \(needs a checkin/);
    expect(
      judgeDay({ ...base, date: day, evidence: [checkin(at, { kind: 'task_started', minutes: 5 })] }).reason,
    ).toMatch(/1 record with 5 minutes/);
  });
});
