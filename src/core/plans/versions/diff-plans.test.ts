import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../plan.model.js';
import { diffPlans } from './diff-plans.js';
import { matchTasks } from './match-tasks.js';
import { planAndRegeneration, planArbitrary } from './versions.arbitraries.js';
import { task } from './versions.fixtures.js';

const diffOf = (previous: PlanTask[], next: PlanTask[], defaultEstimateMinutes?: number) =>
  diffPlans(previous, next, matchTasks(previous, next), { defaultEstimateMinutes });

describe('diffPlans', () => {
  it('finds no change in an identical re-import with new ids', () => {
    const previous = [
      task('a1', 'Backend', { estimateMinutes: 120 }),
      task('a2', 'Schema', { parentId: 'a1', dependsOn: ['a3'], estimateMinutes: { min: 60, max: 120 } }),
      task('a3', 'Pick a database', { status: 'done', estimateMinutes: 30 }),
    ];
    const next = [
      task('b1', 'Backend', { estimateMinutes: 120 }),
      task('b2', 'Schema', { parentId: 'b1', dependsOn: ['b3'], estimateMinutes: { min: 60, max: 120 } }),
      task('b3', 'Pick a database', { status: 'done', estimateMinutes: 30 }),
    ];
    expect(diffOf(previous, next)).toEqual({
      added: [],
      removed: [],
      changed: [],
      reestimated: [],
      unchanged: 3,
      scope: {
        previousMinutes: 90,
        nextMinutes: 90,
        deltaMinutes: 0,
        previousTasks: 1,
        nextTasks: 1,
        growthRatio: 0,
      },
    });
  });

  it('does not report a regenerated todo over finished work as a change', () => {
    const diff = diffOf([task('a1', 'Set up repo', { status: 'done' })], [task('b1', 'Set up repo')]);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it('lists added, removed and changed fields under the carried ids', () => {
    const previous = [
      task('a1', 'Setup CI', { sourceId: 'T1' }),
      task('a2', 'Write API', { sourceId: 'T2', phase: 'p1', priority: 'low', description: 'REST' }),
      task('a3', 'Drop legacy API', { sourceId: 'T3' }),
    ];
    const next = [
      task('b1', 'Set up CI', { sourceId: 'T1', status: 'done' }),
      task('b2', 'Write API', {
        sourceId: 'T2',
        phase: 'p2',
        priority: 'high',
        description: 'GraphQL',
        optional: true,
        dependsOn: ['b1'],
        parentId: 'b4',
      }),
      task('b4', 'Add OAuth login', { sourceId: 'T4' }),
    ];
    const diff = diffOf(previous, next);
    expect(diff.added).toEqual([{ id: 'b4', title: 'Add OAuth login', sourceId: 'T4' }]);
    expect(diff.removed).toEqual([{ id: 'a3', title: 'Drop legacy API', sourceId: 'T3' }]);
    expect(diff.changed).toEqual([
      {
        id: 'a1',
        title: 'Set up CI',
        fields: [
          { field: 'title', before: 'Setup CI', after: 'Set up CI' },
          { field: 'status', before: 'todo', after: 'done' },
        ],
      },
      {
        id: 'a2',
        title: 'Write API',
        fields: [
          { field: 'description', before: 'REST', after: 'GraphQL' },
          { field: 'dependsOn', before: [], after: ['a1'] },
          { field: 'parent', before: null, after: 'b4' },
          { field: 'phase', before: 'p1', after: 'p2' },
          { field: 'optional', before: false, after: true },
          { field: 'priority', before: 'low', after: 'high' },
        ],
      },
    ]);
    expect(diff.unchanged).toBe(0);
  });

  it('reports re-estimates with deltas, ranges by midpoint and missing estimates as the default', () => {
    const previous = [
      task('a1', 'One', { estimateMinutes: 120 }),
      task('a2', 'Two', { estimateMinutes: { min: 60, max: 120 } }),
      task('a3', 'Three'),
      task('a4', 'Four', { estimateMinutes: 30 }),
      task('a5', 'Five', { estimateMinutes: 45 }),
    ];
    const next = [
      task('b1', 'One', { estimateMinutes: 180 }),
      task('b2', 'Two', { estimateMinutes: { min: 180, max: 240 } }),
      task('b3', 'Three', { estimateMinutes: 60 }),
      task('b4', 'Four'),
      task('b5', 'Five', { estimateMinutes: 45, title: 'Five!' }),
    ];
    const diff = diffOf(previous, next, 90);
    expect(diff.reestimated).toEqual([
      { id: 'a1', title: 'One', before: 120, after: 180, deltaMinutes: 60 },
      {
        id: 'a2',
        title: 'Two',
        before: { min: 60, max: 120 },
        after: { min: 180, max: 240 },
        deltaMinutes: 120,
      },
      { id: 'a3', title: 'Three', before: null, after: 60, deltaMinutes: -30 },
      { id: 'a4', title: 'Four', before: 30, after: null, deltaMinutes: 60 },
    ]);
    expect(diff.changed.map((t) => t.id)).toEqual(['a5']);
    expect(diff.unchanged).toBe(0);
    expect(diff.scope).toEqual({
      previousMinutes: 120 + 90 + 90 + 30 + 45,
      nextMinutes: 180 + 210 + 60 + 90 + 45,
      deltaMinutes: 210,
      previousTasks: 5,
      nextTasks: 5,
      growthRatio: 210 / 375,
    });
  });

  it('measures scope on open, required leaf tasks only', () => {
    const previous = [
      task('a1', 'Parent', { estimateMinutes: 1000 }),
      task('a2', 'Child', { parentId: 'a1', estimateMinutes: 60 }),
      task('a3', 'Done', { status: 'done', estimateMinutes: 60 }),
      task('a4', 'Optional', { optional: true, estimateMinutes: 60 }),
      task('a5', 'Started', { status: 'in_progress', estimateMinutes: 30 }),
    ];
    const next = [...previous.map((t) => ({ ...t, id: t.id.replace('a', 'b') }))];
    next[1] = { ...next[1]!, parentId: 'b1', status: 'cancelled' };
    const diff = diffOf(previous, next);
    expect(diff.scope).toMatchObject({
      previousMinutes: 90,
      nextMinutes: 30,
      previousTasks: 2,
      nextTasks: 1,
    });
    expect(diff.scope.growthRatio).toBeCloseTo(-2 / 3);
  });

  it('reports growth from nothing as null', () => {
    expect(diffOf([], [task('b1', 'New', { estimateMinutes: 60 })]).scope.growthRatio).toBeNull();
    expect(diffOf([], []).scope.growthRatio).toBe(0);
  });

  it('is empty with no scope change for a plan against itself', () => {
    fc.assert(
      fc.property(planArbitrary('p'), (plan) => {
        const diff = diffOf(plan, plan);
        expect(diff).toMatchObject({
          added: [],
          removed: [],
          changed: [],
          reestimated: [],
          unchanged: plan.length,
        });
        expect(diff.scope.deltaMinutes).toBe(0);
        expect(diff.scope.growthRatio).toBe(0);
      }),
    );
  });

  it('accounts for every task once', () => {
    fc.assert(
      fc.property(planAndRegeneration, ([previous, next]) => {
        const diff = diffOf(previous, next);
        const reestimatedOnly = diff.reestimated.filter(
          (r) => !diff.changed.some((c) => c.id === r.id),
        ).length;
        const kept = diff.changed.length + reestimatedOnly + diff.unchanged;
        expect(kept + diff.added.length).toBe(next.length);
        expect(kept + diff.removed.length).toBe(previous.length);
      }),
    );
  });
});
