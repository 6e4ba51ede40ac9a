/**
 * Plan tasks to the graph of leaf work the scheduler places. A parent with subtasks is done when
 * its subtasks are: it is never scheduled itself, its dependencies pass to its subtasks, and a
 * dependency on it means a dependency on each of its open leaves. A done or cancelled task
 * closes its whole subtree and satisfies whatever depends on it.
 */
import type { PlanTask } from '../plans/plan.model.js';
import { breakCyclesAndOrder } from './dependency-order.js';
import { taskMinutes, type EstimatePolicy } from './estimate.js';
import type { ScheduleWarning } from './schedule.model.js';
import { resolveTaskTree, type TaskTree } from './task-tree.js';

export interface WorkGraph {
  /** Leaf task ids to schedule; node i is `ids[i]`, in source order. */
  ids: string[];
  minutes: Int32Array;
  worstMinutes: Int32Array;
  /** 0 high, 1 medium or unset, 2 low. */
  priority: Uint8Array;
  optional: Uint8Array;
  deps: number[][];
  dependents: number[][];
  /** Every node after all its dependencies. */
  topo: number[];
  /** The nodes a plan task id stands for; undefined for an unknown id. */
  expand(taskId: string): number[] | undefined;
  excludedOptional: string[];
  warnings: ScheduleWarning[];
}

const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export function buildWorkGraph(
  tasks: PlanTask[],
  policy: EstimatePolicy & { includeOptional: boolean },
): WorkGraph {
  const tree = resolveTaskTree(tasks);
  const warnings = tree.warnings;
  const leaves = tree.openLeaves;
  const nodeOf = new Map(leaves.map((task, index) => [task.id, index]));
  const deps = leaves.map((task, index) => leafDependencies(tree, task, index, nodeOf));
  const order = breakCyclesAndOrder(deps);
  for (const { from, to, cycle } of order.broken) {
    const path = [...cycle, to].map((node) => leaves[node]?.id).join(' → ');
    warnings.push({
      code: 'dependency_cycle',
      taskId: leaves[from]?.id,
      message: `Dependency cycle ${path} (→ reads "depends on"): ignored ${leaves[from]?.id} → ${leaves[to]?.id}`,
    });
  }

  const keep = policy.includeOptional
    ? leaves.map(() => true)
    : neededByRequired(leaves, deps, order.topo, tree, warnings);
  const compact = new Int32Array(leaves.length).fill(-1);
  const ids: string[] = [];
  leaves.forEach((task, node) => {
    if (keep[node]) compact[node] = ids.push(task.id) - 1;
  });

  const count = ids.length;
  const minutes = new Int32Array(count);
  const worstMinutes = new Int32Array(count);
  const priority = new Uint8Array(count);
  const optional = new Uint8Array(count);
  const compactDeps: number[][] = [];
  const dependents: number[][] = Array.from({ length: count }, () => []);
  leaves.forEach((task, node) => {
    const index = compact[node] ?? -1;
    if (index < 0) return;
    const estimate = taskMinutes(task.estimateMinutes, policy);
    if (estimate.invalid) {
      warnings.push({
        code: 'invalid_estimate',
        taskId: task.id,
        message: `Estimate of ${task.id} is not a number of minutes ≥ 0; used the default`,
      });
    }
    minutes[index] = estimate.expected;
    worstMinutes[index] = estimate.worstCase;
    priority[index] = PRIORITY_RANK[task.priority ?? 'medium'];
    optional[index] = tree.isOptional(task) ? 1 : 0;
    const own = (deps[node] ?? []).map((dep) => compact[dep] ?? -1).filter((dep) => dep >= 0);
    compactDeps.push(own);
    for (const dep of own) dependents[dep]?.push(index);
  });

  return {
    ids,
    minutes,
    worstMinutes,
    priority,
    optional,
    deps: compactDeps,
    dependents,
    topo: order.topo.map((node) => compact[node] ?? -1).filter((node) => node >= 0),
    expand: (taskId) => tree.leavesOf(taskId)?.flatMap((task) => compactNode(compact, nodeOf, task.id)),
    excludedOptional: leaves.filter((_, node) => !keep[node]).map((task) => task.id),
    warnings,
  };
}

function compactNode(compact: Int32Array, nodeOf: Map<string, number>, id: string): number[] {
  const index = compact[nodeOf.get(id) ?? -1] ?? -1;
  return index >= 0 ? [index] : [];
}

/** A leaf's dependencies: its own and its ancestors', each expanded to open leaves, deduplicated. */
function leafDependencies(
  tree: TaskTree,
  leaf: PlanTask,
  self: number,
  nodeOf: Map<string, number>,
): number[] {
  const result: number[] = [];
  const seen = new Set<number>([self]);
  for (const holder of [leaf, ...tree.ancestors(leaf)]) {
    for (const depId of tree.dependencies(holder)) {
      for (const depLeaf of tree.leavesOf(depId) ?? []) {
        const node = nodeOf.get(depLeaf.id);
        if (node !== undefined && !seen.has(node)) {
          seen.add(node);
          result.push(node);
        }
      }
    }
  }
  return result;
}

/** Required leaves and everything they depend on; optional work needed by required work is kept, with a warning. */
function neededByRequired(
  leaves: PlanTask[],
  deps: number[][],
  topo: number[],
  tree: TaskTree,
  warnings: ScheduleWarning[],
): boolean[] {
  const needed = leaves.map((task) => !tree.isOptional(task));
  for (let i = topo.length - 1; i >= 0; i--) {
    const node = topo[i] ?? 0;
    if (needed[node]) for (const dep of deps[node] ?? []) needed[dep] = true;
  }
  leaves.forEach((task, node) => {
    if (needed[node] && tree.isOptional(task)) {
      warnings.push({
        code: 'optional_required',
        taskId: task.id,
        message: `Optional task ${task.id} is needed by required work; scheduled anyway`,
      });
    }
  });
  return needed;
}
