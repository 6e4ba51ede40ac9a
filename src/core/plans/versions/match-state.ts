/**
 * The working state of a matching: both versions indexed once, the pairs made so far, and the
 * tie-breakers every pass shares (same parent, same phase, relative position).
 */
import type { PlanTask } from '../plan.model.js';
import type { MatchedBy } from './versions.model.js';
import { normalizeTitle } from './normalize-title.js';

export interface Side {
  tasks: readonly PlanTask[];
  /** Normalised titles; a title with no letters or digits keeps its trimmed text, so "✅" still matches "✅". */
  keys: string[];
  /** Depth in the parent tree (0 for top level); parents are matched before their children. */
  depths: number[];
  /** Index in the list scaled to [0, 1], so an insertion at the top barely moves the others. */
  positions: number[];
  indexById: Map<string, number>;
}

export function prepareSide(tasks: readonly PlanTask[]): Side {
  const indexById = new Map<string, number>();
  tasks.forEach((task, index) => {
    if (!indexById.has(task.id)) indexById.set(task.id, index);
  });
  const span = Math.max(1, tasks.length - 1);
  return {
    tasks,
    keys: tasks.map((task) => normalizeTitle(task.title) || task.title.trim()),
    depths: tasks.map((_, index) => depthOf(tasks, indexById, index)),
    positions: tasks.map((_, index) => index / span),
    indexById,
  };
}

function depthOf(tasks: readonly PlanTask[], indexById: Map<string, number>, start: number): number {
  const seen = new Set<number>([start]);
  let parentIndex = indexById.get(tasks[start]?.parentId ?? '');
  while (parentIndex !== undefined && !seen.has(parentIndex)) {
    seen.add(parentIndex);
    parentIndex = indexById.get(tasks[parentIndex]?.parentId ?? '');
  }
  return seen.size - 1;
}

export class MatchState {
  readonly previousOfNext: (number | null)[];
  readonly nextOfPrevious: (number | null)[];
  readonly by: MatchedBy[];
  readonly similarity: (number | undefined)[];

  constructor(
    readonly previous: Side,
    readonly next: Side,
  ) {
    this.previousOfNext = next.tasks.map(() => null);
    this.nextOfPrevious = previous.tasks.map(() => null);
    this.by = next.tasks.map(() => null);
    this.similarity = next.tasks.map(() => undefined);
  }

  isFree(nextIndex: number, previousIndex: number): boolean {
    return this.previousOfNext[nextIndex] === null && this.nextOfPrevious[previousIndex] === null;
  }

  pair(nextIndex: number, previousIndex: number, by: MatchedBy, similarity?: number): void {
    this.previousOfNext[nextIndex] = previousIndex;
    this.nextOfPrevious[previousIndex] = nextIndex;
    this.by[nextIndex] = by;
    this.similarity[nextIndex] = similarity;
  }

  /** 2 for the same parent (both top level, or the next parent already paired with the previous one), +1 for the same phase. */
  affinity(nextIndex: number, previousIndex: number): number {
    const nextTask = this.next.tasks[nextIndex];
    const previousTask = this.previous.tasks[previousIndex];
    if (!nextTask || !previousTask) return 0;
    return (
      (this.#sameParent(nextTask, previousTask) ? 2 : 0) + (nextTask.phase === previousTask.phase ? 1 : 0)
    );
  }

  distance(nextIndex: number, previousIndex: number): number {
    return Math.abs((this.next.positions[nextIndex] ?? 0) - (this.previous.positions[previousIndex] ?? 0));
  }

  #sameParent(nextTask: PlanTask, previousTask: PlanTask): boolean {
    if (nextTask.parentId === null || previousTask.parentId === null) {
      return nextTask.parentId === previousTask.parentId;
    }
    const nextParent = this.next.indexById.get(nextTask.parentId);
    const pairedParent = nextParent === undefined ? null : this.previousOfNext[nextParent];
    if (pairedParent === null || pairedParent === undefined) return false;
    return this.previous.tasks[pairedParent]?.id === previousTask.parentId;
  }
}

/** A candidate pair and what ranks it: higher score first, then affinity, then nearer position, then order. */
export interface Candidate {
  nextIndex: number;
  previousIndex: number;
  score: number;
  affinity: number;
  distance: number;
}

export function candidate(
  state: MatchState,
  nextIndex: number,
  previousIndex: number,
  score: number,
): Candidate {
  return {
    nextIndex,
    previousIndex,
    score,
    affinity: state.affinity(nextIndex, previousIndex),
    distance: state.distance(nextIndex, previousIndex),
  };
}

/** Pairs the best candidates first, each task at most once; deterministic for equal ranks. */
export function pairGreedily(
  state: MatchState,
  candidates: Candidate[],
  by: MatchedBy,
  withScore: boolean,
): void {
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      b.affinity - a.affinity ||
      a.distance - b.distance ||
      a.nextIndex - b.nextIndex ||
      a.previousIndex - b.previousIndex,
  );
  for (const { nextIndex, previousIndex, score } of candidates) {
    if (state.isFree(nextIndex, previousIndex)) {
      state.pair(nextIndex, previousIndex, by, withScore ? score : undefined);
    }
  }
}
