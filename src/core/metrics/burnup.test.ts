import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../plans/plan.model.js';
import { burnup } from './burnup.js';

const task = (id: string, minutes: number, extra: Partial<PlanTask> = {}): PlanTask =>
  ({
    id,
    title: id,
    parentId: null,
    status: 'todo',
    optional: false,
    estimateMinutes: minutes,
    dependsOn: [],
    ...extra,
  }) as unknown as PlanTask;

describe('burnup', () => {
  it('follows the version in force each day and counts work done by then', () => {
    const { points, scopeChanges } = burnup({
      versions: [
        { number: 1, date: '2026-05-01', tasks: [task('a', 60), task('b', 120)], reason: null },
        {
          number: 2,
          date: '2026-05-03',
          tasks: [task('a', 60), task('b', 120), task('c', 30), task('o', 90, { optional: true })],
          reason: 'found more',
        },
      ],
      done: [
        { taskId: 'a', date: '2026-05-02' },
        { taskId: 'c', date: '2026-05-04' },
      ],
      through: '2026-05-04',
      defaultEstimateMinutes: 60,
    });
    expect(points).toEqual([
      { date: '2026-05-01', scopeTasks: 2, doneTasks: 0, scopeMinutes: 180, doneMinutes: 0 },
      { date: '2026-05-02', scopeTasks: 2, doneTasks: 1, scopeMinutes: 180, doneMinutes: 60 },
      { date: '2026-05-03', scopeTasks: 3, doneTasks: 1, scopeMinutes: 210, doneMinutes: 60 },
      { date: '2026-05-04', scopeTasks: 3, doneTasks: 2, scopeMinutes: 210, doneMinutes: 90 },
    ]);
    expect(scopeChanges).toEqual([
      { date: '2026-05-03', version: 2, deltaTasks: 1, deltaMinutes: 30, reason: 'found more' },
    ]);
  });

  it('counts parents by their subtasks, skips cancelled work, and takes work done before the import as done', () => {
    const { points } = burnup({
      versions: [
        {
          number: 1,
          date: '2026-05-01',
          tasks: [
            task('p', 0),
            task('p.1', 30, { parentId: 'p', status: 'done' }),
            task('p.2', 30, { parentId: 'p' }),
            task('x', 600, { status: 'cancelled' }),
            task('r', 0, { estimateMinutes: { min: 60, max: 120 } }),
          ],
          reason: null,
        },
      ],
      done: [],
      through: '2026-05-01',
      defaultEstimateMinutes: 60,
    });
    expect(points).toEqual([
      { date: '2026-05-01', scopeTasks: 3, doneTasks: 1, scopeMinutes: 150, doneMinutes: 30 },
    ]);
  });

  it('is empty without a plan', () => {
    expect(burnup({ versions: [], done: [], through: '2026-05-01', defaultEstimateMinutes: 60 })).toEqual({
      points: [],
      scopeChanges: [],
    });
  });
});
