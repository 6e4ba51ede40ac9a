/**
 * The bookkeeping of a history walk in topological order (parents first): which commit states are
 * still needed, and whether a commit may take its first parent's state and write into it.
 *
 * A state is kept while some child has not been processed, then dropped, so memory follows the
 * width of the history (branches in flight), not its length. The last child to be processed takes
 * its first parent's state and changes it in place; any earlier child works on a fork (O(1), see
 * `PathMap`). On a straight line of history nothing is ever copied but the files a commit changes.
 */
import { emptyState, forkState, type OwnershipState } from './line-ownership.js';

export interface WalkOptions {
  /**
   * Parents by commit index, for the commits the walk will process. A parent outside the walk (a
   * boundary, such as the commit a snapshot was taken at) must be given a state with `provide`.
   */
  parents: readonly (readonly number[])[];
  /** Commits whose state is kept after its children are done: the tip. */
  keep: Iterable<number>;
}

export class OwnershipWalk {
  private readonly parents: readonly (readonly number[])[];
  private readonly pendingChildren: Int32Array;
  private readonly keep: Set<number>;
  private readonly states = new Map<number, OwnershipState>();

  constructor(options: WalkOptions) {
    this.parents = options.parents;
    this.keep = new Set(options.keep);
    let size = options.parents.length;
    for (const list of options.parents) for (const parent of list) size = Math.max(size, parent + 1);
    this.pendingChildren = new Int32Array(size);
    for (const list of options.parents)
      for (const parent of new Set(list)) this.pendingChildren[parent]! += 1;
  }

  /** Gives a boundary commit its state before the walk reaches its children. */
  provide(commit: number, state: OwnershipState): void {
    this.states.set(commit, state);
  }

  /** How many commits' states are held right now (a measure of memory). */
  get held(): number {
    return this.states.size;
  }

  /**
   * The states of `commit`'s parents, in order, and the state to write `commit` into: the first
   * parent's own (taken) or a fork of it, or an empty state for a root commit.
   */
  begin(commit: number): { state: OwnershipState; parents: OwnershipState[] } {
    const parentIndexes = this.parents[commit] ?? [];
    const parents = parentIndexes.map((parent) => this.stateOf(parent));
    const first = parentIndexes[0];
    const firstState = parents[0];
    if (first === undefined || !firstState) return { state: emptyState(), parents };
    const last = this.pendingChildren[first] === 1 && !this.keep.has(first);
    return { state: last ? firstState : forkState(firstState), parents };
  }

  /** Records `commit`'s state and lets go of parents no other child needs. */
  finish(commit: number, state: OwnershipState): void {
    if ((this.pendingChildren[commit] ?? 0) > 0 || this.keep.has(commit)) this.states.set(commit, state);
    for (const parent of new Set(this.parents[commit] ?? [])) {
      const left = (this.pendingChildren[parent] ?? 0) - 1;
      this.pendingChildren[parent] = left;
      if (left === 0 && !this.keep.has(parent)) this.states.delete(parent);
    }
  }

  /** A kept state (the tip's, once the walk is done). */
  stateAt(commit: number): OwnershipState {
    return this.stateOf(commit);
  }

  private stateOf(commit: number): OwnershipState {
    const state = this.states.get(commit);
    if (!state) throw new Error(`line ownership: commit #${commit} has no state (walk out of order?)`);
    return state;
  }
}
