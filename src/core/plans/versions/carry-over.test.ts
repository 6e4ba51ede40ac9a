import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryOver } from './carry-over.js';
import { matchTasks } from './match-tasks.js';
import { planAndRegeneration } from './versions.arbitraries.js';
import { task } from './versions.fixtures.js';

describe('carryOver', () => {
  it("keeps the builder's progress and the stable ids when the regenerated file says todo", () => {
    const previous = [
      task('a1', 'Set up repo', { status: 'done' }),
      task('a2', 'Write API', { status: 'in_progress' }),
      task('a3', 'Old spike', { status: 'cancelled' }),
      task('a4', 'Deploy'),
    ];
    const next = [
      task('b1', 'Set up repo'),
      task('b2', 'Write API'),
      task('b3', 'Old spike'),
      task('b4', 'Deploy', { status: 'done' }),
    ];
    const carried = carryOver(previous, next, matchTasks(previous, next));
    expect(carried.map((t) => [t.id, t.status])).toEqual([
      ['a1', 'done'],
      ['a2', 'in_progress'],
      ['a3', 'cancelled'],
      ['a4', 'done'],
    ]);
  });

  it('takes content from the new file and rewrites parents and dependencies to the carried ids', () => {
    const previous = [task('a1', 'Backend'), task('a2', 'Schema', { parentId: 'a1', estimateMinutes: 60 })];
    const next = [
      task('b1', 'Schema', { parentId: 'b2', dependsOn: ['b3', 'zz'], estimateMinutes: 120 }),
      task('b2', 'Backend'),
      task('b3', 'Pick a database'),
    ];
    expect(carryOver(previous, next, matchTasks(previous, next))).toEqual([
      task('a2', 'Schema', { parentId: 'a1', dependsOn: ['b3', 'zz'], estimateMinutes: 120 }),
      task('a1', 'Backend'),
      task('b3', 'Pick a database'),
    ]);
  });

  it('gives an added task a fresh id when a previous task had its id', () => {
    const previous = [task('t1', 'Set up repo', { status: 'done' }), task('t2', 'Removed task')];
    const next = [
      task('t1', 'Write a design note'),
      task('t2', 'Set up repo'),
      task('t3', 'Other', { dependsOn: ['t1'] }),
    ];
    const carried = carryOver(previous, next, matchTasks(previous, next));
    expect(carried.map((t) => [t.id, t.title, t.status])).toEqual([
      ['t1~2', 'Write a design note', 'todo'],
      ['t1', 'Set up repo', 'done'],
      ['t3', 'Other', 'todo'],
    ]);
    expect(carried[2]?.dependsOn).toEqual(['t1~2']);
  });

  it('ignores match rows naming unknown tasks or claiming a previous task twice', () => {
    const previous = [task('a1', 'One')];
    const next = [task('b1', 'One'), task('b2', 'Two')];
    const matches = [
      { previousId: 'a1', nextId: 'b1', by: 'title' as const },
      { previousId: 'a1', nextId: 'b2', by: 'title' as const },
      { previousId: 'zz', nextId: 'b9', by: 'title' as const },
    ];
    expect(carryOver(previous, next, matches).map((t) => t.id)).toEqual(['a1', 'b2']);
  });

  it('preserves every matched previous id, keeps ids unique and never lowers progress', () => {
    const rank = { todo: 0, in_progress: 1, cancelled: 2, done: 3 };
    fc.assert(
      fc.property(planAndRegeneration, ([previous, next]) => {
        const matches = matchTasks(previous, next);
        const carried = carryOver(previous, next, matches);
        const ids = carried.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        const previousById = new Map(previous.map((t) => [t.id, t]));
        matches.forEach((row) => {
          if (row.previousId === null || row.nextId === null) return;
          const index = next.findIndex((t) => t.id === row.nextId);
          const carriedTask = carried[index];
          const before = previousById.get(row.previousId);
          expect(carriedTask?.id).toBe(row.previousId);
          expect(rank[carriedTask?.status ?? 'todo']).toBeGreaterThanOrEqual(rank[before?.status ?? 'todo']);
        });
      }),
    );
  });
});
