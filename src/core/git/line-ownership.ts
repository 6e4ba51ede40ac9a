/**
 * Line ownership, the pure half of an incremental `git blame`: for every file of a commit, which
 * commit last changed each line and that line's number in that commit (blame's "original line").
 *
 * A commit's state is derived from its parents' by the zero-context diffs git prints for it: lines
 * outside every hunk keep their owner, added lines belong to the commit. Merges follow blame's own
 * rule (see `merge-ownership.ts`): a line unchanged against parent 1 keeps parent 1's owner, else
 * one unchanged against parent 2 keeps parent 2's, and so on; a line changed against every parent
 * belongs to the merge.
 *
 * Lines are stored as one Int32Array of `[owner, origLine]` pairs per file, and a file's array is
 * never written once built (a change makes a new array), so states share the arrays of every file
 * they did not change.
 */
import { PathMap } from './path-map.js';

/**
 * `[owner, origLine, owner, origLine, …]`, one pair per line in file order. `owner` is a commit's
 * index in the walk; a negative owner `-(s + 1)` is a placeholder for "line `origLine` of source
 * `s`", a file of a commit outside the walk whose blame is looked up afterwards.
 */
export type FileLines = Int32Array;

/** A file whose lines are unknown: binary, or reached through a binary version. */
export interface OpaqueFile {
  readonly opaque: true;
}
export const OPAQUE_FILE: OpaqueFile = Object.freeze({ opaque: true });

export type FileEntry = FileLines | OpaqueFile;

/** Marks a path deleted in a state whose files otherwise fall through to a base (see `BaseFiles`). */
const DELETED = Object.freeze({ deleted: true });
type Slot = FileEntry | typeof DELETED;

/**
 * The files of a commit outside the walk (a branch's fork point when updating), loaded on demand:
 * `null` for a path the commit does not have. A path not in `files` has not been loaded yet.
 */
export interface BaseFiles {
  commit: string;
  files: Map<string, FileEntry | null>;
}

export interface OwnershipState {
  files: PathMap<Slot>;
  /** Where paths this state never wrote fall through to; null when the state knows every file. */
  base: BaseFiles | null;
}

/** Thrown when a lookup reaches a base file nobody loaded: call `unloadedReads` first. */
export class UnloadedBaseFile extends Error {
  constructor(
    readonly base: BaseFiles,
    readonly path: string,
  ) {
    super(`line ownership: ${path} at ${base.commit} was not loaded`);
  }
}

export function emptyState(): OwnershipState {
  return { files: new PathMap(), base: null };
}

/** A state that knows nothing yet and asks `base` for every path. */
export function baseState(base: BaseFiles): OwnershipState {
  return { files: new PathMap(), base };
}

/** A complete state from known files (a snapshot being loaded). */
export function stateOf(files: Iterable<[string, FileEntry]>): OwnershipState {
  const state = emptyState();
  for (const [path, entry] of files) state.files.set(path, entry);
  return state;
}

/** A copy for a second child: O(buckets), sharing every file's lines. */
export function forkState(state: OwnershipState): OwnershipState {
  return { files: state.files.fork(), base: state.base };
}

export function isOpaque(entry: FileEntry): entry is OpaqueFile {
  return !(entry instanceof Int32Array);
}

/** The file at `path`, or undefined when the state has no such file. */
export function lookupFile(state: OwnershipState, path: string): FileEntry | undefined {
  const slot = state.files.get(path);
  if (slot === DELETED) return undefined;
  if (slot !== undefined || !state.base) return slot as FileEntry | undefined;
  const loaded = state.base.files.get(path);
  if (loaded === undefined) throw new UnloadedBaseFile(state.base, path);
  return loaded ?? undefined;
}

/** True when reading `path` would need a base file that is not loaded yet. */
export function needsLoad(state: OwnershipState, path: string): boolean {
  return !state.files.has(path) && state.base !== null && !state.base.files.has(path);
}

export function writeFile(state: OwnershipState, path: string, entry: FileEntry): void {
  state.files.set(path, entry);
}

export function deleteFile(state: OwnershipState, path: string): void {
  if (state.base) state.files.set(path, DELETED);
  else state.files.delete(path);
}

/**
 * Every file of a complete state. Throws for a state that still falls through to a base: its
 * untouched files are unknown.
 */
export function filesOf(state: OwnershipState): Map<string, FileEntry> {
  if (state.base) throw new Error(`line ownership: the state still depends on ${state.base.commit}`);
  const files = new Map<string, FileEntry>();
  for (const [path, slot] of state.files.entries()) if (slot !== DELETED) files.set(path, slot as FileEntry);
  return files;
}

