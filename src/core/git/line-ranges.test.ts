import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countLines,
  mergeRanges,
  paintRange,
  parseLineRanges,
  rangesContain,
  type OwnedRange,
} from './line-ranges.js';

describe('parseLineRanges', () => {
  it('reads singles, ranges and lists', () => {
    expect(parseLineRanges('42')).toEqual([{ start: 42, end: 42 }]);
    expect(parseLineRanges('1-4,9-10,12')).toEqual([
      { start: 1, end: 4 },
      { start: 9, end: 10 },
      { start: 12, end: 12 },
    ]);
  });

  it.each(['', '0', '3-1', '1,,2', '1 - 3', 'a-b', '-1', '1-', '1-2-3', '99999999999999999999'])(
    'refuses %j',
    (spec) => {
      expect(parseLineRanges(spec)).toBeNull();
    },
  );
});

describe('mergeRanges and rangesContain', () => {
  it('joins overlapping and adjacent ranges', () => {
    expect(
      mergeRanges([
        { start: 10, end: 12 },
        { start: 1, end: 3 },
        { start: 4, end: 5 },
        { start: 11, end: 20 },
      ]),
    ).toEqual([
      { start: 1, end: 5 },
      { start: 10, end: 20 },
    ]);
    expect(
      countLines([
        { start: 1, end: 5 },
        { start: 3, end: 6 },
      ]),
    ).toBe(6);
  });

  it('agrees with a plain set for any ranges', () => {
    const range = fc
      .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 10 }))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), fc.integer({ min: 0, max: 80 }), (ranges, line) => {
        const inSet = ranges.some((r) => line >= r.start && line <= r.end);
        const merged = mergeRanges(ranges);
        expect(rangesContain(merged, line)).toBe(inSet);
        merged.forEach((r, i) => i > 0 && expect(r.start).toBeGreaterThan(merged[i - 1]!.end + 1));
      }),
    );
  });
});

describe('paintRange', () => {
  it('lets the later owner win the overlap and splits the earlier one', () => {
    let segments: OwnedRange[] = [];
    segments = paintRange(segments, { start: 1, end: 10, owner: 'a' });
    segments = paintRange(segments, { start: 4, end: 6, owner: 'h' });
    segments = paintRange(segments, { start: 11, end: 12, owner: 'a' });
    expect(segments).toEqual([
      { start: 1, end: 3, owner: 'a' },
      { start: 4, end: 6, owner: 'h' },
      { start: 7, end: 12, owner: 'a' },
    ]);
  });

  it('matches painting line by line', () => {
    const paint = fc.record({
      start: fc.integer({ min: 1, max: 30 }),
      length: fc.integer({ min: 0, max: 8 }),
      owner: fc.constantFrom('a', 'b', 'h'),
    });
    fc.assert(
      fc.property(fc.array(paint, { maxLength: 10 }), (paints) => {
        const byLine = new Map<number, string>();
        let segments: OwnedRange[] = [];
        for (const { start, length, owner } of paints) {
          for (let line = start; line <= start + length; line++) byLine.set(line, owner);
          segments = paintRange(segments, { start, end: start + length, owner });
        }
        const painted = new Map<number, string>();
        for (const s of segments) for (let line = s.start; line <= s.end; line++) painted.set(line, s.owner);
        expect(painted).toEqual(byLine);
      }),
    );
  });
});
