import { describe, expect, it } from 'vitest';
import { parseMergeRaw } from './merge-raw-parser.js';
import { followCandidates, pairingOfPatch } from './ownership-follow.js';

const M = 'e'.repeat(40);
const N = 'f'.repeat(40);
const P1 = '1'.repeat(40);
const P2 = '2'.repeat(40);
const X = 'a'.repeat(40);
const Y = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('parseMergeRaw', () => {
  it('reads each parent’s raw diff of a merge, renames with both paths, and a merge with no diff', () => {
    const output = [
      `${M} (from ${P1}) Merge branch 'side'`,
      `:100644 100644 ${X} ${Y} M`,
      'story.txt',
      `:100644 100644 ${X} ${X} R100`,
      'old name.txt',
      `${'d'.repeat(40)}`, // a path that looks like a SHA
      `${M} (from ${P2}) Merge branch 'side'`,
      `:000000 100644 ${Z} ${Y} A`,
      'new.txt',
      `:100644 000000 ${X} ${Z} D`,
      'gone.txt',
      `${N} Merge branch 'identical'`,
      '',
    ].join('\0');
    const [first, second] = parseMergeRaw(output);
    expect(first?.sha).toBe(M);
    expect(first?.byParent.get(P1)).toEqual([
      { status: 'M', srcBlob: X, dstBlob: Y, srcPath: 'story.txt', dstPath: 'story.txt' },
      { status: 'R', srcBlob: X, dstBlob: X, srcPath: 'old name.txt', dstPath: 'd'.repeat(40) },
    ]);
    expect(first?.byParent.get(P2)).toEqual([
      { status: 'A', srcBlob: Z, dstBlob: Y, srcPath: null, dstPath: 'new.txt' },
      { status: 'D', srcBlob: X, dstBlob: Z, srcPath: 'gone.txt', dstPath: null },
    ]);
    expect(second).toEqual({ sha: N, byParent: new Map() });
  });

  it('refuses what it cannot read', () => {
    expect(() => parseMergeRaw(`:100644 100644 ${X} ${Y} M\0x\0`)).toThrow(/before any parent/);
    expect(() => parseMergeRaw(`${M} (from ${P1}) s\0:100644 100644 ${X} ${Y} R90\0only-one\0`)).toThrow(
      /inside an entry/,
    );
    expect(() => parseMergeRaw('what is this\0')).toThrow(/unexpected/);
  });
});

describe('followCandidates', () => {
  it('asks again for new files that are not exact renames when two or more appear and something went', () => {
    expect(
      followCandidates([
        { gone: 'big.txt', appeared: 'big-a.txt', exact: true },
        { gone: null, appeared: 'big-b.txt', exact: false },
      ]),
    ).toEqual({ destinations: ['big-b.txt'], sources: ['big.txt'] });
  });

  it('asks nothing when log and blame cannot pair differently', () => {
    const one = followCandidates([
      { gone: 'a', appeared: null, exact: false },
      { gone: null, appeared: 'b', exact: false },
    ]);
    expect(one.destinations).toEqual([]);
    const nothingGone = followCandidates([
      { gone: null, appeared: 'a', exact: false },
      { gone: null, appeared: 'b', exact: false },
    ]);
    expect(nothingGone.destinations).toEqual([]);
  });

  it('reads pairing from patches: a rename without hunks is exact, a copy leaves its source', () => {
    const base = { binary: false, hunks: [] as number[] };
    expect(pairingOfPatch({ ...base, status: 'renamed', oldPath: 'a', newPath: 'b' })).toEqual({
      gone: 'a',
      appeared: 'b',
      exact: true,
    });
    expect(
      pairingOfPatch({ ...base, status: 'copied', oldPath: 'a', newPath: 'b', hunks: [1, 1, 1, 1] }),
    ).toEqual({
      gone: null,
      appeared: 'b',
      exact: false,
    });
    expect(pairingOfPatch({ ...base, status: 'deleted', oldPath: 'a', newPath: null })).toEqual({
      gone: 'a',
      appeared: null,
      exact: false,
    });
  });
});
