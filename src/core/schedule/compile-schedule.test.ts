import { describe, expect, it } from 'vitest';
import { compileSchedule } from './compile-schedule.js';
import { ScheduleInputError, type Schedule } from './schedule.model.js';
import { DAY_JOB, plan, task } from './testing.js';

/** Days as `[date, ['task:minutes:chunk/chunks', …]]`, to compare with hand-computed schedules. */
const layout = (schedule: Schedule) =>
  schedule.days.map((day) => [
    day.date,
    day.items.map((item) => `${item.taskId}:${item.minutes}:${item.chunk}/${item.chunks}`),
  ]);

describe('compileSchedule: placing work', () => {
  it('splits a long task into chunks of at most maxChunkMinutes across days', () => {
    const schedule = compileSchedule(plan([task('A', { estimateMinutes: 300 })]));
    expect(layout(schedule)).toEqual([
      ['2026-03-02', ['A:120:1/3']],
      ['2026-03-03', ['A:120:2/3']],
      ['2026-03-04', ['A:60:3/3']],
    ]);
    expect(schedule.finishDate).toBe('2026-03-04');
    expect(schedule.days[0]?.capacityMinutes).toBe(120);
  });

  it('fills the rest of a long day with other work, skipping 0-hour days', () => {
    const availability = { ...DAY_JOB, startDate: '2026-03-07' }; // a Saturday
    const schedule = compileSchedule(
      plan([task('A', { estimateMinutes: 300 }), task('B', { estimateMinutes: 60 })], { availability }),
    );
    expect(layout(schedule)).toEqual([
      ['2026-03-07', ['A:120:1/3', 'B:60:1/1']],
      ['2026-03-09', ['A:120:2/3']],
      ['2026-03-10', ['A:60:3/3']],
    ]);
  });

  it('skips days off and days without hours', () => {
    const availability = { ...DAY_JOB, startDate: '2026-03-06', daysOff: ['2026-03-09'] }; // Fri, Mon off
    const schedule = compileSchedule(
      plan([task('A', { estimateMinutes: 600 })], { availability, maxChunkMinutes: 600 }),
    );
    expect(layout(schedule)).toEqual([
      ['2026-03-06', ['A:120:1/3']],
      ['2026-03-07', ['A:360:2/3']],
      ['2026-03-10', ['A:120:3/3']],
    ]);
  });

  it('starts a task only after its dependencies, the same day when there is room', () => {
    const schedule = compileSchedule(
      plan([
        task('B', { estimateMinutes: 90, dependsOn: ['A'] }),
        task('A', { estimateMinutes: 90 }),
        task('C', { estimateMinutes: 30 }),
      ]),
    );
    expect(layout(schedule)).toEqual([
      ['2026-03-02', ['A:90:1/1', 'B:30:1/2']],
      ['2026-03-03', ['B:60:2/2', 'C:30:1/1']],
    ]);
    expect(schedule.criticalPath).toEqual(['A', 'B']);
  });

  it('breaks ties on chain length by priority, then by source order', () => {
    const schedule = compileSchedule(
      plan([
        task('low', { estimateMinutes: 30, priority: 'low' }),
        task('unset', { estimateMinutes: 30 }),
        task('high', { estimateMinutes: 30, priority: 'high' }),
        task('medium', { estimateMinutes: 30, priority: 'medium' }),
      ]),
    );
    expect(schedule.days[0]?.items.map((item) => item.taskId)).toEqual(['high', 'unset', 'medium', 'low']);
  });

  it('stretches estimates by the calibration factor, uses the default estimate and range midpoints', () => {
    const tasks = [
      task('A', { estimateMinutes: 60 }),
      task('B', { estimateMinutes: { min: 60, max: 120 } }),
      task('C', { estimateMinutes: null }),
    ];
    const schedule = compileSchedule(plan(tasks, { calibrationFactor: 1.5, defaultEstimateMinutes: 40 }));
    // A 90, B 135 (midpoint 90 × 1.5), C 60 (default 40 × 1.5); longest first.
    expect(layout(schedule)).toEqual([
      ['2026-03-02', ['B:120:1/2']],
      ['2026-03-03', ['B:15:2/2', 'A:90:1/1', 'C:15:1/2']],
      ['2026-03-04', ['C:45:2/2']],
    ]);
  });

  it('schedules ranges at their max with rangePolicy "max", and keeps the max as the worst case', () => {
    const tasks = [task('B', { estimateMinutes: { min: 60, max: 120 } })];
    const checkpoints = [{ id: 'C1', taskIds: ['B'], dueDate: '2026-03-06' }];
    const atMax = compileSchedule(plan(tasks, { rangePolicy: 'max', checkpoints }));
    expect(layout(atMax)).toEqual([['2026-03-02', ['B:120:1/1']]]);
    const atMid = compileSchedule(plan(tasks, { checkpoints }));
    expect(layout(atMid)).toEqual([['2026-03-02', ['B:90:1/1']]]);
    expect(atMid.checkpoints[0]).toMatchObject({ hoursNeeded: 1.5, hoursNeededWorstCase: 2 });
  });

  it('skips done and cancelled tasks, and treats dependencies on them as met', () => {
    const schedule = compileSchedule(
      plan([
        task('A', { status: 'done', estimateMinutes: 600 }),
        task('X', { status: 'cancelled', estimateMinutes: 600 }),
        task('B', { estimateMinutes: 60, dependsOn: ['A', 'X'] }),
        task('W', { status: 'in_progress', estimateMinutes: 30 }),
      ]),
    );
    expect(layout(schedule)).toEqual([['2026-03-02', ['B:60:1/1', 'W:30:1/1']]]);
    expect(schedule.warnings).toEqual([]);
  });

  it('schedules subtasks, not their parent; dependencies pass through parents', () => {
    const schedule = compileSchedule(
      plan([
        task('Q', { estimateMinutes: 30, dependsOn: ['P'] }),
        task('P', { estimateMinutes: 600, dependsOn: ['S'] }),
        task('P1', { parentId: 'P', estimateMinutes: 60 }),
        task('P2', { parentId: 'P', estimateMinutes: 60, dependsOn: ['P1'] }),
        task('S', { estimateMinutes: 30 }),
        task('D', { status: 'done' }),
        task('D1', { parentId: 'D', estimateMinutes: 60 }),
      ]),
    );
    expect(layout(schedule)).toEqual([
      ['2026-03-02', ['S:30:1/1', 'P1:60:1/1', 'P2:30:1/2']],
      ['2026-03-03', ['P2:30:2/2', 'Q:30:1/1']],
    ]);
    expect(schedule.criticalPath).toEqual(['S', 'P1', 'P2', 'Q']);
  });

  it('leaves optional work out by default, unless required work needs it', () => {
    const tasks = [
      task('A', { estimateMinutes: 30 }),
      task('O', { optional: true, estimateMinutes: 30 }),
      task('N', { optional: true, estimateMinutes: 30 }),
      task('B', { estimateMinutes: 30, dependsOn: ['N'] }),
    ];
    const schedule = compileSchedule(plan(tasks));
    expect(schedule.excludedOptional).toEqual(['O']);
    // N goes first (its chain, N then B, is the longest); A and B tie and keep source order.
    expect(layout(schedule)).toEqual([['2026-03-02', ['N:30:1/1', 'A:30:1/1', 'B:30:1/1']]]);
    expect(schedule.warnings).toEqual([expect.objectContaining({ code: 'optional_required', taskId: 'N' })]);

    const withOptional = compileSchedule(plan(tasks, { includeOptional: true }));
    expect(withOptional.excludedOptional).toEqual([]);
    expect(layout(withOptional)).toEqual([['2026-03-02', ['N:30:1/1', 'A:30:1/1', 'B:30:1/1', 'O:30:1/1']]]);
  });

  it('takes work for the earliest checkpoint first, then work under no checkpoint', () => {
    const schedule = compileSchedule(
      plan(
        [
          task('free', { estimateMinutes: 200 }),
          task('late', { estimateMinutes: 60 }),
          task('early', { estimateMinutes: 60, priority: 'low', dependsOn: ['base'] }),
          task('base', { estimateMinutes: 30 }),
        ],
        {
          checkpoints: [
            { id: 'C2', taskIds: ['late'], dueDate: '2026-03-20' },
            { id: 'C1', taskIds: ['early'], dueDate: '2026-03-10' },
          ],
        },
      ),
    );
    expect(layout(schedule)).toEqual([
      ['2026-03-02', ['base:30:1/1', 'early:60:1/1', 'late:30:1/2']],
      ['2026-03-03', ['late:30:2/2', 'free:90:1/2']],
      ['2026-03-04', ['free:110:2/2']],
    ]);
    expect(schedule.checkpoints).toEqual([
      {
        id: 'C2',
        dueDate: '2026-03-20',
        dueAt: '2026-03-20T23:00:00.000Z',
        hoursNeeded: 2.5,
        hoursNeededWorstCase: 2.5,
        hoursAvailable: 42, // 15 weekdays × 2 h + 2 Saturdays × 6 h
        feasible: true,
        projectedFinishDate: '2026-03-03',
        cutLine: [],
        earliestFeasibleDate: '2026-03-03',
      },
      {
        id: 'C1',
        dueDate: '2026-03-10',
        dueAt: '2026-03-10T23:00:00.000Z',
        hoursNeeded: 1.5,
        hoursNeededWorstCase: 1.5,
        hoursAvailable: 20,
        feasible: true,
        projectedFinishDate: '2026-03-02',
        cutLine: [],
        earliestFeasibleDate: '2026-03-02',
      },
    ]);
  });

  it('reports work past the horizon as unscheduled, keeping what fits', () => {
    const schedule = compileSchedule(
      plan([task('A', { estimateMinutes: 600 }), task('B', { estimateMinutes: 30, dependsOn: ['A'] })], {
        horizonDays: 3,
        checkpoints: [{ id: 'C1', taskIds: ['B'], dueDate: '2026-03-04' }],
      }),
    );
    expect(layout(schedule)).toEqual([
      ['2026-03-02', ['A:120:1/3']],
      ['2026-03-03', ['A:120:2/3']],
      ['2026-03-04', ['A:120:3/3']],
    ]);
    expect(schedule.unscheduled).toEqual(['A', 'B']);
    expect(schedule.finishDate).toBeNull();
    expect(schedule.checkpoints[0]).toMatchObject({
      feasible: false,
      projectedFinishDate: null,
      cutLine: ['A', 'B'],
      // 630 minutes of capacity: Mon–Fri 600, Saturday 360 → Saturday 7 March.
      earliestFeasibleDate: '2026-03-07',
    });
  });

  it('refuses unusable options', () => {
    expect(() => compileSchedule(plan([], { calibrationFactor: 0 }))).toThrow(ScheduleInputError);
    expect(() => compileSchedule(plan([], { maxChunkMinutes: 0 }))).toThrow(/maxChunkMinutes/);
    expect(() => compileSchedule(plan([], { horizonDays: 1.5 }))).toThrow(/horizonDays/);
    const availability = { ...DAY_JOB, timeZone: 'Mars/Olympus_Mons' };
    expect(() => compileSchedule(plan([], { availability }))).toThrow(/time zone/);
  });
});
