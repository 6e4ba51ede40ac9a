/**
 * Applying one commit to line ownership: its file changes, read against its parents' states.
 *
 * `planMergeFile` is blame's choice of where a merge's file came from (builtin blame's
 * `pass_blame`), so that ownership agrees with `git blame` line for line:
 * 1. for each parent in order, the same path: if that parent's file is byte-identical, the whole
 *    file is that parent's (even when an earlier parent has the same path with other content);
 * 2. then, for parents without the path, a rename source, identical content again winning whole;
 * 3. otherwise each line goes to the first parent whose diff leaves it unchanged, and lines changed
 *    against every parent belong to the merge.
 */
import {
  OPAQUE_FILE,
  applyHunks,
  countAfter,
  deleteFile,
  isOpaque,
  lookupFile,
  needsLoad,
  takeUnchanged,
  writeFile,
  type BaseFiles,
  type FileEntry,
  type FileLines,
  type OwnershipState,
} from './line-ownership.js';

const NO_LINES: FileLines = new Int32Array(0);

/** A diff of one file against one parent. */
export interface LineSource {
  /** The parent's position in the commit's parent list (0 for the first parent). */
  parent: number;
  /**
   * The file's path in that parent. Null when the diff shows the file as added: such a source
   * gives no owners, only the new file's line count.
   */
  from: string | null;
  binary: boolean;
  /** Zero-context hunks, flattened as `[oldStart, oldCount, newStart, newCount, …]`. */
  hunks: readonly number[];
}

export type FileChange =
  | { kind: 'delete'; path: string }
  /** The file is byte-identical to `from` in parent `parent`: every line keeps that file's owner. */
  | { kind: 'whole'; path: string; parent: number; from: string }
  /** Lines from the sources, in parent order; lines no source keeps belong to the commit. */
  | { kind: 'lines'; path: string; sources: readonly LineSource[] };

/** What a merge's diff against one parent says about one of the merge's paths. */
export type ParentSide =
  /** Not in that parent's diff: the parent has the path with the same content. */
  | { status: 'same' }
  /** Added (no such path in that parent) or a type change (blame does not follow those either). */
  | { status: 'A' | 'T' }
  /** The same path with other content; `identical` when only the mode changed. */
  | { status: 'M'; identical: boolean }
  /** Renamed or copied from `srcPath`; `identical` when the content did not change. */
  | { status: 'R' | 'C'; srcPath: string; identical: boolean };

export type MergeFilePlan =
  | { kind: 'whole'; parent: number; from: string }
  /** Per parent, the path to diff against; null where the parent has no origin for the file. */
  | { kind: 'lines'; origins: (string | null)[] };

/**
 * Where a merge's file comes from, parent by parent, as blame decides it (see the module comment).
 *
 * @example planMergeFile('a.ts', [{ status: 'M', identical: false }, { status: 'same' }])
 * // { kind: 'whole', parent: 1, from: 'a.ts' }
 */
export function planMergeFile(path: string, sides: readonly ParentSide[]): MergeFilePlan {
  const origins: (string | null)[] = sides.map(() => null);
  for (const [k, side] of sides.entries()) {
    if (side.status === 'same') return { kind: 'whole', parent: k, from: path };
    if (side.status !== 'M') continue;
    // A mode change alone keeps the blob: blame hands the whole file over.
    if (side.identical) return { kind: 'whole', parent: k, from: path };
    origins[k] = path;
  }
  for (const [k, side] of sides.entries()) {
    if (origins[k] !== null || (side.status !== 'R' && side.status !== 'C')) continue;
    if (side.identical) return { kind: 'whole', parent: k, from: side.srcPath };
    origins[k] = side.srcPath;
  }
  return { kind: 'lines', origins };
}

/** The base files `applyChanges` would read and nobody has loaded yet. */
export function unloadedReads(
  parents: readonly OwnershipState[],
  changes: readonly FileChange[],
): { base: BaseFiles; path: string }[] {
  const reads: { base: BaseFiles; path: string }[] = [];
  if (parents.every((state) => state.base === null)) return reads; // a full walk never has bases
  const want = (parent: number, path: string): void => {
    const state = parents[parent];
    if (state?.base && needsLoad(state, path)) reads.push({ base: state.base, path });
  };
  for (const change of changes) {
    if (change.kind === 'whole') want(change.parent, change.from);
    if (change.kind === 'lines')
      for (const source of change.sources) if (source.from) want(source.parent, source.from);
  }
  return reads;
}

/**
 * Applies a commit's changes to `state`, which starts as (a copy of) its first parent's state and
 * is written in place. Every new file is computed from the parents before anything is written, so
 * a rename and a new file at the old path, or a state that is its own first parent's, come out
 * right.
 */
export function applyChanges(options: {
  state: OwnershipState;
  commit: number;
  parents: readonly OwnershipState[];
  changes: readonly FileChange[];
}): void {
  const { state, commit, parents, changes } = options;
  const writes: [string, FileEntry][] = [];
  for (const change of changes) {
    if (change.kind === 'whole') writes.push([change.path, read(parents, change.parent, change.from)]);
    else if (change.kind === 'lines') writes.push([change.path, linesOf(change.sources, parents, commit)]);
  }
  for (const change of changes) if (change.kind === 'delete') deleteFile(state, change.path);
  for (const [path, entry] of writes) writeFile(state, path, entry);
}

/** A parent's file; a file the diff says exists but the state lacks is unknown, not an error to hide. */
function read(parents: readonly OwnershipState[], parent: number, path: string): FileEntry {
  const state = parents[parent];
  if (!state) throw new Error(`line ownership: no parent ${parent}`);
  return lookupFile(state, path) ?? OPAQUE_FILE;
}

function linesOf(
  sources: readonly LineSource[],
  parents: readonly OwnershipState[],
  commit: number,
): FileEntry {
  const only = sources.length === 1 ? sources[0] : undefined;
  if (only && !only.binary) {
    // The common case, a commit with one parent: no bookkeeping beyond the hunks.
    if (only.from === null) return applyHunks(NO_LINES, only.hunks, commit);
    const lines = read(parents, only.parent, only.from);
    return isOpaque(lines) ? OPAQUE_FILE : applyHunks(lines, only.hunks, commit);
  }
  const known: { lines: FileLines; hunks: readonly number[] }[] = [];
  let count: number | null = null;
  for (const source of sources) {
    if (source.binary) return OPAQUE_FILE;
    if (source.from === null) {
      count ??= countAfter(0, source.hunks);
      continue;
    }
    const lines = read(parents, source.parent, source.from);
    if (isOpaque(lines)) return OPAQUE_FILE;
    count ??= countAfter(lines.length / 2, source.hunks);
    known.push({ lines, hunks: source.hunks });
  }
  if (count === null) return OPAQUE_FILE;
  const single = known[0];
  if (known.length === 1 && single) return applyHunks(single.lines, single.hunks, commit);
  const out = new Int32Array(count * 2);
  const taken = new Uint8Array(count);
  for (const { lines, hunks } of known) takeUnchanged(out, taken, lines, hunks);
  for (let i = 0; i < count; i++) {
    if (taken[i] === 1) continue;
    out[2 * i] = commit;
    out[2 * i + 1] = i + 1;
  }
  return out;
}
