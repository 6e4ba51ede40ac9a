/**
 * Per checkpoint: the hours it needs against the hours there are, the projected finish, and,
 * when the date does not hold, the cut line and the earliest date that would.
 */
import {
  dateWhenCapacityReaches,
  endOfLocalDay,
  localDaysBetween,
  minutesThrough,
  type WorkCalendar,
} from './calendar.js';
import { cutPreference, findCutLine } from './cut-line.js';
import type { Placement } from './place-work.js';
import type { Ranking } from './ranking.js';
import type { CheckpointForecast, LocalDate } from './schedule.model.js';
import type { WorkGraph } from './work-graph.js';

export interface ResolvedCheckpoint {
  id: string;
  dueDate: LocalDate | null;
  /** The checkpoint's own nodes (its tasks expanded to open leaves). */
  nodes: number[];
}

export interface ForecastInput {
  graph: WorkGraph;
  ranking: Ranking;
  placement: Placement;
  calendar: WorkCalendar;
  timeZone: string;
  maxChunkMinutes: number;
  checkpoints: ResolvedCheckpoint[];
  /** Checkpoint indices, earliest due first. */
  order: number[];
}

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** Forecasts in input order. Work for earlier checkpoints is scheduled first, so it counts towards later ones. */
export function forecastCheckpoints(input: ForecastInput): CheckpointForecast[] {
  const { graph, placement, calendar } = input;
  const due = new Uint8Array(graph.ids.length);
  const dueNodes: number[] = [];
  let dueMinutes = 0;
  let dueWorstMinutes = 0;
  const forecasts: CheckpointForecast[] = [];
  let preference: number[] | undefined;

  for (const index of input.order) {
    const checkpoint = input.checkpoints[index];
    if (!checkpoint) continue;
    const own = closure(graph, checkpoint.nodes);
    for (const node of own) {
      if (due[node] === 1) continue;
      due[node] = 1;
      dueNodes.push(node);
      dueMinutes += graph.minutes[node] ?? 0;
      dueWorstMinutes += graph.worstMinutes[node] ?? 0;
    }
    const finishDays = own.map((node) => placement.finishDay[node] ?? -1);
    const allPlaced = finishDays.every((day) => day >= 0);
    const lastDay = Math.max(-1, ...finishDays);
    const projectedFinishDate = allPlaced && lastDay >= 0 ? calendar.dateOf(lastDay) : null;
    const earliestFeasibleDate = allPlaced
      ? (projectedFinishDate ?? calendar.startDate)
      : laterOf(dateWhenCapacityReaches(calendar, dueMinutes), calendar.dateOf(calendar.capacity.length));

    const forecast: CheckpointForecast = {
      id: checkpoint.id,
      dueDate: checkpoint.dueDate,
      dueAt: null,
      hoursNeeded: hours(dueMinutes),
      hoursNeededWorstCase: hours(dueWorstMinutes),
      hoursAvailable: null,
      feasible: null,
      projectedFinishDate,
      cutLine: [],
      earliestFeasibleDate,
    };
    if (checkpoint.dueDate !== null) {
      const availableMinutes = minutesThrough(calendar, checkpoint.dueDate);
      const dueDay = localDaysBetween(calendar.startDate, checkpoint.dueDate);
      forecast.dueAt = endOfLocalDay(checkpoint.dueDate, input.timeZone);
      forecast.hoursAvailable = hours(availableMinutes);
      forecast.feasible = own.length === 0 || (allPlaced && lastDay <= dueDay);
      if (!forecast.feasible) {
        const cut = findCutLine({
          graph,
          ranking: input.ranking,
          preference: (preference ??= cutPreference(input.ranking)),
          required: [...dueNodes],
          dueDay,
          availableMinutes,
          capacity: calendar.capacity,
          maxChunkMinutes: input.maxChunkMinutes,
        });
        forecast.cutLine = cut.map((node) => graph.ids[node] ?? '');
      }
    }
    forecasts[index] = forecast;
  }
  return forecasts;
}

/** The nodes and everything they depend on. */
function closure(graph: Pick<WorkGraph, 'deps' | 'ids'>, nodes: number[]): number[] {
  const seen = new Set<number>();
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() ?? 0;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const dep of graph.deps[node] ?? []) if (!seen.has(dep)) stack.push(dep);
  }
  return [...seen];
}

function laterOf(a: LocalDate | null, b: LocalDate): LocalDate | null {
  return a === null ? null : a > b ? a : b;
}
