import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filesOf, lookupFile, ownedLines, stateOf, writeFile } from './line-ownership.js';
import { OwnershipWalk } from './ownership-walk.js';
import { PathMap } from './path-map.js';

describe('PathMap', () => {
  it('behaves like two independent Maps after a fork, whatever is written to either', () => {
    const op = fc.tuple(fc.boolean(), fc.boolean(), fc.constantFrom('a', 'b', 'c', 'src/d.ts'), fc.integer());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.integer({ min: 0, max: 30 }), (ops, forkAt) => {
        let maps: PathMap<number>[] = [new PathMap()];
        let models: Map<string, number>[] = [new Map()];
        ops.forEach(([second, remove, key, value], i) => {
          if (i === forkAt) {
            maps = [maps[0]!, maps[0]!.fork()];
            models = [models[0]!, new Map(models[0])];
          }
          const at = second && maps.length > 1 ? 1 : 0;
          if (remove) {
            maps[at]!.delete(key);
            models[at]!.delete(key);
          } else {
            maps[at]!.set(key, value);
            models[at]!.set(key, value);
          }
        });
        maps.forEach((map, i) => {
          expect(new Map(map.entries())).toEqual(models[i]);
          expect(map.size).toBe(models[i]!.size);
        });
      }),
    );
  });
});

describe('OwnershipWalk', () => {
  // 0 ← 1 ← 3, 0 ← 2 ← 3: a fork at 0 and a merge at 3.
  const parents = [[], [0], [0], [1, 2]];

  it('forks for the first child of a branch point, lets the last child take it, and drops finished states', () => {
    const walk = new OwnershipWalk({ parents, keep: [3] });
    const root = walk.begin(0).state;
    writeFile(root, 'a', ownedLines(0, 1));
    walk.finish(0, root);
    const first = walk.begin(1);
    expect(first.state).not.toBe(root);
    writeFile(first.state, 'a', ownedLines(1, 1));
    walk.finish(1, first.state);
    const second = walk.begin(2);
    expect(second.state).toBe(root);
    expect(lookupFile(second.state, 'a')).toEqual(ownedLines(0, 1));
    walk.finish(2, second.state);
    expect(walk.held).toBe(2);
    const merge = walk.begin(3);
    expect(merge.parents).toEqual([first.state, second.state]);
    walk.finish(3, merge.state);
    expect(walk.held).toBe(1);
    expect([...filesOf(walk.stateAt(3)).keys()]).toEqual(['a']);
  });

  it('starts from provided boundary states and never writes into a kept one', () => {
    const walk = new OwnershipWalk({ parents: [[1]], keep: [1] });
    const snapshot = stateOf([['a', ownedLines(5, 1)]]);
    walk.provide(1, snapshot);
    const next = walk.begin(0);
    expect(next.state).not.toBe(snapshot);
    expect(() => new OwnershipWalk({ parents: [[1]], keep: [] }).begin(0)).toThrow(/no state/);
  });
});
