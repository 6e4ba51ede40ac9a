/**
 * The sprint compiler: an imported plan and the hours the builder really has → a dated sprint.
 */
import { assertTimeZone, buildCalendar, type WorkCalendar } from './calendar.js';
import { resolveDueDates } from './checkpoint-dates.js';
import { forecastCheckpoints, type ResolvedCheckpoint } from './checkpoint-forecast.js';
import { placeWork, type Placement } from './place-work.js';
import { criticalPath, rankWork } from './ranking.js';
import {
  SCHEDULE_DEFAULTS,
  ScheduleInputError,
  type Schedule,
  type ScheduledDay,
  type ScheduleInput,
  type ScheduleWarning,
} from './schedule.model.js';
import { buildWorkGraph, type WorkGraph } from './work-graph.js';

/**
 * Compiles a plan into a day-by-day schedule with a forecast for every checkpoint. Pure and
 * deterministic: the same input always gives a deep-equal schedule.
 *
 * Only open leaf tasks are scheduled (a parent is done when its subtasks are; done and cancelled
 * tasks satisfy what depends on them). One builder works through them day by day: the
 * best-ranked task whose dependencies are finished goes next — work feeding the earliest
 * checkpoint first, then required before optional, the longest remaining chain, priority and
 * source order — each task getting at most `maxChunkMinutes` a day. Broken input (dependency
 * cycles, unknown ids) is repaired deterministically and reported in `warnings`; only unusable
 * options throw {@link ScheduleInputError}.
 *
 * @example
 * const schedule = compileSchedule({
 *   tasks: plan.tasks,
 *   checkpoints: plan.checkpoints.map((c) => ({ ...c, dueDate: null })),
 *   timeline: { launchDate: '2026-06-30' },
 *   availability: {
 *     timeZone: 'Europe/Berlin',
 *     minutesPerWeekday: { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 360, sun: 0 },
 *     daysOff: ['2026-05-01'],
 *     startDate: '2026-04-06',
 *   },
 *   calibrationFactor: 1.4,
 * });
 */
export function compileSchedule(input: ScheduleInput): Schedule {
  const options = resolveOptions(input);
  const graph = buildWorkGraph(input.tasks, options);
  const warnings: ScheduleWarning[] = graph.warnings;
  const dueDates = resolveDueDates(input.checkpoints, input.timeline ?? {}, input.availability.startDate);
  const checkpoints: ResolvedCheckpoint[] = input.checkpoints.map((checkpoint, index) => ({
    id: checkpoint.id,
    dueDate: dueDates[index] ?? null,
    nodes: checkpointNodes(graph, checkpoint.id, checkpoint.taskIds, warnings),
  }));
  const order = checkpoints
    .map((_, index) => index)
    .sort((a, b) => compareDue(checkpoints[a]?.dueDate ?? null, checkpoints[b]?.dueDate ?? null) || a - b);

  const ranking = rankWork(
    graph,
    order.map((index) => checkpoints[index]?.nodes ?? []),
  );
  const calendar = buildCalendar(input.availability, options.horizonDays);
  const placement = placeWork({
    graph,
    rank: ranking.rank,
    capacity: calendar.capacity,
    maxChunkMinutes: options.maxChunkMinutes,
  });
  const days = scheduledDays(graph, placement, calendar);
  const unscheduled = graph.ids
    .map((_, node) => node)
    .filter((node) => placement.finishDay[node] === -1)
    .sort((a, b) => (ranking.rank[a] ?? 0) - (ranking.rank[b] ?? 0))
    .map((node) => graph.ids[node] ?? '');

  return {
    days,
    checkpoints: forecastCheckpoints({
      graph,
      ranking,
      placement,
      calendar,
      timeZone: input.availability.timeZone,
      maxChunkMinutes: options.maxChunkMinutes,
      checkpoints,
      order,
    }),
    unscheduled,
    excludedOptional: graph.excludedOptional,
    criticalPath: criticalPath(graph, ranking.chain),
    finishDate: unscheduled.length === 0 ? (days.at(-1)?.date ?? null) : null,
    warnings,
  };
}

