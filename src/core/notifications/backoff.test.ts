import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, MAX_ATTEMPTS, nextAttempt, retryDelayMs } from './backoff.js';

/** The largest number below 1 that Math.random can return. */
const almostOne = 1 - 2 ** -53;

describe('retryDelayMs', () => {
  it('draws uniformly below a cap that doubles from 30 s to one hour', () => {
    const caps = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempt) => retryDelayMs(attempt, () => almostOne));
    expect(caps).toEqual([
      29_999, 59_999, 119_999, 239_999, 479_999, 959_999, 1_919_999, 3_599_999, 3_599_999,
    ]);
    expect(retryDelayMs(3, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(1, () => 0)).toBe(0);
  });

  it('takes another policy', () => {
    expect(retryDelayMs(4, () => 0.5, { baseMs: 1_000, maxMs: 5_000 })).toBe(2_500);
  });

  it('stays within [0, cap) even for a random source that misbehaves, and for huge attempts', () => {
    expect(retryDelayMs(2, () => 1)).toBeLessThan(60_000);
    expect(retryDelayMs(2, () => -3)).toBe(0);
    expect(retryDelayMs(2, () => Number.NaN)).toBe(0);
    expect(retryDelayMs(5_000, () => 0.5)).toBe(1_800_000);
  });

  it('refuses attempts that are not whole numbers from 1', () => {
    for (const attempt of [0, -1, 1.5, Number.NaN])
      expect(() => retryDelayMs(attempt, () => 0.5)).toThrow(RangeError);
  });

  it('is a whole number of milliseconds within the cap for every draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, draw) => {
          const delay = retryDelayMs(attempt, () => draw);
          const cap = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1));
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(cap);
        },
      ),
    );
  });
});

describe('nextAttempt', () => {
  const nowMs = Date.parse('2026-06-10T12:00:00Z');

  it('retries after the first failures, the delay drawn from the attempt count', () => {
    expect(nextAttempt({ attempts: 1, nowMs, random: () => 0.5 })).toEqual({
      kind: 'retry',
      atMs: nowMs + 15_000,
    });
    expect(nextAttempt({ attempts: 7, nowMs, random: () => 0.5 })).toEqual({
      kind: 'retry',
      atMs: nowMs + 960_000,
    });
  });

  it(`gives up once ${MAX_ATTEMPTS} attempts have failed`, () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextAttempt({ attempts: 8, nowMs, random: () => 0.5 })).toEqual({ kind: 'give_up' });
    expect(nextAttempt({ attempts: 9, nowMs, random: () => 0.5 })).toEqual({ kind: 'give_up' });
  });

  it('spreads the seven retries over at most 63½ minutes in all', () => {
    let total = 0;
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
      const next = nextAttempt({ attempts, nowMs: 0, random: () => almostOne });
      if (next.kind === 'retry') total += next.atMs;
    }
    expect(total).toBeLessThan(3_810_000);
  });
});
