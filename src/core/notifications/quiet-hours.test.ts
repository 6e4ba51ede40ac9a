import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localClock } from './local-time.js';
import { deliverAt, validateQuietHours, type QuietHours } from './quiet-hours.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const night: QuietHours = { start: '22:00', end: '07:00' };
const when = (now: string, zone: string, quiet: QuietHours | null): string =>
  iso(deliverAt(at(now), zone, quiet));

describe('deliverAt', () => {
  it('delivers at once without quiet hours, or when start equals end', () => {
    expect(when('2026-06-10T21:30:00.000Z', 'Europe/Berlin', null)).toBe('2026-06-10T21:30:00.000Z');
    const none = { start: '22:00', end: '22:00' };
    expect(when('2026-06-10T20:30:00.000Z', 'Europe/Berlin', none)).toBe('2026-06-10T20:30:00.000Z');
  });

  it('holds a wrap-midnight window in Berlin until 07:00 local, start inclusive and end exclusive', () => {
    const zone = 'Europe/Berlin';
    expect(when('2026-06-10T19:59:59.999Z', zone, night)).toBe('2026-06-10T19:59:59.999Z'); // 21:59:59 CEST
    expect(when('2026-06-10T20:00:00.000Z', zone, night)).toBe('2026-06-11T05:00:00.000Z'); // 22:00
    expect(when('2026-06-10T21:30:00.000Z', zone, night)).toBe('2026-06-11T05:00:00.000Z'); // 23:30
    expect(when('2026-06-11T03:00:00.000Z', zone, night)).toBe('2026-06-11T05:00:00.000Z'); // 05:00
    expect(when('2026-06-11T05:00:00.000Z', zone, night)).toBe('2026-06-11T05:00:00.000Z'); // 07:00
    expect(when('2026-06-11T10:00:00.000Z', zone, night)).toBe('2026-06-11T10:00:00.000Z'); // noon
  });

  it('holds a window within one day (a siesta) until its end', () => {
    const siesta = { start: '13:00', end: '14:00' };
    expect(when('2026-01-10T12:30:00.000Z', 'Europe/Berlin', siesta)).toBe('2026-01-10T13:00:00.000Z');
    expect(when('2026-01-10T11:30:00.000Z', 'Europe/Berlin', siesta)).toBe('2026-01-10T11:30:00.000Z');
  });

  it('follows Los Angeles, west of UTC, where the local night spans two UTC dates', () => {
    const zone = 'America/Los_Angeles';
    const quiet = { start: '23:00', end: '06:00' };
    expect(when('2026-01-10T08:00:00.000Z', zone, quiet)).toBe('2026-01-10T14:00:00.000Z'); // 00:00 PST
    expect(when('2026-01-10T06:00:00.000Z', zone, quiet)).toBe('2026-01-10T06:00:00.000Z'); // 22:00 PST
  });

  it('follows Asia/Kolkata, a half-hour offset without DST', () => {
    expect(when('2026-01-15T17:00:00.000Z', 'Asia/Kolkata', night)).toBe('2026-01-16T01:30:00.000Z'); // 22:30 IST
    expect(when('2026-01-16T01:30:00.000Z', 'Asia/Kolkata', night)).toBe('2026-01-16T01:30:00.000Z');
  });

  it('follows Pacific/Auckland, east of UTC, in its summer', () => {
    expect(when('2026-01-15T10:00:00.000Z', 'Pacific/Auckland', night)).toBe('2026-01-15T18:00:00.000Z'); // 23:00 NZDT
  });

  describe('Berlin DST nights (last Sundays of March and October 2026)', () => {
    const zone = 'Europe/Berlin';

    it('spring forward: the night is an hour shorter and still ends at 07:00 local', () => {
      expect(when('2026-03-28T22:00:00.000Z', zone, night)).toBe('2026-03-29T05:00:00.000Z'); // 23:00 CET → 07:00 CEST
    });

    it('spring forward: an end time inside the gap ends at the first instant after it (03:00 CEST)', () => {
      const quiet = { start: '01:00', end: '02:30' };
      expect(when('2026-03-29T00:15:00.000Z', zone, quiet)).toBe('2026-03-29T01:00:00.000Z'); // 01:15 CET
      expect(when('2026-03-29T01:00:00.000Z', zone, quiet)).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    });

    it('fall back: the night is an hour longer and ends at 07:00 CET', () => {
      expect(when('2026-10-24T21:00:00.000Z', zone, night)).toBe('2026-10-25T06:00:00.000Z'); // 23:00 CEST
    });

    it('fall back: an end inside the repeated hour is its second occurrence', () => {
      const quiet = { start: '01:00', end: '02:30' };
      expect(when('2026-10-25T00:15:00.000Z', zone, quiet)).toBe('2026-10-25T01:30:00.000Z'); // 02:15 CEST
      expect(when('2026-10-25T00:45:00.000Z', zone, quiet)).toBe('2026-10-25T01:30:00.000Z'); // 02:45 CEST
      expect(when('2026-10-25T01:15:00.000Z', zone, quiet)).toBe('2026-10-25T01:30:00.000Z'); // 02:15 CET
      expect(when('2026-10-25T01:30:00.000Z', zone, quiet)).toBe('2026-10-25T01:30:00.000Z'); // 02:30 CET
    });

    it('fall back: a start inside the repeated hour is its first occurrence', () => {
      const quiet = { start: '02:30', end: '05:00' };
      expect(when('2026-10-25T00:29:00.000Z', zone, quiet)).toBe('2026-10-25T00:29:00.000Z'); // 02:29 CEST
      expect(when('2026-10-25T00:30:00.000Z', zone, quiet)).toBe('2026-10-25T04:00:00.000Z'); // 02:30 CEST
    });

    it('never answers an instant that is itself inside a window when nights overlap', () => {
      // 23½ hours of quiet: the night of the 24th ends at 02:00 CET, after the 25th's began at 02:30 CEST.
      const quiet = { start: '02:30', end: '02:00' };
      expect(when('2026-10-25T00:45:00.000Z', zone, quiet)).toBe('2026-10-26T01:00:00.000Z');
    });
  });

  describe('Auckland DST nights (first Sunday of April, last Sunday of September 2026)', () => {
    const zone = 'Pacific/Auckland';

    it('fall back on 5 April: 23:00 NZDT waits for 07:00 NZST', () => {
      expect(when('2026-04-04T10:00:00.000Z', zone, night)).toBe('2026-04-04T19:00:00.000Z');
    });

    it('spring forward on 27 September: 23:00 NZST waits for 07:00 NZDT', () => {
      expect(when('2026-09-26T11:00:00.000Z', zone, night)).toBe('2026-09-26T18:00:00.000Z');
    });

    it('spring forward: ends and starts inside the gap both become 03:00 NZDT', () => {
      expect(when('2026-09-26T13:30:00.000Z', zone, { start: '01:00', end: '02:30' })).toBe(
        '2026-09-26T14:00:00.000Z',
      );
      const late = { start: '02:15', end: '06:00' };
      expect(when('2026-09-26T13:59:00.000Z', zone, late)).toBe('2026-09-26T13:59:00.000Z'); // 01:59 NZST
      expect(when('2026-09-26T14:00:00.000Z', zone, late)).toBe('2026-09-26T17:00:00.000Z'); // 03:00 NZDT
    });

    it('fall back: an end inside the repeated hour is its second occurrence (NZST)', () => {
      expect(when('2026-04-04T12:30:00.000Z', zone, { start: '22:00', end: '02:30' })).toBe(
        '2026-04-04T14:30:00.000Z',
      );
    });
  });

  it('refuses malformed times and unknown zones', () => {
    expect(() => deliverAt(0, 'Europe/Berlin', { start: '7:00', end: '08:00' })).toThrow(/quietHours.start/);
    expect(() => deliverAt(0, 'Mars/Olympus', night)).toThrow(/IANA/);
  });

  const zones = [
    'Europe/Berlin',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Pacific/Auckland',
    'Australia/Lord_Howe', // a half-hour DST shift
    'America/Santiago', // changes at midnight
    'UTC',
  ];
  const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });
  const hhmm = (m: number): string =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const input = fc.record({
    now: fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z') }),
    zone: fc.constantFrom(...zones),
    start: minute,
    end: minute,
  });
  const inWindow = (minutes: number, start: number, end: number): boolean =>
    start < end ? start <= minutes && minutes < end : minutes >= start || minutes < end;

  it('never delivers early, inside quiet hours, or more than two days late', () => {
    fc.assert(
      fc.property(input, ({ now, zone, start, end }) => {
        const quiet = { start: hhmm(start), end: hhmm(end) };
        const result = deliverAt(now, zone, quiet);
        expect(result).toBeGreaterThanOrEqual(now);
        expect(result - now).toBeLessThanOrEqual(2 * 86_400_000);
        expect(deliverAt(result, zone, quiet)).toBe(result);
        if (start !== end && inWindow(localClock(now, zone).minutes, start, end)) {
          expect(result).toBeGreaterThan(now);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('in a zone without DST, holds exactly until the wall clock shows the end time', () => {
    fc.assert(
      fc.property(input, fc.constantFrom('Asia/Kolkata', 'UTC'), ({ now, start, end }, zone) => {
        fc.pre(start !== end);
        const local = localClock(now, zone).minutes;
        const waitMinutes = inWindow(local, start, end) ? (end - local + 1440) % 1440 : 0;
        const floorToMinute = now - (now % 60_000);
        const expected = waitMinutes === 0 ? now : floorToMinute + waitMinutes * 60_000;
        expect(deliverAt(now, zone, { start: hhmm(start), end: hhmm(end) })).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateQuietHours', () => {
  it('accepts HH:MM windows, wrapping or not, and the empty window', () => {
    expect(validateQuietHours(night)).toEqual([]);
    expect(validateQuietHours({ start: '00:00', end: '23:59' })).toEqual([]);
    expect(validateQuietHours({ start: '09:00', end: '09:00' })).toEqual([]);
  });

  it('names each malformed end', () => {
    expect(validateQuietHours({ start: '24:00', end: '7:00' })).toEqual([
      { path: 'start', message: expect.stringContaining('"24:00"') },
      { path: 'end', message: expect.stringContaining('"7:00"') },
    ]);
    expect(validateQuietHours({ start: '22:60', end: '07:00 ' }).map((issue) => issue.path)).toEqual([
      'start',
      'end',
    ]);
    expect(validateQuietHours({ start: 2200, end: null } as unknown as QuietHours)).toHaveLength(2);
  });
});
