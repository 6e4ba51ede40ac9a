/**
 * Line ownership of a branch's tip — per file, the commit that last changed each line, the answer
 * `git blame` gives — computed from ONE streamed `git log -p -U0` pass over history instead of one
 * blame per file, and updated incrementally from a snapshot when the branch moves.
 *
 * Where the answer can differ from `git blame` (see docs/git-ownership.md): textconv drivers (blame
 * applies them, the walk reads raw diffs), and a user-configured diff.algorithm on Git ≥ 2.53,
 * whose blame may honour it while the walk pins Myers (blame's only algorithm before 2.53).
 */
import type { BlameFileSummary } from './blame.js';
import { GitError } from './git-errors.js';
import { OPAQUE_FILE, stateOf, type FileEntry, type OwnershipState } from '../core/git/line-ownership.js';
import { isAncestor } from './ownership-git.js';
import {
  finishOwnership,
  type BlamedFallback,
  type FileOwnership,
  type Ownership,
} from './ownership-finish.js';
import { walkOwnership } from './ownership-walker.js';
import type { ProgressOptions } from './progress.js';
import { defaultBranch, resolveCommit } from './refs.js';

export type { BlamedFallback, FileOwnership, Ownership, OwnershipCommit } from './ownership-finish.js';
export { loadOwnership, saveOwnership } from './ownership-snapshot.js';

/** An ownership with how it was computed. */
export interface OwnershipBuild extends Ownership {
  /** How many commits were walked (all of history for a full build, the new ones for an update). */
  walked: number;
  /** Files answered by `git blame` directly; usually none. */
  blamed: BlamedFallback[];
  /**
   * Why an update rebuilt everything instead: the snapshot's commit is not an ancestor of the new
   * tip (history rewritten: rebase, force-push), or the new tip's first-parent line does not pass
   * through it. Null for a full build asked for, and for a real update.
   */
  fullRebuild: 'not an ancestor' | 'left the first-parent line' | null;
}

export interface OwnershipOptions {
  repo: string;
  /** What to compute ownership for; the default branch (see `defaultBranch`) when absent. */
  ref?: string;
  progress?: ProgressOptions;
  signal?: AbortSignal;
}

/**
 * Computes who last changed every line of the default branch's tip (or `ref`), walking its whole
 * history once. Memory follows the tree and the number of branches in flight, not the history.
 *
 * @example
 * const ownership = await buildOwnership({ repo });
 * await saveOwnership(ownership, join(gitDir, 'recital', `ownership-${ownership.commit}.bin`));
 */
export async function buildOwnership(options: OwnershipOptions): Promise<OwnershipBuild> {
  const { repo, progress, signal } = options;
  const tip = await resolveTip(repo, options.ref);
  const walk = await walkOwnership({ repo, tip, offset: 0, progress, signal });
  const { ownership, blamed } = await finishOwnership({ repo, tip, walk, previous: [], signal });
  return { ...ownership, walked: walk.commits.length, blamed, fullRebuild: null };
}

/**
 * Brings an ownership up to date with `to` (the default branch when absent), walking only the
 * commits added since `from.commit`. Falls back to a full build when history was rewritten (see
 * `OwnershipBuild.fullRebuild`).
 *
 * @example
 * const next = await updateOwnership({ repo, from: await loadOwnership(file) });
 */
export async function updateOwnership(options: {
  repo: string;
  /** The ownership to continue from, typically `loadOwnership` of the last snapshot. */
  from: Ownership;
  /** The new tip; the default branch when absent. */
  to?: string;
  progress?: ProgressOptions;
  signal?: AbortSignal;
}): Promise<OwnershipBuild> {
  const { repo, from, progress, signal } = options;
  const tip = await resolveTip(repo, options.to);
  if (tip === from.commit) return { ...from, walked: 0, blamed: [], fullRebuild: null };
  const rebuild = async (reason: OwnershipBuild['fullRebuild']): Promise<OwnershipBuild> => ({
    ...(await buildOwnership({ repo, ref: tip, progress, signal })),
    fullRebuild: reason,
  });
  if (!(await isAncestor(repo, from.commit, tip))) return rebuild('not an ancestor');
  const state = ownershipState(from);
  const walk = await walkOwnership({
    repo,
    tip,
    from: { commit: from.commit, state },
    offset: from.commits.length,
    progress,
    signal,
  });
  if (walk.state.base !== null) return rebuild('left the first-parent line');
  const finished = await finishOwnership({ repo, tip, walk, previous: from.commits, signal });
  return { ...finished.ownership, walked: walk.commits.length, blamed: finished.blamed, fullRebuild: null };
}

/**
 * Per file, the summary `blameTree` gives (`BlameFileSummary`), so callers can switch from blame
 * to ownership without other changes.
 */
export function ownershipSummaries(ownership: Ownership): BlameFileSummary[] {
  const summaries: BlameFileSummary[] = [];
  for (const [path, { owners }] of ownership.files) {
    const summary: BlameFileSummary = { path, lines: owners.length, bySha: new Map(), authorsByEmail: {} };
    owners.forEach((owner, i) => {
      const commit = ownership.commits[owner];
      if (!commit) throw new Error(`ownership of ${path}: no commit #${owner}`);
      const lines = summary.bySha.get(commit.sha);
      if (lines) lines.push(i + 1);
      else summary.bySha.set(commit.sha, [i + 1]);
      summary.authorsByEmail[commit.authorEmail] = (summary.authorsByEmail[commit.authorEmail] ?? 0) + 1;
    });
    summaries.push(summary);
  }
  return summaries;
}

/** The state machine's view of an ownership: every file it tracks, binary ones with unknown lines. */
function ownershipState(ownership: Ownership): OwnershipState {
  const entries: [string, FileEntry][] = [];
  for (const files of [ownership.files, ownership.other]) {
    for (const [path, file] of files) entries.push([path, interleave(file)]);
  }
  for (const path of ownership.binary) entries.push([path, OPAQUE_FILE]);
  return stateOf(entries);
}

function interleave({ owners, origLines }: FileOwnership): Int32Array {
  const pairs = new Int32Array(owners.length * 2);
  for (let i = 0; i < owners.length; i++) {
    pairs[2 * i] = owners[i] ?? 0;
    pairs[2 * i + 1] = origLines[i] ?? 0;
  }
  return pairs;
}

async function resolveTip(repo: string, ref: string | undefined): Promise<string> {
  const name = ref ?? (await defaultBranch(repo))?.ref ?? 'HEAD';
  const tip = await resolveCommit(repo, name);
  if (!tip)
    throw new GitError({ code: 'git.unknown_revision', message: `${name} names no commit`, args: [name] });
  return tip;
}
