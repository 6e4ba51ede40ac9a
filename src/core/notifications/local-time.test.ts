import { describe, expect, it } from 'vitest';
import { instantsAt, localClock, minutesOfTime } from './local-time.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const both = (date: string, time: string, zone: string): [string, string] => {
  const { earlier, later } = instantsAt(date, minutesOfTime(time) ?? Number.NaN, zone);
  return [iso(earlier), iso(later)];
};

describe('minutesOfTime', () => {
  it('reads 00:00–23:59 and nothing else', () => {
    expect(minutesOfTime('00:00')).toBe(0);
    expect(minutesOfTime('07:30')).toBe(450);
    expect(minutesOfTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:30', '07:60', '07:30:00', ' 07:30', ''])
      expect(minutesOfTime(bad)).toBeNull();
  });
});

describe('instantsAt', () => {
  it('is one instant on an ordinary day', () => {
    expect(both('2026-06-10', '08:00', 'Europe/Berlin')).toEqual([
      '2026-06-10T06:00:00.000Z',
      '2026-06-10T06:00:00.000Z',
    ]);
    expect(both('2026-06-10', '08:00', 'Asia/Kolkata')).toEqual([
      '2026-06-10T02:30:00.000Z',
      '2026-06-10T02:30:00.000Z',
    ]);
  });

  it('is the end of the gap for a skipped time, to the millisecond', () => {
    expect(both('2026-03-29', '02:30', 'Europe/Berlin')).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ]);
    expect(both('2026-03-08', '02:00', 'America/Los_Angeles')).toEqual([
      '2026-03-08T10:00:00.000Z',
      '2026-03-08T10:00:00.000Z',
    ]);
    // Lord Howe moves its clock by half an hour: 02:00 → 02:30.
    expect(both('2026-10-04', '02:15', 'Australia/Lord_Howe')).toEqual([
      '2026-10-03T15:30:00.000Z',
      '2026-10-03T15:30:00.000Z',
    ]);
  });

  it('is two instants an hour apart for a repeated time', () => {
    expect(both('2026-10-25', '02:30', 'Europe/Berlin')).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    expect(both('2026-04-05', '02:30', 'Pacific/Auckland')).toEqual([
      '2026-04-04T13:30:00.000Z',
      '2026-04-04T14:30:00.000Z',
    ]);
  });
});

describe('localClock', () => {
  it('reads the local date and minutes after midnight', () => {
    expect(localClock(Date.parse('2026-03-29T21:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-03-29',
      minutes: 23 * 60 + 30,
    });
    expect(localClock(Date.parse('2026-01-15T20:00:00Z'), 'Pacific/Auckland')).toEqual({
      date: '2026-01-16',
      minutes: 9 * 60,
    });
    expect(localClock(Date.parse('2026-01-15T04:00:00Z'), 'America/Los_Angeles')).toEqual({
      date: '2026-01-14',
      minutes: 20 * 60,
    });
  });
});
