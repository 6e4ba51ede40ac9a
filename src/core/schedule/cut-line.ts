/**
 * The cut line: what to defer so a checkpoint's date holds.
 *
 * Candidates are taken optional first, then lowest priority, then latest in the schedule (so
 * the last links of dependency chains go before what they build on); the priority and
 * requiredness are those inherited from dependent work. Deferring a task defers the work that
 * depends on it. Cuts are added until the remaining minutes fit the capacity before the due date
 * and a re-placement confirms every remaining task finishes by then (chunking and dependencies
 * can leave capacity unused); then cuts that turn out unnecessary are restored, latest first.
 */
import { placeWork, type PlacementGraph } from './place-work.js';
import type { Ranking } from './ranking.js';

export interface CutLineInput {
  graph: PlacementGraph;
  ranking: Pick<Ranking, 'rank'>;
  /** Every node, first to cut first: see {@link cutPreference}. */
  preference: number[];
  /** The work due by the checkpoint: closed under dependencies. */
  required: number[];
  /** Due day, counted from the start date (negative when due before the start). */
  dueDay: number;
  availableMinutes: number;
  capacity: Int32Array;
  maxChunkMinutes: number;
}

/** Nodes to defer, in schedule order; empty when the work already holds. */
export function findCutLine(input: CutLineInput): number[] {
  const { graph, ranking, required, availableMinutes } = input;
  const count = graph.minutes.length;
  const minutesOf = (node: number): number => graph.minutes[node] ?? 0;
  const inSet = new Uint8Array(count);
  for (const node of required) inSet[node] = 1;
  const unitOf = new Int32Array(count).fill(-1);
  const units: CutUnit[] = [];
  let remaining = required.reduce((sum, node) => sum + minutesOf(node), 0);

  const isCut = (node: number): boolean =>
    (unitOf[node] ?? -1) >= 0 && units[unitOf[node] ?? 0]?.cut === true;
  const holds = (): boolean => {
    const include = new Uint8Array(count);
    for (const node of required) include[node] = isCut(node) ? 0 : 1;
    const dayLimit = Math.max(0, input.dueDay + 1);
    return placeWork({
      graph,
      rank: ranking.rank,
      capacity: input.capacity,
      maxChunkMinutes: input.maxChunkMinutes,
      include,
      dayLimit,
      record: false,
    }).complete;
  };
  if (remaining <= availableMinutes && holds()) return [];

  const candidates = input.preference.filter((node) => inSet[node] === 1);
  let nextCandidate = 0;
  const cutNext = (): void => {
    while (nextCandidate < candidates.length && (unitOf[candidates[nextCandidate] ?? 0] ?? -1) >= 0)
      nextCandidate++;
    const start = candidates[nextCandidate++];
    if (start === undefined) return;
    const unit = { nodes: [start], minutes: 0, cut: true };
    unitOf[start] = units.push(unit) - 1;
    for (let i = 0; i < unit.nodes.length; i++) {
      const node = unit.nodes[i] ?? 0;
      unit.minutes += minutesOf(node);
      for (const next of graph.dependents[node] ?? []) {
        if (inSet[next] !== 1 || (unitOf[next] ?? -1) >= 0) continue;
        unitOf[next] = unitOf[start] ?? 0;
        unit.nodes.push(next);
      }
    }
    remaining -= unit.minutes;
  };
  const exhausted = (): boolean => remaining === 0;

  while (remaining > availableMinutes && !exhausted()) cutNext();
  for (let batch = 1; !exhausted() && !holds(); batch *= 2) {
    for (let i = 0; i < batch && !exhausted(); i++) cutNext();
  }
  restoreUnneeded(units, unitOf, graph, availableMinutes - remaining, holds);
  return required.filter(isCut).sort((a, b) => (ranking.rank[a] ?? 0) - (ranking.rank[b] ?? 0));
}

/** All nodes in the order they are cut: optional first, then lowest priority, then latest in the schedule. */
export function cutPreference(
  ranking: Pick<Ranking, 'rank' | 'effectiveOptional' | 'effectivePriority'>,
): number[] {
  const at = (array: ArrayLike<number>, node: number): number => array[node] ?? 0;
  return Array.from({ length: ranking.rank.length }, (_, node) => node).sort(
    (a, b) =>
      at(ranking.effectiveOptional, b) - at(ranking.effectiveOptional, a) ||
      at(ranking.effectivePriority, b) - at(ranking.effectivePriority, a) ||
      at(ranking.rank, b) - at(ranking.rank, a),
  );
}

const MAX_SINGLE_RESTORE_CHECKS = 32;

type CutUnit = { nodes: number[]; minutes: number; cut: boolean };

/**
 * Restores cuts, latest first, whose minutes still fit and whose tasks depend on nothing still
 * cut. All at once when a re-placement agrees; else one by one, each confirmed by a re-placement
 * (bounded, so a huge cut line stays cheap: past the bound, the rest stay cut).
 */
function restoreUnneeded(
  units: CutUnit[],
  unitOf: Int32Array,
  graph: PlacementGraph,
  spareMinutes: number,
  holds: () => boolean,
): void {
  const restorable = (u: number, spare: number): boolean => {
    const unit = units[u];
    if (!unit || unit.minutes > spare) return false;
    return !unit.nodes.some((node) =>
      (graph.deps[node] ?? []).some((dep) => {
        const depUnit = unitOf[dep] ?? -1;
        return depUnit >= 0 && depUnit !== u && units[depUnit]?.cut === true;
      }),
    );
  };
  const setCut = (u: number, cut: boolean): void => {
    const unit = units[u];
    if (unit) unit.cut = cut;
  };

  const restored: number[] = [];
  let spare = spareMinutes;
  for (let u = units.length - 1; u >= 0; u--) {
    if (!restorable(u, spare)) continue;
    setCut(u, false);
    spare -= units[u]?.minutes ?? 0;
    restored.push(u);
  }
  if (restored.length === 0 || holds()) return;
  for (const u of restored) setCut(u, true);

  spare = spareMinutes;
  let checks = 0;
  for (let u = units.length - 1; u >= 0 && checks < MAX_SINGLE_RESTORE_CHECKS; u--) {
    if (!restorable(u, spare)) continue;
    setCut(u, false);
    checks++;
    if (holds()) spare -= units[u]?.minutes ?? 0;
    else setCut(u, true);
  }
}
