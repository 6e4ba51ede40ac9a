import { describe, expect, it } from 'vitest';
import { compileSchedule } from './compile-schedule.js';
import { plan, task } from './testing.js';

describe('checkpoint feasibility', () => {
  it('reports an infeasible checkpoint with optional work cut first', () => {
    const schedule = compileSchedule(
      plan(
        [
          task('A', { estimateMinutes: 120, priority: 'high' }),
          task('B', { estimateMinutes: 120 }),
          task('O', { estimateMinutes: 60, optional: true }),
        ],
        {
          includeOptional: true,
          checkpoints: [{ id: 'C1', taskIds: ['A', 'B', 'O'], dueDate: '2026-03-03' }],
        },
      ),
    );
    expect(schedule.checkpoints[0]).toEqual({
      id: 'C1',
      dueDate: '2026-03-03',
      dueAt: '2026-03-03T23:00:00.000Z',
      hoursNeeded: 5,
      hoursNeededWorstCase: 5,
      hoursAvailable: 4,
      feasible: false,
      projectedFinishDate: '2026-03-04',
      cutLine: ['O'],
      earliestFeasibleDate: '2026-03-04',
    });
  });

  it('cuts the latest, lowest-priority work and what depends on it, never the dependency of important work', () => {
    const schedule = compileSchedule(
      plan(
        [
          task('X', { estimateMinutes: 120, priority: 'high' }),
          task('Y', { estimateMinutes: 60, priority: 'low' }),
          task('Z', { estimateMinutes: 60, dependsOn: ['Y'] }),
        ],
        { checkpoints: [{ id: 'C1', taskIds: ['X', 'Z'], dueDate: '2026-03-02' }] },
      ),
    );
    // Y inherits Z's medium priority; both are cut to leave X, which fills Monday's 2 h.
    expect(schedule.checkpoints[0]).toMatchObject({
      hoursNeeded: 4,
      hoursAvailable: 2,
      feasible: false,
      cutLine: ['Y', 'Z'],
      earliestFeasibleDate: '2026-03-03',
    });
  });

  it('keeps the cut line minimal: an early small cut made unnecessary by a later big one is restored', () => {
    const schedule = compileSchedule(
      plan(
        [
          task('A', { estimateMinutes: 110, priority: 'high' }),
          task('L', { estimateMinutes: 200, priority: 'low' }),
          task('S', { estimateMinutes: 10, optional: true }),
        ],
        {
          includeOptional: true,
          checkpoints: [{ id: 'C1', taskIds: ['A', 'L', 'S'], dueDate: '2026-03-02' }],
        },
      ),
    );
    expect(schedule.checkpoints[0]).toMatchObject({ feasible: false, cutLine: ['L'] });
  });

  it('cuts more when chunking leaves capacity unusable although the minutes fit', () => {
    const schedule = compileSchedule(
      plan([task('A', { estimateMinutes: 300 }), task('B', { estimateMinutes: 60, priority: 'low' })], {
        availability: { ...plan([]).availability, startDate: '2026-03-07' }, // Saturday, 6 h
        checkpoints: [{ id: 'C1', taskIds: ['A', 'B'], dueDate: '2026-03-07' }],
      }),
    );
    // 360 minutes fit 6 h, but A may take only 2 h a day: A itself must go.
    expect(schedule.checkpoints[0]).toMatchObject({
      hoursNeeded: 6,
      hoursAvailable: 6,
      feasible: false,
      cutLine: ['A'],
    });
  });

  it('reports a feasible checkpoint with an empty cut line and counts earlier checkpoints’ work', () => {
    const schedule = compileSchedule(
      plan([task('A', { estimateMinutes: 120 }), task('B', { estimateMinutes: 240 })], {
        checkpoints: [
          { id: 'first', taskIds: ['A'], dueDate: '2026-03-02' },
          { id: 'second', taskIds: ['B'], dueDate: '2026-03-04' },
        ],
      }),
    );
    expect(
      schedule.checkpoints.map((c) => [c.id, c.hoursNeeded, c.hoursAvailable, c.feasible, c.cutLine]),
    ).toEqual([
      ['first', 2, 2, true, []],
      ['second', 6, 6, true, []],
    ]);
  });

  it('gives undated checkpoints a forecast but no verdict', () => {
    const schedule = compileSchedule(
      plan([task('A', { estimateMinutes: 60 })], { checkpoints: [{ id: 'C', taskIds: ['A'] }] }),
    );
    expect(schedule.checkpoints[0]).toMatchObject({
      dueDate: null,
      dueAt: null,
      hoursAvailable: null,
      feasible: null,
      projectedFinishDate: '2026-03-02',
      cutLine: [],
    });
  });

  it('dates checkpoints from the launch date, due at the end of the local day', () => {
    const schedule = compileSchedule(
      plan([task('A', { estimateMinutes: 60 })], {
        availability: { ...plan([]).availability, timeZone: 'Pacific/Auckland' },
        timeline: { launchDate: '2026-04-05' },
        checkpoints: [{ id: 'C', taskIds: ['A'] }],
      }),
    );
    expect(schedule.checkpoints[0]).toMatchObject({
      dueDate: '2026-04-05',
      dueAt: '2026-04-05T12:00:00.000Z',
      feasible: true,
    });
  });
});

