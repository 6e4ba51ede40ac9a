import { describe, expect, it } from 'vitest';
import { contractAt, plannedDaysFromContracts, type ContractVersion } from './contract-timeline.js';
import { contract } from './testing.js';

const weekdays = { sun: 0, mon: 60, tue: 60, wed: 60, thu: 60, fri: 60, sat: 0 };
const v1: ContractVersion = {
  number: 1,
  contract: contract({ minutesPerWeekday: weekdays }),
  interim: contract({ minutesPerWeekday: weekdays }),
  requestedAt: '2026-03-01T12:00:00.000Z',
  fullyEffectiveAt: '2026-03-01T12:00:00.000Z',
};
// Version 2 drops Fridays (easier): in force only after a week.
const v2: ContractVersion = {
  number: 2,
  contract: contract({ minutesPerWeekday: { ...weekdays, fri: 0 } }),
  interim: contract({ minutesPerWeekday: weekdays }),
  requestedAt: '2026-03-04T12:00:00.000Z',
  fullyEffectiveAt: '2026-03-11T12:00:00.000Z',
};

describe('contractAt', () => {
  it('is null before the first version', () => {
    expect(contractAt([v1, v2], Date.parse('2026-03-01T11:59:59Z'))).toBeNull();
  });

  it('gives the interim while easier parts wait, then the requested contract', () => {
    expect(contractAt([v2, v1], Date.parse('2026-03-02T00:00:00Z'))?.version.number).toBe(1);
    const waiting = contractAt([v1, v2], Date.parse('2026-03-05T00:00:00Z'));
    expect(waiting).toMatchObject({ waiting: true });
    expect(waiting?.contract.minutesPerWeekday.fri).toBe(60);
    const later = contractAt([v1, v2], Date.parse('2026-03-11T12:00:00Z'));
    expect(later).toMatchObject({ waiting: false });
    expect(later?.contract.minutesPerWeekday.fri).toBe(0);
  });
});

describe('plannedDaysFromContracts', () => {
  it('uses the contract in force when each day began, in the builder zone', () => {
    const days = plannedDaysFromContracts({
      versions: [v1, v2],
      timeZone: 'America/Los_Angeles',
      from: '2026-03-02',
      through: '2026-03-15',
      daysOff: ['2026-03-10'],
    });
    // Fri 6th still planned (the easing waits); Fri 13th not; Tue 10th a day off; weekends never.
    expect(days).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
      '2026-03-12',
    ]);
  });

  it('plans nothing before the first contract', () => {
    const days = plannedDaysFromContracts({
      versions: [v1],
      timeZone: 'Pacific/Auckland',
      from: '2026-02-23',
      through: '2026-03-03',
    });
    // 1 March 12:00 UTC is 2 March 01:00 in Auckland: Monday the 2nd had already begun.
    expect(days).toEqual(['2026-03-03']);
  });
});
