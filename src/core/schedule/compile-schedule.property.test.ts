import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EstimateMinutes, PlanTask, TaskStatus } from '../plans/plan.model.js';
import { buildCalendar } from './calendar.js';
import { compileSchedule } from './compile-schedule.js';
import { WEEKDAYS, type ScheduleInput } from './schedule.model.js';
import { task } from './testing.js';

const estimate: fc.Arbitrary<EstimateMinutes | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 400 }),
  fc.record({ min: fc.integer({ min: 0, max: 200 }), max: fc.integer({ min: 200, max: 400 }) }),
);

const taskShape = fc.record({
  estimate,
  status: fc.constantFrom<TaskStatus>('todo', 'todo', 'todo', 'in_progress', 'done', 'cancelled'),
  optional: fc.constantFrom(false, false, false, true),
  priority: fc.constantFrom('high', 'medium', 'low', null),
  // Indices of earlier tasks, so the plan is a DAG.
  deps: fc.array(fc.nat(), { maxLength: 3 }),
});

const scheduleInput: fc.Arbitrary<ScheduleInput> = fc
  .record({
    shapes: fc.array(taskShape, { minLength: 1, maxLength: 30 }),
    weekday: fc.array(fc.constantFrom(0, 30, 60, 120, 240, 480), { minLength: 7, maxLength: 7 }),
    offsets: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }),
    startDate: fc.constantFrom('2026-03-23', '2026-10-21', '2026-12-30', '2028-02-27'),
    timeZone: fc.constantFrom('Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'),
    horizonDays: fc.integer({ min: 1, max: 60 }),
    maxChunkMinutes: fc.integer({ min: 15, max: 300 }),
    calibrationFactor: fc.constantFrom(0.5, 1, 1.3, 1.5, 2),
    includeOptional: fc.boolean(),
    rangePolicy: fc.constantFrom('midpoint' as const, 'max' as const),
    checkpointPicks: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    dueOffsets: fc.array(fc.integer({ min: -2, max: 50 }), { minLength: 3, maxLength: 3 }),
  })
  .map((r) => {
    const ids = r.shapes.map((_, i) => `t${i}`);
    const tasks = r.shapes.map((shape, i) =>
      task(ids[i] ?? '', {
        estimateMinutes: shape.estimate,
        status: shape.status,
        optional: shape.optional,
        priority: shape.priority,
        dependsOn: i === 0 ? [] : [...new Set(shape.deps.map((d) => ids[d % i] ?? ''))],
      }),
    );
    const start = new Date(`${r.startDate}T00:00:00Z`).getTime();
    const dateAt = (offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
    return {
      tasks,
      checkpoints: r.checkpointPicks.map((picks, c) => ({
        id: `C${c}`,
        taskIds: picks.map((p) => ids[p % ids.length] ?? ''),
        dueDate: dateAt(r.dueOffsets[c] ?? 0),
      })),
      availability: {
        timeZone: r.timeZone,
        minutesPerWeekday: Object.fromEntries(WEEKDAYS.map((day, i) => [day, r.weekday[i] ?? 0])) as Record<
          (typeof WEEKDAYS)[number],
          number
        >,
        daysOff: r.offsets.map(dateAt),
        startDate: r.startDate,
      },
      horizonDays: r.horizonDays,
      maxChunkMinutes: r.maxChunkMinutes,
      calibrationFactor: r.calibrationFactor,
      includeOptional: r.includeOptional,
      rangePolicy: r.rangePolicy,
    } satisfies ScheduleInput;
  });

/** The minutes each open task should get, computed here independently of the scheduler. */
function expectedMinutes(input: ScheduleInput, t: PlanTask): number {
  const e = t.estimateMinutes;
  const base =
    e === null ? 60 : typeof e === 'number' ? e : input.rangePolicy === 'max' ? e.max : (e.min + e.max) / 2;
  return Math.max(1, Math.round(base * (input.calibrationFactor ?? 1)));
}

const isOpen = (t: PlanTask) => t.status !== 'done' && t.status !== 'cancelled';

describe('compileSchedule properties (random DAG plans)', () => {
  it('gives every open task exactly its calibrated minutes, or lists it as unscheduled', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const schedule = compileSchedule(input);
        const placed = new Map<string, number>();
        for (const day of schedule.days) {
          for (const item of day.items)
            placed.set(item.taskId, (placed.get(item.taskId) ?? 0) + item.minutes);
        }
        const excluded = new Set(schedule.excludedOptional);
        const unscheduled = new Set(schedule.unscheduled);
        for (const t of input.tasks) {
          if (!isOpen(t) || excluded.has(t.id)) {
            expect(placed.has(t.id), t.id).toBe(false);
            expect(unscheduled.has(t.id), t.id).toBe(false);
            continue;
          }
          if (unscheduled.has(t.id)) expect(placed.get(t.id) ?? 0).toBeLessThan(expectedMinutes(input, t));
          else expect(placed.get(t.id), t.id).toBe(expectedMinutes(input, t));
        }
        // Only optional tasks nobody required may be excluded.
        for (const id of excluded) expect(input.tasks.find((t) => t.id === id)?.optional).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never exceeds a day’s capacity, a chunk’s size or one sitting per task a day', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const schedule = compileSchedule(input);
        const calendar = buildCalendar(input.availability, input.horizonDays ?? 366);
        const seen = new Map<string, number>();
        let previous = '';
        for (const day of schedule.days) {
          expect(day.date > previous).toBe(true);
          previous = day.date;
          const dayIndex = Math.round(
            (Date.parse(day.date) - Date.parse(input.availability.startDate)) / 86_400_000,
          );
          expect(day.capacityMinutes).toBe(calendar.capacity[dayIndex]);
          expect(day.capacityMinutes).toBeGreaterThan(0);
          expect(day.items.reduce((sum, item) => sum + item.minutes, 0)).toBeLessThanOrEqual(
            day.capacityMinutes,
          );
          expect(new Set(day.items.map((item) => item.taskId)).size).toBe(day.items.length);
          for (const item of day.items) {
            expect(item.minutes).toBeGreaterThan(0);
            expect(item.minutes).toBeLessThanOrEqual(input.maxChunkMinutes ?? 120);
            const chunk = (seen.get(item.taskId) ?? 0) + 1;
            seen.set(item.taskId, chunk);
            expect(item.chunk).toBe(chunk);
            expect(item.chunk).toBeLessThanOrEqual(item.chunks);
          }
        }
        for (const day of schedule.days)
          for (const item of day.items) expect(item.chunks).toBe(seen.get(item.taskId));
      }),
      { numRuns: 300 },
    );
  });

  it('starts no task before all its open dependencies have finished', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const schedule = compileSchedule(input);
        const byId = new Map(input.tasks.map((t) => [t.id, t]));
        // Position of every item in time: (day, order within the day).
        const first = new Map<string, number>();
        const last = new Map<string, number>();
        schedule.days.forEach((day, d) =>
          day.items.forEach((item, i) => {
            const at = d * 1000 + i;
            if (!first.has(item.taskId)) first.set(item.taskId, at);
            last.set(item.taskId, at);
          }),
        );
        const unscheduled = new Set(schedule.unscheduled);
        for (const [id, start] of first) {
          for (const depId of byId.get(id)?.dependsOn ?? []) {
            const dep = byId.get(depId);
            if (!dep || !isOpen(dep)) continue;
            expect(unscheduled.has(depId), `${id} started before ${depId} finished`).toBe(false);
            expect(last.get(depId) ?? Infinity, `${id} after ${depId}`).toBeLessThan(start);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives a deep-equal schedule', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        expect(compileSchedule(structuredClone(input))).toEqual(compileSchedule(input));
      }),
      { numRuns: 100 },
    );
  });

  it('reports a cut line exactly when a dated checkpoint does not hold', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        for (const checkpoint of compileSchedule(input).checkpoints) {
          if (checkpoint.feasible === true) expect(checkpoint.cutLine).toEqual([]);
          if (checkpoint.feasible === false) expect(checkpoint.cutLine.length).toBeGreaterThan(0);
          expect(checkpoint.hoursNeeded).toBeLessThanOrEqual(checkpoint.hoursNeededWorstCase);
        }
      }),
      { numRuns: 200 },
    );
  });
});
