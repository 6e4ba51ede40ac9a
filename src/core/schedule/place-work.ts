/**
 * List scheduling for one builder: day by day, the best-ranked ready task gets the next minutes,
 * at most `maxChunkMinutes` of it per day; a task becomes ready the moment its last dependency
 * finishes, possibly the same day. O((tasks + chunks) log tasks + days).
 */
import { RankHeap } from './rank-heap.js';

export interface PlacementGraph {
  minutes: Int32Array;
  deps: number[][];
  dependents: number[][];
}

export interface PlaceWorkInput {
  graph: PlacementGraph;
  /** Position of each node in priority order (unique; lower first). */
  rank: Int32Array;
  /** Minutes available on each day of the horizon. */
  capacity: Int32Array;
  maxChunkMinutes: number;
  /** Only these nodes (a set closed under dependencies); all when omitted. */
  include?: Uint8Array;
  /** Stop after this many days (default: the whole horizon). */
  dayLimit?: number;
  /** Keep the day-by-day items (default true; a feasibility check needs only `complete`). */
  record?: boolean;
}

export interface Placement {
  /** Day index each node finished on; -1 when it did not finish. */
  finishDay: Int32Array;
  /** For each day with work: node and minutes, in the order they were placed. */
  days: Map<number, { node: number; minutes: number }[]>;
  /** Whether every included node finished. */
  complete: boolean;
}

export function placeWork(input: PlaceWorkInput): Placement {
  const { graph, rank, capacity, maxChunkMinutes, include } = input;
  const count = graph.minutes.length;
  const included = (node: number): boolean => !include || include[node] === 1;
  const remaining = new Int32Array(count);
  const waitingOn = new Int32Array(count);
  const finishDay = new Int32Array(count).fill(-1);
  const heap = new RankHeap(rank);
  let open = 0;
  for (let node = 0; node < count; node++) {
    if (!included(node)) continue;
    open++;
    remaining[node] = graph.minutes[node] ?? 0;
    for (const dep of graph.deps[node] ?? []) if (included(dep)) waitingOn[node] = (waitingOn[node] ?? 0) + 1;
    if (waitingOn[node] === 0) heap.push(node);
  }

  const days = new Map<number, { node: number; minutes: number }[]>();
  const dayLimit = Math.min(input.dayLimit ?? capacity.length, capacity.length);
  const setAside: number[] = [];
  for (let day = 0; day < dayLimit && open > 0; day++) {
    let left = capacity[day] ?? 0;
    const items: { node: number; minutes: number }[] = [];
    while (left > 0 && heap.size > 0) {
      const node = heap.pop() ?? 0;
      const minutes = Math.min(remaining[node] ?? 0, left, maxChunkMinutes);
      items.push({ node, minutes });
      left -= minutes;
      const unplaced = (remaining[node] ?? 0) - minutes;
      remaining[node] = unplaced;
      if (unplaced > 0) {
        setAside.push(node);
        continue;
      }
      finishDay[node] = day;
      open--;
      for (const next of graph.dependents[node] ?? []) {
        if (!included(next)) continue;
        const waiting = (waitingOn[next] ?? 0) - 1;
        waitingOn[next] = waiting;
        if (waiting === 0) heap.push(next);
      }
    }
    for (const node of setAside) heap.push(node);
    setAside.length = 0;
    if (items.length > 0 && input.record !== false) days.set(day, items);
  }
  return { finishDay, days, complete: open === 0 };
}