type ResolvedOptions = Required<
  Pick<
    ScheduleInput,
    | 'defaultEstimateMinutes'
    | 'calibrationFactor'
    | 'maxChunkMinutes'
    | 'horizonDays'
    | 'includeOptional'
    | 'rangePolicy'
  >
>;

function resolveOptions(input: ScheduleInput): ResolvedOptions {
  const options: ResolvedOptions = {
    defaultEstimateMinutes: input.defaultEstimateMinutes ?? SCHEDULE_DEFAULTS.defaultEstimateMinutes,
    calibrationFactor: input.calibrationFactor ?? SCHEDULE_DEFAULTS.calibrationFactor,
    maxChunkMinutes: input.maxChunkMinutes ?? SCHEDULE_DEFAULTS.maxChunkMinutes,
    horizonDays: input.horizonDays ?? SCHEDULE_DEFAULTS.horizonDays,
    includeOptional: input.includeOptional ?? SCHEDULE_DEFAULTS.includeOptional,
    rangePolicy: input.rangePolicy ?? SCHEDULE_DEFAULTS.rangePolicy,
  };
  const check = (ok: boolean, field: keyof ResolvedOptions, rule: string): void => {
    if (!ok) throw new ScheduleInputError(`${field} must be ${rule}, got ${String(options[field])}`, field);
  };
  check(
    Number.isFinite(options.defaultEstimateMinutes) && options.defaultEstimateMinutes >= 0,
    'defaultEstimateMinutes',
    'a number ≥ 0',
  );
  check(
    Number.isFinite(options.calibrationFactor) && options.calibrationFactor > 0,
    'calibrationFactor',
    'a number > 0',
  );
  check(
    Number.isInteger(options.maxChunkMinutes) && options.maxChunkMinutes >= 1,
    'maxChunkMinutes',
    'a whole number ≥ 1',
  );
  check(
    Number.isInteger(options.horizonDays) && options.horizonDays >= 1 && options.horizonDays <= 3660,
    'horizonDays',
    'a whole number in 1–3660',
  );
  assertTimeZone(input.availability.timeZone);
  return options;
}

function checkpointNodes(
  graph: WorkGraph,
  checkpointId: string,
  taskIds: string[],
  warnings: ScheduleWarning[],
): number[] {
  const nodes = new Set<number>();
  for (const taskId of taskIds) {
    const expanded = graph.expand(taskId);
    if (expanded) for (const node of expanded) nodes.add(node);
    else {
      warnings.push({
        code: 'unknown_checkpoint_task',
        taskId,
        message: `Checkpoint ${checkpointId} names task ${taskId}, which is not in the plan; ignored`,
      });
    }
  }
  return [...nodes];
}

/** Dated before undated; ISO dates compare as strings. */
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Days with capacity from the start through the last day with work, chunks numbered per task. */
function scheduledDays(graph: WorkGraph, placement: Placement, calendar: WorkCalendar): ScheduledDay[] {
  const lastDay = Math.max(-1, ...placement.days.keys());
  const chunkCount = new Int32Array(graph.ids.length);
  for (const items of placement.days.values())
    for (const { node } of items) chunkCount[node] = (chunkCount[node] ?? 0) + 1;
  const chunkSeen = new Int32Array(graph.ids.length);
  const days: ScheduledDay[] = [];
  for (let day = 0; day <= lastDay; day++) {
    const capacityMinutes = calendar.capacity[day] ?? 0;
    if (capacityMinutes === 0) continue;
    const items = (placement.days.get(day) ?? []).map(({ node, minutes }) => {
      const chunk = (chunkSeen[node] ?? 0) + 1;
      chunkSeen[node] = chunk;
      return { taskId: graph.ids[node] ?? '', minutes, chunk, chunks: chunkCount[node] ?? 0 };
    });
    days.push({ date: calendar.dateOf(day), capacityMinutes, items });
  }
  return days;
}
