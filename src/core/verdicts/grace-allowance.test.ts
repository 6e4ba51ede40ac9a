import { describe, expect, it } from 'vitest';
import { graceAllowance } from './grace-allowance.js';
import { checkin, dateRange, ledger, localInstant } from './testing.js';
import type { GraceSpend, VerdictPolicy } from './verdict.model.js';

// Two-week sprints from Monday 2 March 2026: the second starts Monday 16 March.
const policy: VerdictPolicy = {
  grace: { tokensPerSprint: 2, windowHours: 12, sprints: { startDate: '2026-03-02', lengthDays: 14 } },
};
const plannedDays = dateRange('2026-03-02', 28);

function allowance(timeZone: string, now: string, graceSpends: GraceSpend[]) {
  return graceAllowance({ ledger: ledger({ timeZone, plannedDays, graceSpends }), policy, now });
}

describe('graceAllowance', () => {
  const zone = 'Europe/Berlin';
  const spend = (date: string, time = '09:00'): GraceSpend => ({
    date,
    spentAt: localInstant(date, time, zone),
  });

  it('counts the tokens spent in the sprint under way, and when they renew', () => {
    const now = localInstant('2026-03-10', '12:00', zone);
    expect(allowance(zone, now, [spend('2026-03-09')])).toEqual({
      tokensPerSprint: 2,
      tokensLeft: 1,
      spentOn: ['2026-03-09'],
      sprintStart: '2026-03-02',
      renewsOn: '2026-03-16',
      renewsAt: '2026-03-15T23:00:00.000Z',
    });
    // A token spent on today is reserved until the day ends; none are left, and none go below zero.
    const all = [spend('2026-03-09'), spend('2026-03-10'), spend('2026-03-11', '08:00')];
    expect(allowance(zone, now, all)).toMatchObject({ tokensLeft: 0, spentOn: ['2026-03-09', '2026-03-10'] });
  });

  it('gives back a token spent on a day the builder showed up for, and never counts a late one', () => {
    const now = localInstant('2026-03-10', '12:00', zone);
    const result = graceAllowance({
      ledger: ledger({
        timeZone: zone,
        plannedDays,
        evidence: [checkin(localInstant('2026-03-09', '20:00', zone))],
        // Friday 6 March ended at midnight; the window to excuse it closed at noon on Saturday.
        graceSpends: [
          spend('2026-03-09'),
          { date: '2026-03-06', spentAt: localInstant('2026-03-07', '13:00', zone) },
        ],
      }),
      policy,
      now,
    });
    expect(result).toMatchObject({ tokensLeft: 2, spentOn: [] });
  });

  it('renews at the sprint boundary', () => {
    const spent = [spend('2026-03-12'), spend('2026-03-13')];
    expect(allowance(zone, localInstant('2026-03-15', '23:59', zone), spent)).toMatchObject({
      tokensLeft: 0,
      sprintStart: '2026-03-02',
      renewsOn: '2026-03-16',
    });
    expect(allowance(zone, localInstant('2026-03-16', '00:00', zone), spent)).toEqual({
      tokensPerSprint: 2,
      tokensLeft: 2,
      spentOn: [],
      sprintStart: '2026-03-16',
      renewsOn: '2026-03-30',
      renewsAt: '2026-03-29T22:00:00.000Z', // summer time has begun in Berlin
    });
  });

  it('reads the sprint in the builder’s own zone: the same instant is Monday in Tokyo, Sunday in Los Angeles', () => {
    const now = '2026-03-15T20:00:00Z'; // Mon 16 March 05:00 in Tokyo; Sun 15 March 13:00 in Los Angeles
    const spentIn = (timeZone: string): GraceSpend[] => [
      { date: '2026-03-13', spentAt: localInstant('2026-03-13', '09:00', timeZone) },
    ];
    expect(allowance('Asia/Tokyo', now, spentIn('Asia/Tokyo'))).toMatchObject({
      tokensLeft: 2,
      sprintStart: '2026-03-16',
      renewsOn: '2026-03-30',
      renewsAt: '2026-03-29T15:00:00.000Z',
    });
    expect(allowance('America/Los_Angeles', now, spentIn('America/Los_Angeles'))).toMatchObject({
      tokensLeft: 1,
      spentOn: ['2026-03-13'],
      sprintStart: '2026-03-02',
      renewsOn: '2026-03-16',
      renewsAt: '2026-03-16T07:00:00.000Z',
    });
  });

  it('shows the first sprint’s tokens before it starts, and says when an open-ended sprint never renews', () => {
    expect(allowance(zone, localInstant('2026-03-01', '18:00', zone), [])).toMatchObject({
      tokensLeft: 2,
      sprintStart: '2026-03-02',
      renewsOn: '2026-03-16',
    });
    const lastSprint = graceAllowance({
      ledger: ledger({ timeZone: zone, plannedDays }),
      policy: {
        grace: { tokensPerSprint: 1, windowHours: 12, sprints: { starts: ['2026-03-02', '2026-03-09'] } },
      },
      now: localInstant('2026-03-20', '12:00', zone),
    });
    expect(lastSprint).toMatchObject({
      tokensLeft: 1,
      sprintStart: '2026-03-09',
      renewsOn: null,
      renewsAt: null,
    });
  });

  it('is null without grace tokens in the policy', () => {
    expect(
      graceAllowance({
        ledger: ledger({ timeZone: zone, plannedDays }),
        policy: {},
        now: '2026-03-10T12:00:00Z',
      }),
    ).toBeNull();
  });
});
