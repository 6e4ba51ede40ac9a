import { describe, expect, it } from 'vitest';
import { addLocalDays, buildCalendar, endOfLocalDay, localDaysBetween } from './calendar.js';
import { ScheduleInputError } from './schedule.model.js';
import { DAY_JOB } from './testing.js';

describe('endOfLocalDay', () => {
  it.each([
    // Europe/Berlin: spring forward Sun 2026-03-29 02:00 → 03:00 (a 23-hour day), fall back Sun 2026-10-25.
    ['Europe/Berlin', '2026-03-28', '2026-03-28T23:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '2026-03-29T22:00:00.000Z'],
    ['Europe/Berlin', '2026-03-30', '2026-03-30T22:00:00.000Z'],
    ['Europe/Berlin', '2026-10-24', '2026-10-24T22:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '2026-10-25T23:00:00.000Z'],
    // America/Los_Angeles: spring forward Sun 2026-03-08, fall back Sun 2026-11-01.
    ['America/Los_Angeles', '2026-03-07', '2026-03-08T08:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-08', '2026-03-09T07:00:00.000Z'],
    ['America/Los_Angeles', '2026-10-31', '2026-11-01T07:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-01', '2026-11-02T08:00:00.000Z'],
    // Asia/Kolkata: +05:30 all year.
    ['Asia/Kolkata', '2026-03-29', '2026-03-29T18:30:00.000Z'],
    ['Asia/Kolkata', '2026-12-31', '2026-12-31T18:30:00.000Z'],
    // Pacific/Auckland (southern hemisphere): DST ends Sun 2026-04-05, starts Sun 2026-09-27.
    ['Pacific/Auckland', '2026-04-04', '2026-04-04T11:00:00.000Z'],
    ['Pacific/Auckland', '2026-04-05', '2026-04-05T12:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-26', '2026-09-26T12:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-27', '2026-09-27T11:00:00.000Z'],
    // America/Santiago skips midnight itself on 2026-09-06: the day starts at 01:00 -03.
    ['America/Santiago', '2026-09-05', '2026-09-06T04:00:00.000Z'],
    ['America/Santiago', '2026-09-06', '2026-09-07T03:00:00.000Z'],
    // Across a year end.
    ['Europe/Berlin', '2026-12-31', '2026-12-31T23:00:00.000Z'],
  ])('%s %s ends at %s', (timeZone, date, instant) => {
    expect(endOfLocalDay(date, timeZone)).toBe(instant);
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-3-1', '26-03-01', '2026-03-01T00:00', '']) {
      expect(() => endOfLocalDay(bad, 'Europe/Berlin'), bad).toThrow(ScheduleInputError);
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds and counts days across month, leap and year ends', () => {
    expect(addLocalDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addLocalDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLocalDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(localDaysBetween('2026-03-02', '2027-03-01')).toBe(364);
    expect(localDaysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('gives each day its weekday minutes, and none on days off', () => {
    const calendar = buildCalendar({ ...DAY_JOB, daysOff: ['2026-03-04'] }, 8);
    // Mon 2 .. Mon 9 March 2026
    expect([...calendar.capacity]).toEqual([120, 120, 0, 120, 120, 360, 0, 120]);
    expect(calendar.dateOf(7)).toBe('2026-03-09');
    expect(calendar.weeklyMinutes).toBe(960);
    expect(calendar.minutesOnDay(12)).toBe(360); // Saturday 14 March, past the horizon
  });

  it('refuses minutes outside 0–1440', () => {
    const minutesPerWeekday = { ...DAY_JOB.minutesPerWeekday, sat: 1441 };
    expect(() => buildCalendar({ ...DAY_JOB, minutesPerWeekday }, 7)).toThrow(/sat/);
  });
});
