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
    const forecast: CheckpointForecast = {
      id: checkpoint.id,
      dueDate: checkpoint.dueDate,
      dueAt: null,
      hoursNeeded: hours(dueMinutes),
      hoursNeededWorstCase: hours(dueWorstMinutes),
      hoursAvailable: null,
      feasible: null,
      cutLine: [],
      ...project(own, placement, calendar, dueMinutes),
    };
    if (checkpoint.dueDate !== null) {
      Object.assign(
        forecast,
        judge(input, checkpoint.dueDate, own, dueNodes, (preference ??= cutPreference(input.ranking))),
      );
    }
    forecasts[index] = forecast;
  }
  return forecasts;
}

/** When the checkpoint's own work finishes: in the schedule, or past the horizon by capacity alone. */
function project(
  own: number[],
  placement: Placement,
  calendar: WorkCalendar,
  dueMinutes: number,
): Pick<CheckpointForecast, 'projectedFinishDate' | 'earliestFeasibleDate'> {
  const finishDays = own.map((node) => placement.finishDay[node] ?? -1);
  if (finishDays.some((day) => day < 0)) {
    const pastHorizon = calendar.dateOf(calendar.capacity.length);
    return {
      projectedFinishDate: null,
      earliestFeasibleDate: laterOf(dateWhenCapacityReaches(calendar, dueMinutes), pastHorizon),
    };
  }
  const lastDay = Math.max(-1, ...finishDays);
  const projectedFinishDate = lastDay >= 0 ? calendar.dateOf(lastDay) : null;
  return { projectedFinishDate, earliestFeasibleDate: projectedFinishDate ?? calendar.startDate };
}

/** The verdict for a dated checkpoint: capacity until its due date, whether it holds, else what to cut. */
function judge(
  input: ForecastInput,
  dueDate: LocalDate,
  own: number[],
  dueNodes: number[],
  preference: number[],
): Pick<CheckpointForecast, 'dueAt' | 'hoursAvailable' | 'feasible' | 'cutLine'> {
  const { graph, placement, calendar } = input;
  const availableMinutes = minutesThrough(calendar, dueDate);
  const dueDay = localDaysBetween(calendar.startDate, dueDate);
  const feasible = own.every((node) => {
    const finish = placement.finishDay[node] ?? -1;
    return finish >= 0 && finish <= dueDay;
  });
  const cut = feasible
    ? []
    : findCutLine({
        graph,
        ranking: input.ranking,
        preference,
        required: [...dueNodes],
        dueDay,
        availableMinutes,
        capacity: calendar.capacity,
        maxChunkMinutes: input.maxChunkMinutes,
      });
  return {
    dueAt: endOfLocalDay(dueDate, input.timeZone),
    hoursAvailable: hours(availableMinutes),
    feasible,
    cutLine: cut.map((node) => graph.ids[node] ?? ''),
  };
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
