import { describe, expect, it } from 'vitest';
import { calibrationOf, mergePaces } from './combine.js';
import { checkpointWork, type WorkTask } from './checkpoint-work.js';
import { plannedCalendar } from './planned-calendar.js';

const task = (id: string, more: Partial<WorkTask> = {}): WorkTask => ({
  id,
  parentId: null,
  status: 'todo',
  optional: false,
  estimateMinutes: 60,
  dependsOn: [],
  ...more,
});

describe('checkpointWork', () => {
  it('counts open leaves, subtasks and dependencies, cumulatively and once each', () => {
    const tasks = [
      task('1', { estimateMinutes: null }),
      task('1.1', { parentId: '1', estimateMinutes: 30 }),
      task('1.2', { parentId: '1', estimateMinutes: { min: 60, max: 120 }, status: 'in_progress' }),
      task('1.3', { parentId: '1', status: 'done' }),
      task('2', { dependsOn: ['3'], estimateMinutes: null }),
      task('3', { estimateMinutes: 45 }),
      task('4', { optional: true }),
      task('5', { status: 'cancelled' }),
      task('6', { dependsOn: ['1'], estimateMinutes: 15 }),
    ];
    const work = checkpointWork({
      tasks,
      checkpoints: [
        { id: 'cp-1', dueDate: '2026-03-10', taskIds: ['1'] },
        { id: 'cp-2', dueDate: '2026-03-20', taskIds: ['2', '4', '5', '6', 'unknown'] },
      ],
      defaultEstimateMinutes: 60,
    });
    expect(work[0]).toEqual({
      id: 'cp-1',
      dueDate: '2026-03-10',
      estimates: [90, 30],
      ownOpenTasks: 2,
      unestimated: 0,
    });
    // 6 (15), then 1's leaves already counted; 2 (default 60) and its dependency 3 (45).
    expect(work[1]?.estimates.sort((a, b) => a - b)).toEqual([15, 30, 45, 60, 90]);
    expect(work[1]).toMatchObject({ ownOpenTasks: 3, unestimated: 1 });
  });
});

describe('plannedCalendar', () => {
  it('gives the committed hours, none on days off and paused days, and only what is left of today', () => {
    const days = plannedCalendar({
      from: '2026-03-27', // a Friday; Europe/Berlin moves its clocks on Sunday the 29th
      days: 5,
      timeZone: 'Europe/Berlin',
      minutesPerWeekday: { mon: 90, tue: 90, wed: 90, thu: 90, fri: 90, sat: 240, sun: 0 },
      daysOff: ['2026-03-31'],
      pauses: [{ from: '2026-03-30', to: '2026-03-30' }],
      usedToday: 30,
    });
    expect(days).toEqual([
      { date: '2026-03-27', minutes: 60 },
      { date: '2026-03-28', minutes: 240 },
      { date: '2026-03-29', minutes: 0 },
      { date: '2026-03-30', minutes: 0 },
      { date: '2026-03-31', minutes: 0 },
    ]);
  });
});

describe('pace across projects, and calibration', () => {
  const pace = (historyDays: number, velocities: number[], skipRate: number) => ({
    throughputs: [60],
    velocities,
    skipRate,
    scopeGrowthPerDay: 0.01,
    historyDays,
  });

  it('pools samples and weighs rates by judged days', () => {
    const merged = mergePaces([pace(10, [1], 0.1), pace(30, [0.5, 2], 0.3)]);
    expect(merged).toEqual({
      throughputs: [60, 60],
      velocities: [1, 0.5, 2],
      skipRate: 0.25,
      scopeGrowthPerDay: 0.01,
      historyDays: 40,
    });
    expect(mergePaces([])).toMatchObject({ historyDays: 0, skipRate: 0 });
  });

  it('calibrates to the typical task’s actual ÷ estimate, bounded, and only with enough history', () => {
    expect(calibrationOf(pace(10, [0.5, 0.8, 1], 0))).toEqual({ factor: 1.25, tasks: 3, historyDays: 10 });
    expect(calibrationOf(pace(10, [0.5, 0.8, 1, 0.4], 0))?.factor).toBe(1.63);
    expect(calibrationOf(pace(10, [0.1, 0.1, 0.1], 0))?.factor).toBe(3);
    expect(calibrationOf(pace(4, [0.5, 0.8, 1], 0))).toBeNull();
    expect(calibrationOf(pace(10, [0.5, 0.8], 0))).toBeNull();
  });
});
