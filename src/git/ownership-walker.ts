/**
 * One pass over history that keeps every commit's line ownership: `git log -p -U0` in topological
 * order from the root, applied commit by commit to the pure state machine in core. Four git
 * processes run at once: the walk order with parents (rev-list), the patch log, the merges as raw
 * per-parent diffs, and — only for merges that need them — full diffs from `diff-tree --stdin`.
 */
import type { FileChange } from '../core/git/ownership-changes.js';
import { applyChanges, unloadedReads } from '../core/git/ownership-changes.js';
import { baseState, forkState, type OwnershipState } from '../core/git/line-ownership.js';
import { OwnershipWalk } from '../core/git/ownership-walk.js';
import { loadBaseFiles, type PlaceholderSource } from './ownership-base.js';
import { followCandidates, followRename, pairingOfPatch } from './ownership-follow.js';
import {
  DIFF_ARGS,
  PATCH_FORMAT,
  WALK_ARGS,
  readWalkOrder,
  startGit,
  type WalkOrder,
} from './ownership-git.js';
import { MergeDiffs, MergePlanner } from './ownership-merges.js';
import { createPatchParser, type FilePatch, type PatchSection } from './patch-parser.js';
import { createProgressReporter, type ProgressOptions } from './progress.js';
import { readAhead } from './read-ahead.js';

export interface WalkedCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
}

export interface WalkRequest {
  repo: string;
  /** The commit to compute ownership for (a SHA). */
  tip: string;
  /** Continue from a known state: only `from.commit..tip` is walked. */
  from?: { commit: string; state: OwnershipState };
  /** Owner numbers of walked commits start here (after the snapshot's commits). */
  offset: number;
  progress?: ProgressOptions;
  signal?: AbortSignal;
}

export interface WalkResult {
  /** The tip's state; its owners are `offset + index` into `commits`, or placeholders (< 0). */
  state: OwnershipState;
  commits: WalkedCommit[];
  /** What each placeholder owner stands for: `-(s + 1)` is line `origLine` of `sources[s]`. */
  sources: PlaceholderSource[];
}

const PATCH_ARGS = ['log', ...WALK_ARGS, '-p', ...DIFF_ARGS, '--diff-merges=off', '--root', PATCH_FORMAT];

/** Walks `from.commit..tip` (or all of `tip`'s history) and returns the tip's ownership. */
export async function walkOwnership(request: WalkRequest): Promise<WalkResult> {
  const { repo, tip, from, signal } = request;
  const revisions = from ? [tip, `^${from.commit}`] : [tip];
  const patches = startGit([...PATCH_ARGS, ...revisions, '--'], { cwd: repo, signal });
  const chunks = readAhead(patches.chunks);
  const merges = {
    planner: new MergePlanner({ repo, revisions, signal }),
    diffs: new MergeDiffs({ repo, signal }),
  };
  try {
    const walker = new Walker(request, await readWalkOrder(repo, revisions), merges);
    const parser = createPatchParser();
    for await (const chunk of chunks) {
      for (const section of parser.push(chunk)) {
        // Most commits apply synchronously: no promise per commit unless one is needed.
        const pending = walker.commit(section);
        if (pending) await pending;
      }
    }
    for (const section of parser.end()) await walker.commit(section);
    return walker.result();
  } finally {
    patches.stop();
    merges.planner.stop();
    merges.diffs.stop();
  }
}

class Walker {
  private readonly walk: OwnershipWalk;
  private readonly commits: WalkedCommit[] = [];
  private readonly sources: PlaceholderSource[] = [];
  private readonly reporter;
  /** The snapshot as loaded: the walk may write into the state it was given, never into this. */
  private readonly snapshot: { commit: string; state: OwnershipState } | null;
  private next = 0;

  constructor(
    private readonly request: WalkRequest,
    private readonly order: WalkOrder,
    private readonly merges: { planner: MergePlanner; diffs: MergeDiffs },
  ) {
    const { from } = request;
    this.snapshot = from ? { commit: from.commit, state: forkState(from.state) } : null;
    const tipIndex = order.index.get(request.tip) ?? -1;
    this.walk = new OwnershipWalk({ parents: order.parents.slice(0, order.walked), keep: [tipIndex] });
    for (let i = order.walked; i < order.shas.length; i++) {
      const sha = order.shas[i] ?? '';
      const known = request.from?.commit === sha ? request.from.state : null;
      this.walk.provide(i, known ?? baseState({ commit: sha, files: new Map() }));
    }
    this.reporter = createProgressReporter(order.walked, request.progress);
  }

