import fc from 'fast-check';
import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { digestText, nextDigestAt } from './digest.js';
import { localClock } from './local-time.js';

const at = (iso: string): number => Date.parse(iso);
const next = (after: string, zone: string, time: string): string =>
  new Date(nextDigestAt(at(after), zone, time)).toISOString();

describe('nextDigestAt', () => {
  it('answers today when the time is still ahead, else tomorrow; strictly after', () => {
    expect(next('2026-06-10T05:00:00.000Z', 'Europe/Berlin', '08:00')).toBe('2026-06-10T06:00:00.000Z');
    expect(next('2026-06-10T06:00:00.000Z', 'Europe/Berlin', '08:00')).toBe('2026-06-11T06:00:00.000Z');
    expect(next('2026-06-10T05:59:59.999Z', 'Europe/Berlin', '08:00')).toBe('2026-06-10T06:00:00.000Z');
  });

  it('follows zones on both sides of UTC and half-hour offsets', () => {
    expect(next('2026-01-15T04:00:00.000Z', 'Asia/Kolkata', '09:00')).toBe('2026-01-16T03:30:00.000Z');
    expect(next('2026-01-15T12:00:00.000Z', 'America/Los_Angeles', '18:00')).toBe('2026-01-16T02:00:00.000Z');
    expect(next('2026-01-15T12:00:00.000Z', 'Pacific/Auckland', '07:30')).toBe('2026-01-15T18:30:00.000Z');
  });

  it('keeps the local time across DST changes (23- and 25-hour days)', () => {
    expect(next('2026-03-28T07:00:00.000Z', 'Europe/Berlin', '08:00')).toBe('2026-03-29T06:00:00.000Z');
    expect(next('2026-10-24T06:00:00.000Z', 'Europe/Berlin', '08:00')).toBe('2026-10-25T07:00:00.000Z');
    expect(next('2026-04-04T19:00:00.000Z', 'Pacific/Auckland', '08:00')).toBe('2026-04-04T20:00:00.000Z');
    expect(next('2026-09-26T19:00:00.000Z', 'Pacific/Auckland', '08:00')).toBe('2026-09-27T19:00:00.000Z');
    expect(next('2026-03-08T00:00:00.000Z', 'America/Los_Angeles', '09:00')).toBe('2026-03-08T16:00:00.000Z');
  });

  it('takes a time skipped by spring-forward as the first instant after the gap', () => {
    expect(next('2026-03-28T01:30:00.000Z', 'Europe/Berlin', '02:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(next('2026-09-25T14:30:00.000Z', 'Pacific/Auckland', '02:30')).toBe('2026-09-26T14:00:00.000Z');
  });

  it('sends once on a fall-back day: the first occurrence of a repeated time', () => {
    expect(next('2026-10-24T00:30:00.000Z', 'Europe/Berlin', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(next('2026-10-25T00:30:00.000Z', 'Europe/Berlin', '02:30')).toBe('2026-10-26T01:30:00.000Z');
  });

  it('refuses malformed times and zones', () => {
    expect(() => nextDigestAt(0, 'Europe/Berlin', '8:00')).toThrow(/digestTime/);
    expect(() => nextDigestAt(0, 'CEST', '08:00')).toThrow(/IANA/);
  });

  it('is the next instant showing that time, within a day and an hour, stable just before it', () => {
    const zones = [
      'Europe/Berlin',
      'America/Los_Angeles',
      'Pacific/Auckland',
      'Australia/Lord_Howe',
      'America/Santiago',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z') }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 1439 }),
        (after, zone, minutes) => {
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const result = nextDigestAt(after, zone, time);
          expect(result).toBeGreaterThan(after);
          expect(result - after).toBeLessThanOrEqual(25 * 3_600_000);
          expect(nextDigestAt(result - 1, zone, time)).toBe(result);
          const shown = localClock(result, zone).minutes;
          // Either the wall clock shows the time, or the time was skipped and this is the transition.
          if (shown !== minutes) {
            expect(tzOffset(zone, new Date(result - 1))).toBeLessThan(tzOffset(zone, new Date(result)));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('digestText', () => {
  it('groups by project in name order, the project-less last, times local and oldest first', () => {
    const { subject, text } = digestText(
      [
        {
          title: 'Day closed: skipped',
          body: 'No check-in on Monday.',
          at: '2026-04-14T07:30:00Z',
          projectName: 'Zeppelin',
        },
        {
          title: 'Checkpoint approved',
          body: 'Ada approved "Beta".\nWell done.',
          at: '2026-04-13T16:05:00Z',
          projectName: 'Apollo',
        },
        { title: 'Invitation accepted', body: '', at: '2026-04-13T09:00:00Z' },
        {
          title: 'Checkpoint submitted',
          body: 'Proof attached.',
          at: '2026-04-13T08:00:00Z',
          projectName: 'Apollo',
        },
      ],
      'Europe/Berlin',
    );
    expect(subject).toBe('Recital digest: 4 updates');
    expect(text).toBe(
      [
        '4 updates since your last digest.',
        '',
        'Apollo',
        '------',
        'Mon 13 Apr 10:00  Checkpoint submitted',
        '    Proof attached.',
        'Mon 13 Apr 18:05  Checkpoint approved',
        '    Ada approved "Beta".',
        '    Well done.',
        '',
        'Zeppelin',
        '--------',
        'Tue 14 Apr 09:30  Day closed: skipped',
        '    No check-in on Monday.',
        '',
        'Other',
        '-----',
        'Mon 13 Apr 11:00  Invitation accepted',
        '',
        'Times are in Europe/Berlin.',
        '',
      ].join('\n'),
    );
  });

  it('shows the same instants on the reader’s clock in another zone', () => {
    const { text } = digestText(
      [{ title: 'T', body: 'B', at: '2026-04-14T07:30:00Z', projectName: 'P' }],
      'America/Los_Angeles',
    );
    expect(text).toContain('Tue 14 Apr 00:30  T');
    expect(text).toContain('Times are in America/Los_Angeles.');
  });

  it('names a single project in the subject and keeps header-breaking characters out of it', () => {
    const { subject } = digestText(
      [{ title: 'T', body: '', at: '2026-04-14T07:30:00Z', projectName: 'Apollo\r\nBcc: x@y' }],
      'UTC',
    );
    expect(subject).toBe('Recital digest: 1 update in Apollo Bcc: x@y');
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('says so when there is nothing, and refuses instants it cannot read', () => {
    expect(digestText([], 'UTC').subject).toBe('Recital digest: nothing new');
    expect(() => digestText([{ title: 'T', body: '', at: 'yesterday' }], 'UTC')).toThrow(/yesterday/);
  });
});
