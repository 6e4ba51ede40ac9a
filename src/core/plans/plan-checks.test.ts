import { describe, expect, it } from 'vitest';
import { checkPlan, findCycles } from './plan-checks.js';
import { blankTask, type ImportedPlan, type PlanTask } from './plan.model.js';

const task = (id: string, line: number, fields: Partial<PlanTask> = {}) =>
  blankTask({ id, title: `Task ${id}`, source: { line }, ...fields });
const plan = (tasks: PlanTask[]): ImportedPlan => ({
  format: 'markdown',
  title: null,
  tasks,
  phases: [],
  checkpoints: [],
  warnings: [],
});

describe('checkPlan', () => {
  it('drops unknown and self dependencies with a warning naming the line', () => {
    const checked = checkPlan(plan([task('a', 3, { dependsOn: ['b', 'zz', 'a'] }), task('b', 4)]));
    expect(checked.tasks[0]?.dependsOn).toEqual(['b']);
    expect(checked.warnings).toEqual([{ line: 3, message: expect.stringContaining('depends on zz, a') }]);
  });

  it('clears absurd estimates and keeps sane ones and ranges', () => {
    const checked = checkPlan(
      plan([
        task('a', 1, { estimateMinutes: -30 }),
        task('b', 2, { estimateMinutes: 90_000 }),
        task('c', 3, { estimateMinutes: { min: 60, max: 120 } }),
        task('d', 4, { estimateMinutes: { min: 120, max: 60 } }),
      ]),
    );
    expect(checked.tasks.map((t) => t.estimateMinutes)).toEqual([null, null, { min: 60, max: 120 }, null]);
    expect(checked.warnings.map((w) => w.line)).toEqual([1, 2, 4]);
  });

  it('reports each dependency cycle once with the lines of its tasks', () => {
    const checked = checkPlan(
      plan([
        task('a', 1, { dependsOn: ['c'] }),
        task('b', 2, { dependsOn: ['a'] }),
        task('c', 3, { dependsOn: ['b'] }),
        task('d', 4, { dependsOn: ['d'] }),
      ]),
    );
    const cycles = checked.warnings.filter((w) => w.message.startsWith('Dependency cycle'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.message).toContain('a (line 1) → c (line 3) → b (line 2) → a');
  });

  it('makes tasks with unknown parents top-level', () => {
    const checked = checkPlan(plan([task('a', 1, { parentId: 'ghost' })]));
    expect(checked.tasks[0]?.parentId).toBeNull();
    expect(checked.warnings[0]?.message).toContain('parent ghost');
  });
});

describe('findCycles', () => {
  it('finds none in a DAG and every cycle in a graph with two', () => {
    expect(findCycles([task('a', 1), task('b', 2, { dependsOn: ['a'] })])).toEqual([]);
    const cycles = findCycles([
      task('a', 1, { dependsOn: ['b'] }),
      task('b', 2, { dependsOn: ['a'] }),
      task('c', 3, { dependsOn: ['d'] }),
      task('d', 4, { dependsOn: ['c'] }),
    ]);
    expect(cycles).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
