/**
 * Makes a dependency graph acyclic, deterministically, and orders it.
 */

export interface BrokenEdge {
  /** The task whose dependency was ignored. */
  from: number;
  /** The dependency that was ignored. */
  to: number;
  /** The cycle as found: `cycle[0]` depends on `cycle[1]` … which depends on `cycle[0]`. */
  cycle: number[];
}

export interface DependencyOrder {
  /** Every node, each after all its (kept) dependencies. */
  topo: number[];
  broken: BrokenEdge[];
}

/**
 * Depth-first search from each node in index order, following dependencies in the order they
 * were written; an edge back to a node still on the path closes a cycle and is removed from
 * `deps` in place. What remains is acyclic and the post-order is a topological order. Iterative,
 * so a long chain cannot overflow the stack. O(nodes + edges).
 */
export function breakCyclesAndOrder(deps: number[][]): DependencyOrder {
  const count = deps.length;
  const state = new Uint8Array(count); // 0 unseen, 1 on the path, 2 finished
  const path: number[] = [];
  const nextEdge: number[] = [];
  const topo: number[] = [];
  const broken: BrokenEdge[] = [];

  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    path.push(root);
    nextEdge.push(0);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top] ?? 0;
      const edges = deps[node] ?? [];
      const edgeIndex = nextEdge[top] ?? 0;
      if (edgeIndex >= edges.length) {
        state[node] = 2;
        topo.push(node);
        path.pop();
        nextEdge.pop();
        continue;
      }
      const dep = edges[edgeIndex] ?? 0;
      if (state[dep] === 1) {
        broken.push({ from: node, to: dep, cycle: path.slice(path.indexOf(dep)) });
        edges.splice(edgeIndex, 1);
        continue;
      }
      nextEdge[top] = edgeIndex + 1;
      if (state[dep] === 0) {
        state[dep] = 1;
        path.push(dep);
        nextEdge.push(0);
      }
    }
  }
  return { topo, broken };
}