  commit(section: PatchSection): Promise<void> | undefined {
    const index = this.next++;
    const { order } = this;
    if (order.shas[index] !== section.sha || index >= order.walked) {
      throw new Error(`git log and rev-list disagree on the walk order at ${section.sha}`);
    }
    const [authorName = '', authorEmail = ''] = section.fields;
    this.commits.push({ sha: section.sha, authorName, authorEmail });
    const parents = order.parents[index] ?? [];
    if (parents.length > 1) return this.merge(index, section.sha, parents);
    const parent = order.shas[parents[0] ?? -1];
    if (parent !== undefined && mayPairDifferently(section.files)) {
      return this.followed(section, parent).then((changes) => this.apply(index, changes));
    }
    return this.apply(index, changesOfPatch(section.files));
  }

  private async merge(index: number, sha: string, parentIndexes: readonly number[]): Promise<void> {
    const parents = parentIndexes.map((parent) => this.order.shas[parent] ?? '');
    const planned = await this.merges.planner.plan(sha, parents);
    await this.apply(index, await this.merges.diffs.changesFor(sha, planned, parents));
  }

  /** Applies a commit's changes; asynchronous only when base files must be loaded first. */
  private apply(index: number, changes: FileChange[]): Promise<void> | undefined {
    const { request } = this;
    const { state, parents } = this.walk.begin(index);
    const reads = unloadedReads(parents, changes);
    if (reads.length === 0) return this.write(index, state, parents, changes);
    const load = { repo: request.repo, reads, sources: this.sources, snapshot: this.snapshot };
    return loadBaseFiles(load).then(() => this.write(index, state, parents, changes));
  }

  private write(
    index: number,
    state: OwnershipState,
    parents: OwnershipState[],
    changes: FileChange[],
  ): undefined {
    applyChanges({ state, commit: this.request.offset + index, parents, changes });
    this.walk.finish(index, state);
    this.reporter.tick();
    return undefined;
  }

  result(): WalkResult {
    this.reporter.finish();
    if (this.next !== this.order.walked) {
      throw new Error(`git log listed ${this.next} commits, rev-list ${this.order.walked}`);
    }
    const tipIndex = this.order.index.get(this.request.tip);
    if (tipIndex === undefined) throw new Error(`${this.request.tip} was not walked`);
    return { state: this.walk.stateAt(tipIndex), commits: this.commits, sources: this.sources };
  }

  /** A commit's changes from its patch, asking blame's rename question where log's may differ. */
  private async followed(section: PatchSection, parent: string): Promise<FileChange[]> {
    const followed = new Map<string, FilePatch | null>();
    const { destinations, sources } = followCandidates(section.files.map(pairingOfPatch));
    const { repo, signal } = this.request;
    for (const path of destinations) {
      followed.set(path, await followRename({ repo, parent, commit: section.sha, path, sources, signal }));
    }
    return changesOfPatch(section.files, followed);
  }
}

/** A cheap first test for `followCandidates`: something went and two files appeared. */
function mayPairDifferently(files: readonly FilePatch[]): boolean {
  if (files.length < 2) return false;
  let gone = 0;
  let appeared = 0;
  for (const { status } of files) {
    if (status === 'deleted' || status === 'renamed') gone += 1;
    if (status === 'added' || status === 'renamed' || status === 'copied') appeared += 1;
  }
  return gone > 0 && appeared > 1;
}

/**
 * A non-merge commit's file changes from its patch: deletions (a rename deletes its source), then
 * each new or changed file from its source in the parent, or from nothing when it was added.
 * `followed` replaces log's pairing with blame's for the files that were asked again.
 */
export function changesOfPatch(
  files: readonly FilePatch[],
  followed: ReadonlyMap<string, FilePatch | null> = new Map(),
): FileChange[] {
  const changes: FileChange[] = [];
  for (const file of files) {
    if ((file.status === 'deleted' || file.status === 'renamed') && file.oldPath !== null) {
      changes.push({ kind: 'delete', path: file.oldPath });
    }
    if (file.newPath === null) continue;
    const patch = followed.get(file.newPath) ?? file;
    const from = patch.status === 'added' ? null : patch.oldPath;
    const source = { parent: 0, from, binary: patch.binary, hunks: patch.hunks };
    changes.push({ kind: 'lines', path: file.newPath, sources: [source] });
  }
  return changes;
}
