import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OPAQUE_FILE,
  applyHunks,
  baseState,
  deleteFile,
  emptyState,
  filesOf,
  forkState,
  lookupFile,
  needsLoad,
  ownedLines,
  splitLines,
  writeFile,
  UnloadedBaseFile,
} from './line-ownership.js';
import { diffOf } from './ownership-testing.js';

const lineLists = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 14 });

describe('applyHunks', () => {
  it('keeps the owner of every line the diff leaves unchanged and gives the others to the commit', () => {
    fc.assert(
      fc.property(lineLists, lineLists, (old, next) => {
        const before = Int32Array.from(old.flatMap((_, i) => [100 + i, 1000 + i]));
        const { hunks, match } = diffOf(old, next);
        const after = applyHunks(before, hunks, 7);
        const expected = next.flatMap((_, j) => {
          const from = match[j] ?? -1;
          return from === -1 ? [7, j + 1] : [100 + from, 1000 + from];
        });
        expect([...after]).toEqual(expected);
      }),
    );
  });

  it('reads git’s numbering: an empty side names the line before the change', () => {
    // Insert two lines after line 1, delete line 3 of the old file.
    expect([...applyHunks(ownedLines(0, 3), [1, 0, 2, 2, 3, 1, 4, 0], 5)]).toEqual([0, 1, 5, 2, 5, 3, 0, 2]);
  });

  it('splits pairs into owners and original lines', () => {
    expect(splitLines(Int32Array.from([3, 7, 4, 1]))).toEqual({
      owners: Int32Array.from([3, 4]),
      origLines: Int32Array.from([7, 1]),
    });
  });

  it('refuses hunks that do not fit the file', () => {
    expect(() => applyHunks(ownedLines(0, 2), [3, 1, 3, 1], 1)).toThrow(/does not fit/);
    expect(() => applyHunks(ownedLines(0, 2), [1, 1, 2, 1], 1)).toThrow(/does not fit/);
  });
});

describe('ownership states', () => {
  it('forks share files without seeing each other’s writes', () => {
    const parent = emptyState();
    writeFile(parent, 'a', ownedLines(0, 1));
    const child = forkState(parent);
    writeFile(child, 'a', ownedLines(1, 1));
    deleteFile(child, 'b');
    writeFile(parent, 'c', OPAQUE_FILE);
    expect(lookupFile(parent, 'a')).toEqual(ownedLines(0, 1));
    expect([...filesOf(child).keys()]).toEqual(['a']);
    expect(filesOf(parent).get('c')).toBe(OPAQUE_FILE);
  });

  it('falls through to a base for paths it never wrote, and only once they are loaded', () => {
    const base = { commit: 'f00', files: new Map() };
    const state = baseState(base);
    expect(needsLoad(state, 'x')).toBe(true);
    expect(() => lookupFile(state, 'x')).toThrow(UnloadedBaseFile);
    base.files.set('x', ownedLines(-1, 2));
    base.files.set('gone', null);
    expect(lookupFile(state, 'x')).toEqual(ownedLines(-1, 2));
    expect(lookupFile(state, 'gone')).toBeUndefined();
    deleteFile(state, 'x');
    expect(lookupFile(state, 'x')).toBeUndefined();
    expect(() => filesOf(state)).toThrow(/depends on f00/);
  });
});
