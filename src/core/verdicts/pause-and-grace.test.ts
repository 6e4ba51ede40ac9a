import { describe, expect, it } from 'vitest';
import { judgeDay } from './judge-day.js';
import { checkin, dateRange, ledger, localInstant } from './testing.js';
import type { DayLedger, GracePolicy, LocalDate, VerdictPolicy } from './verdict.model.js';

// Auckland across the end of DST (Sun 2026-04-05 is 25 hours long): the sprint starts Mon 03-30.
const timeZone = 'Pacific/Auckland';
const GRACE: GracePolicy = {
  tokensPerSprint: 2,
  windowHours: 12,
  sprints: { startDate: '2026-03-30', lengthDays: 7 },
};
const policy: VerdictPolicy = { grace: GRACE };
const plannedDays = dateRange('2026-03-30', 14);
const base = ledger({ timeZone, plannedDays });

function verdictOf(date: LocalDate, overrides: Partial<DayLedger>): string {
  return judgeDay({ ...base, ...overrides, date, policy }).verdict;
}

describe('pauses', () => {
  const pause = (requestedAt: string) => ({
    from: '2026-04-04',
    to: '2026-04-06',
    reason: 'family visit',
    requestedAt,
  });

  it('count when requested before the day begins, on every day they cover', () => {
    const pauses = [pause(localInstant('2026-04-03', '23:59', timeZone))];
    for (const date of ['2026-04-04', '2026-04-05', '2026-04-06'])
      expect(verdictOf(date, { pauses }), date).toBe('paused');
    expect(verdictOf('2026-04-07', { pauses })).toBe('skipped');
    expect(verdictOf('2026-04-03', { pauses })).toBe('skipped');
  });

  it('do not count for a day already under way, only for the days after it', () => {
    const pauses = [pause(localInstant('2026-04-04', '00:01', timeZone))];
    const day = judgeDay({ ...base, pauses, date: '2026-04-04', policy });
    expect(day.verdict).toBe('skipped');
    expect(day.reason).toContain(
      'was requested 2026-04-04T00:01:00.000+13:00, after the day began at 2026-04-03T11:00:00.000Z',
    );
    expect(verdictOf('2026-04-05', { pauses })).toBe('paused');
    // Requested at the very first instant of the day is already too late.
    expect(verdictOf('2026-04-04', { pauses: [pause('2026-04-03T11:00:00.000Z')] })).toBe('skipped');
    expect(verdictOf('2026-04-04', { pauses: [pause('2026-04-03T10:59:59.999Z')] })).toBe('paused');
  });

  it('win over evidence, which stays on record, and over grace, which is refunded', () => {
    const pauses = [pause('2026-04-01T00:00:00Z')];
    const work = checkin(localInstant('2026-04-04', '10:00', timeZone));
    const graceSpends = [
      { date: '2026-04-04', spentAt: '2026-04-01T00:00:00Z' },
      { date: '2026-03-30', spentAt: '2026-03-30T10:00:00Z' },
      { date: '2026-03-31', spentAt: '2026-03-30T10:00:01Z' },
    ];
    const day = judgeDay({ ...base, pauses, evidence: [work], date: '2026-04-04', policy });
    expect(day).toMatchObject({ verdict: 'paused', evidenceIds: [work.id] });
    expect(day.reason).toContain('1 record logged anyway');
    // The paused day's spend used no token: both later spends in the sprint get one.
    expect(verdictOf('2026-03-30', { pauses, graceSpends })).toBe('grace');
    expect(verdictOf('2026-03-31', { pauses, graceSpends })).toBe('grace');
  });
});

describe('grace', () => {
  const day = '2026-04-05'; // ends 2026-04-05T12:00Z (NZST, after the 25-hour day); window closes 2026-04-06T00:00Z
  const spend = (spentAt: string, date: LocalDate = day) => ({ date, spentAt });

  it('counts within the window after the day ends, not from its end on', () => {
    expect(verdictOf(day, { graceSpends: [spend('2026-04-05T11:59:59.999Z')] })).toBe('grace');
    expect(verdictOf(day, { graceSpends: [spend('2026-04-05T23:59:59.999Z')] })).toBe('grace');
    const late = judgeDay({ ...base, graceSpends: [spend('2026-04-06T00:00:00.000Z')], date: day, policy });
    expect(late.verdict).toBe('skipped');
    expect(late.reason).toContain('after the window closed at 2026-04-06T00:00:00.000Z');
    expect(verdictOf(day, { graceSpends: [spend('2026-03-01T00:00:00Z')] })).toBe('grace'); // spent in advance
  });

  it('gives way to evidence and refunds the token', () => {
    const graceSpends = ['2026-03-30', '2026-03-31', '2026-04-01'].map((d, i) =>
      spend(`2026-03-29T0${i}:00:00Z`, d),
    );
    expect(['2026-03-30', '2026-03-31', '2026-04-01'].map((d) => verdictOf(d, { graceSpends }))).toEqual([
      'grace',
      'grace',
      'skipped',
    ]);
    expect(judgeDay({ ...base, graceSpends, date: '2026-04-01', policy }).reason).toContain(
      'no grace token was left in the sprint from 2026-03-30 (2 per sprint)',
    );
    const evidence = [checkin(localInstant('2026-03-30', '21:00', timeZone))];
    expect(
      ['2026-03-30', '2026-03-31', '2026-04-01'].map((d) => verdictOf(d, { graceSpends, evidence })),
    ).toEqual(['showed_up', 'grace', 'grace']);
  });

  it('hands out tokens by the time they were spent, and a new sprint brings new ones', () => {
    // All in time (03-31 ends at 11:00Z), but the spend for 03-31 was made last.
    const graceSpends = [
      spend('2026-03-31T10:00:00Z', '2026-03-31'),
      spend('2026-03-30T00:00:00Z', '2026-04-02'),
      spend('2026-03-30T01:00:00Z', '2026-04-03'),
    ];
    expect(['2026-03-31', '2026-04-02', '2026-04-03'].map((d) => verdictOf(d, { graceSpends }))).toEqual([
      'skipped',
      'grace',
      'grace',
    ]);
    expect(judgeDay({ ...base, graceSpends, date: '2026-03-31', policy }).reason).toContain(
      'no grace token was left',
    );
    const nextSprint = [
      ...graceSpends,
      spend('2026-04-06T20:00:00Z', '2026-04-06'),
      spend('2026-04-06T20:00:00Z', '2026-04-07'),
    ];
    expect(verdictOf('2026-04-06', { graceSpends: nextSprint })).toBe('grace');
    expect(verdictOf('2026-04-07', { graceSpends: nextSprint })).toBe('grace');
  });

  it('reads explicit sprint boundaries, and gives nothing before the first sprint or without a policy', () => {
    const explicit: VerdictPolicy = {
      grace: { ...GRACE, tokensPerSprint: 1, sprints: { starts: ['2026-04-01', '2026-04-03'] } },
    };
    const graceSpends = ['2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03'].map((d) =>
      spend('2026-03-29T00:00:00Z', d),
    );
    const verdicts = ['2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03'].map(
      (date) => judgeDay({ ...base, graceSpends, date, policy: explicit }).verdict,
    );
    expect(verdicts).toEqual(['skipped', 'grace', 'skipped', 'grace']);
    expect(judgeDay({ ...base, graceSpends, date: '2026-04-01' }).reason).toContain('not enabled');
  });
});