describe('broken plans still schedule', () => {
  it('breaks a dependency cycle deterministically and warns', () => {
    const schedule = compileSchedule(
      plan([
        task('A', { estimateMinutes: 30, dependsOn: ['B'] }),
        task('B', { estimateMinutes: 30, dependsOn: ['A'] }),
        task('C', { estimateMinutes: 30, dependsOn: ['A'] }),
      ]),
    );
    expect(schedule.warnings).toEqual([
      {
        code: 'dependency_cycle',
        taskId: 'B',
        message: 'Dependency cycle A → B → A (→ reads "depends on"): ignored B → A',
      },
    ]);
    expect(schedule.days[0]?.items.map((item) => item.taskId)).toEqual(['B', 'A', 'C']);
  });

  it('ignores unknown dependencies, parents and checkpoint tasks with a warning', () => {
    const schedule = compileSchedule(
      plan(
        [
          task('A', { estimateMinutes: 30, dependsOn: ['ghost'] }),
          task('B', { estimateMinutes: 30, parentId: 'nobody' }),
          task('C', { estimateMinutes: 30, dependsOn: ['C'] }),
          task('A', { estimateMinutes: 999 }),
          task('D', { estimateMinutes: -5 }),
        ],
        { checkpoints: [{ id: 'K', taskIds: ['A', 'phantom'], dueDate: '2026-03-02' }] },
      ),
    );
    expect(schedule.warnings.map((w) => [w.code, w.taskId])).toEqual([
      ['duplicate_task', 'A'],
      ['unknown_parent', 'B'],
      ['unknown_dependency', 'A'],
      ['dependency_cycle', 'C'],
      ['invalid_estimate', 'D'],
      ['unknown_checkpoint_task', 'phantom'],
    ]);
    expect(schedule.days.flatMap((day) => day.items.map((item) => `${item.taskId}:${item.minutes}`))).toEqual(
      ['A:30', 'D:60', 'B:30', 'C:30'],
    );
    expect(schedule.checkpoints[0]?.feasible).toBe(true);
  });

  it('cuts a parent cycle and a dependency on an own parent', () => {
    const schedule = compileSchedule(
      plan([
        task('P', { parentId: 'Q' }),
        task('Q', { parentId: 'P' }),
        task('R', { parentId: 'P', estimateMinutes: 30, dependsOn: ['P'] }),
      ]),
    );
    expect(schedule.warnings.map((w) => [w.code, w.taskId])).toEqual([
      ['parent_cycle', 'P'],
      ['dependency_on_ancestor', 'R'],
    ]);
    // P loses its parent; Q, now a leaf under P, is scheduled at the default estimate.
    expect(schedule.days[0]?.items.map((item) => `${item.taskId}:${item.minutes}`)).toEqual(['Q:60', 'R:30']);
  });
});
