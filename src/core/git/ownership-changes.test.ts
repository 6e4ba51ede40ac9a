import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OPAQUE_FILE,
  emptyState,
  lookupFile,
  ownedLines,
  writeFile,
  type OwnershipState,
} from './line-ownership.js';
import { applyChanges, planMergeFile, unloadedReads, type ParentSide } from './ownership-changes.js';
import { diffOf } from './ownership-testing.js';

const M = (identical = false): ParentSide => ({ status: 'M', identical });
const R = (srcPath: string, identical = false): ParentSide => ({ status: 'R', srcPath, identical });

describe('planMergeFile follows blame’s pass over a merge’s parents', () => {
  it('hands a file whole to the first parent whose content is identical, even after another origin', () => {
    expect(planMergeFile('a', [M(), { status: 'same' }])).toEqual({ kind: 'whole', parent: 1, from: 'a' });
    expect(planMergeFile('a', [M(true), M()])).toEqual({ kind: 'whole', parent: 0, from: 'a' });
  });

  it('looks at the same path in every parent before any rename', () => {
    expect(planMergeFile('a', [R('x', true), { status: 'same' }])).toEqual({
      kind: 'whole',
      parent: 1,
      from: 'a',
    });
    expect(planMergeFile('a', [{ status: 'A' }, R('x', true)])).toEqual({
      kind: 'whole',
      parent: 1,
      from: 'x',
    });
  });

  it('otherwise diffs against each parent that has an origin; added and type-changed files have none', () => {
    expect(planMergeFile('a', [M(), M()])).toEqual({ kind: 'lines', origins: ['a', 'a'] });
    expect(planMergeFile('a', [{ status: 'A' }, R('x')])).toEqual({ kind: 'lines', origins: [null, 'x'] });
    expect(planMergeFile('a', [{ status: 'T' }, { status: 'A' }])).toEqual({
      kind: 'lines',
      origins: [null, null],
    });
  });
});

function stateWith(files: Record<string, Int32Array | typeof OPAQUE_FILE>): OwnershipState {
  const state = emptyState();
  for (const [path, entry] of Object.entries(files)) writeFile(state, path, entry);
  return state;
}

const lineLists = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 12 });

describe('applyChanges', () => {
  it('gives each merge line to the first parent it is unchanged against, else to the merge', () => {
    fc.assert(
      fc.property(lineLists, lineLists, lineLists, (first, second, merged) => {
        const p1 = stateWith({ f: Int32Array.from(first.flatMap((_, i) => [10, i + 1])) });
        const p2 = stateWith({ f: Int32Array.from(second.flatMap((_, i) => [20, i + 1])) });
        const d1 = diffOf(first, merged);
        const d2 = diffOf(second, merged);
        const state = stateWith({});
        const sources = [
          { parent: 0, from: 'f', binary: false, hunks: d1.hunks },
          { parent: 1, from: 'f', binary: false, hunks: d2.hunks },
        ];
        applyChanges({
          state,
          commit: 30,
          parents: [p1, p2],
          changes: [{ kind: 'lines', path: 'f', sources }],
        });
        const expected = merged.flatMap((_, j) => {
          const [a = -1, b = -1] = [d1.match[j], d2.match[j]];
          if (a !== -1) return [10, a + 1];
          return b !== -1 ? [20, b + 1] : [30, j + 1];
        });
        expect([...(lookupFile(state, 'f') as Int32Array)]).toEqual(expected);
      }),
    );
  });

  it('reads every file from the parents before writing: a rename plus a new file at the old path', () => {
    const state = stateWith({ old: ownedLines(1, 2) });
    applyChanges({
      state,
      commit: 2,
      parents: [state],
      changes: [
        { kind: 'delete', path: 'old' },
        { kind: 'lines', path: 'new', sources: [{ parent: 0, from: 'old', binary: false, hunks: [] }] },
        {
          kind: 'lines',
          path: 'old',
          sources: [{ parent: 0, from: null, binary: false, hunks: [0, 0, 1, 1] }],
        },
      ],
    });
    expect(lookupFile(state, 'new')).toEqual(ownedLines(1, 2));
    expect(lookupFile(state, 'old')).toEqual(ownedLines(2, 1));
  });

  it('leaves lines unknown when a diff is binary or a parent file is unknown or missing', () => {
    const parent = stateWith({ bin: OPAQUE_FILE, text: ownedLines(1, 1) });
    const state = stateWith({});
    const source = (from: string, binary = false) => [{ parent: 0, from, binary, hunks: [] }];
    applyChanges({
      state,
      commit: 2,
      parents: [parent],
      changes: [
        { kind: 'lines', path: 'a', sources: source('bin') },
        { kind: 'lines', path: 'b', sources: source('text', true) },
        { kind: 'lines', path: 'c', sources: source('missing') },
        { kind: 'whole', path: 'd', parent: 0, from: 'text' },
      ],
    });
    expect(['a', 'b', 'c'].map((path) => lookupFile(state, path))).toEqual([
      OPAQUE_FILE,
      OPAQUE_FILE,
      OPAQUE_FILE,
    ]);
    expect(lookupFile(state, 'd')).toBe(lookupFile(parent, 'text'));
  });

  it('lists the base files it would read that nobody loaded', () => {
    const base = { commit: 'b', files: new Map([['known', null]]) };
    const parent: OwnershipState = { ...emptyState(), base };
    const reads = unloadedReads(
      [parent],
      [
        { kind: 'whole', path: 'x', parent: 0, from: 'wanted' },
        { kind: 'lines', path: 'y', sources: [{ parent: 0, from: 'known', binary: false, hunks: [] }] },
      ],
    );
    expect(reads).toEqual([{ base, path: 'wanted' }]);
  });
});
