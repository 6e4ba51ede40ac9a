/**
 * The order work is taken in: tasks feeding the earliest checkpoint first, required before
 * optional, then the longest remaining chain of dependent work, then priority, then source
 * order. A task inherits the earliest checkpoint, the requiredness and the best priority of the
 * work that depends on it, so a dependency never waits behind less urgent work.
 */
import type { WorkGraph } from './work-graph.js';

export type RankingGraph = Pick<
  WorkGraph,
  'ids' | 'minutes' | 'priority' | 'optional' | 'deps' | 'dependents' | 'topo'
>;

export interface Ranking {
  /** Position of each node in priority order (unique). */
  rank: Int32Array;
  /** Index in `checkpointOrder` of the earliest checkpoint each node feeds; the count of checkpoints when none. */
  checkpointRank: Int32Array;
  /** Minutes of the node plus its longest chain of dependents. */
  chain: Float64Array;
  effectiveOptional: Uint8Array;
  effectivePriority: Uint8Array;
}

/** `checkpointNodes` lists each checkpoint's own nodes, earliest checkpoint first. */
export function rankWork(graph: RankingGraph, checkpointNodes: number[][]): Ranking {
  const count = graph.ids.length;
  const checkpointRank = new Int32Array(count).fill(checkpointNodes.length);
  checkpointNodes.forEach((nodes, position) => {
    const stack = nodes.filter((node) => checkpointRank[node] === checkpointNodes.length);
    for (const node of stack) checkpointRank[node] = position;
    while (stack.length > 0) {
      for (const dep of graph.deps[stack.pop() ?? 0] ?? []) {
        if (checkpointRank[dep] !== checkpointNodes.length) continue;
        checkpointRank[dep] = position;
        stack.push(dep);
      }
    }
  });

  const chain = new Float64Array(count);
  const effectiveOptional = Uint8Array.from(graph.optional);
  const effectivePriority = Uint8Array.from(graph.priority);
  for (let i = graph.topo.length - 1; i >= 0; i--) {
    const node = graph.topo[i] ?? 0;
    let longest = 0;
    for (const next of graph.dependents[node] ?? []) {
      longest = Math.max(longest, chain[next] ?? 0);
      effectiveOptional[node] = Math.min(effectiveOptional[node] ?? 0, effectiveOptional[next] ?? 0);
      effectivePriority[node] = Math.min(effectivePriority[node] ?? 0, effectivePriority[next] ?? 0);
    }
    chain[node] = (graph.minutes[node] ?? 0) + longest;
  }

  const order = Array.from({ length: count }, (_, node) => node);
  const at = (array: ArrayLike<number>, node: number): number => array[node] ?? 0;
  order.sort(
    (a, b) =>
      at(checkpointRank, a) - at(checkpointRank, b) ||
      at(effectiveOptional, a) - at(effectiveOptional, b) ||
      at(chain, b) - at(chain, a) ||
      at(effectivePriority, a) - at(effectivePriority, b) ||
      a - b,
  );
  const rank = new Int32Array(count);
  order.forEach((node, position) => (rank[node] = position));
  return { rank, checkpointRank, chain, effectiveOptional, effectivePriority };
}

/** The longest chain by minutes: from the node with the longest chain, follow the dependent with the longest chain. */
export function criticalPath(graph: Pick<RankingGraph, 'ids' | 'dependents'>, chain: Float64Array): string[] {
  let node = -1;
  for (let candidate = 0; candidate < chain.length; candidate++) {
    if (node < 0 || (chain[candidate] ?? 0) > (chain[node] ?? 0)) node = candidate;
  }
  const path: string[] = [];
  while (node >= 0) {
    path.push(graph.ids[node] ?? '');
    let next = -1;
    for (const candidate of graph.dependents[node] ?? []) {
      const better = next < 0 || (chain[candidate] ?? 0) > (chain[next] ?? 0);
      if (better || ((chain[candidate] ?? 0) === (chain[next] ?? 0) && candidate < next)) next = candidate;
    }
    node = next;
  }
  return path;
}