/** A file's pairs split into the two arrays callers index by line (`owners[i]`, `origLines[i]`). */
export function splitLines(lines: FileLines): { owners: Int32Array; origLines: Int32Array } {
  const owners = new Int32Array(lines.length / 2);
  const origLines = new Int32Array(lines.length / 2);
  for (let i = 0; i < owners.length; i++) {
    owners[i] = lines[2 * i] ?? 0;
    origLines[i] = lines[2 * i + 1] ?? 0;
  }
  return { owners, origLines };
}

/** Lines all owned by `owner`, numbered 1…count: a new file, or a placeholder for a base file. */
export function ownedLines(owner: number, count: number): FileLines {
  const lines = new Int32Array(count * 2);
  for (let i = 0; i < count; i++) {
    lines[2 * i] = owner;
    lines[2 * i + 1] = i + 1;
  }
  return lines;
}

/** The line count a diff leaves: the old count minus the removed lines plus the added ones. */
export function countAfter(oldCount: number, hunks: readonly number[]): number {
  let count = oldCount;
  for (let i = 0; i < hunks.length; i += 4) count += (hunks[i + 3] ?? 0) - (hunks[i + 1] ?? 0);
  return count;
}

/**
 * Applies zero-context hunks `[oldStart, oldCount, newStart, newCount, …]` (git's numbers) to a
 * file: lines outside every hunk keep their owner; the added lines belong to `commit`, with their
 * line numbers in the new file. Throws when the hunks do not fit the file, which means the walk and
 * git disagree about its content.
 *
 * @example applyHunks(ownedLines(0, 3), [2, 1, 2, 2], 1) // lines: 0:1, 1:2, 1:3, 0:3
 */
export function applyHunks(lines: FileLines, hunks: readonly number[], commit: number): FileLines {
  const oldCount = lines.length / 2;
  const out = new Int32Array(countAfter(oldCount, hunks) * 2);
  let oldPos = 0;
  let newPos = 0;
  for (let i = 0; i < hunks.length; i += 4) {
    const a = hunks[i] ?? 0;
    const b = hunks[i + 1] ?? 0;
    const c = hunks[i + 2] ?? 0;
    const d = hunks[i + 3] ?? 0;
    const oldStart = b > 0 ? a - 1 : a;
    const keep = oldStart - oldPos;
    if (keep < 0 || oldStart + b > oldCount || newPos + keep !== (d > 0 ? c - 1 : c)) {
      throw new Error(`line ownership: hunk -${a},${b} +${c},${d} does not fit a ${oldCount}-line file`);
    }
    out.set(lines.subarray(2 * oldPos, 2 * oldStart), 2 * newPos);
    newPos += keep;
    oldPos = oldStart + b;
    for (let j = 0; j < d; j++, newPos++) {
      out[2 * newPos] = commit;
      out[2 * newPos + 1] = c + j;
    }
  }
  if (out.length - 2 * newPos !== lines.length - 2 * oldPos) {
    throw new Error(`line ownership: hunks leave ${out.length / 2 - newPos} lines for ${oldCount - oldPos}`);
  }
  out.set(lines.subarray(2 * oldPos), 2 * newPos);
  return out;
}

/**
 * For lines of the new file not yet `taken`, copies the owner from `parent` where the hunks leave
 * the line unchanged, and marks them taken: one step of blame's pass over a merge's parents.
 */
export function takeUnchanged(
  out: FileLines,
  taken: Uint8Array,
  parent: FileLines,
  hunks: readonly number[],
): void {
  let oldPos = 0;
  let newPos = 0;
  const copy = (count: number): void => {
    for (let j = 0; j < count; j++, oldPos++, newPos++) {
      if (taken[newPos] === 1) continue;
      out[2 * newPos] = parent[2 * oldPos] ?? 0;
      out[2 * newPos + 1] = parent[2 * oldPos + 1] ?? 0;
      taken[newPos] = 1;
    }
  };
  for (let i = 0; i < hunks.length; i += 4) {
    const a = hunks[i] ?? 0;
    const b = hunks[i + 1] ?? 0;
    const c = hunks[i + 2] ?? 0;
    const d = hunks[i + 3] ?? 0;
    const oldStart = b > 0 ? a - 1 : a;
    copy(oldStart - oldPos);
    if (newPos !== (d > 0 ? c - 1 : c))
      throw new Error('line ownership: a parent diff does not fit the file');
    oldPos = oldStart + b;
    newPos += d;
  }
  copy(taken.length - newPos);
  if (oldPos !== parent.length / 2 || newPos !== taken.length)
    throw new Error('line ownership: a parent diff does not fit its file');
}
