/**
 * Merges, read cheaply. A merge is first read as raw per-parent diffs (tree comparisons, blob names,
 * no hunks): most files a merge changes against its first parent are byte-identical to another
 * parent's, and blame then hands the whole file over without any line diff. Only files that differ
 * from every parent need hunks, and only for those merges is a full diff against each parent asked
 * of `git diff-tree --stdin`, in walk order, so it streams beside the patch log.
 */
import {
  planMergeFile,
  type FileChange,
  type LineSource,
  type ParentSide,
} from '../core/git/ownership-changes.js';
import { createMergeRawParser, type MergeRaw, type RawEntry } from './merge-raw-parser.js';
import { followCandidates, followRename, type PairedChange } from './ownership-follow.js';
import { DIFF_ARGS, WALK_ARGS, startGit, type WalkOrder } from './ownership-git.js';
import { createPatchParser, type FilePatch, type PatchSection } from './patch-parser.js';
import { streamGit } from './run-git.js';

/** A merge's changes as far as raw diffs decide them, and what it still needs hunks for. */
export interface PlannedMerge {
  /** Deletions and files handed over whole. */
  changes: FileChange[];
  /** Files that differ from every parent, with blame's origin per parent (null: none). */
  lines: { path: string; origins: (string | null)[]; followed: (FilePatch | null | undefined)[] }[];
  /** Parent positions to diff the whole merge against (always the first parent when any). */
  requests: number[];
}

const RAW_ARGS = ['log', ...WALK_ARGS, '--merges', '--diff-merges=separate', '--raw', '-z', '-M'];
const RAW_FORMAT = ['--no-abbrev', '--pretty=oneline', '--no-decorate', '--no-notes'];

/** Reads every merge of the walk as raw diffs and plans each one (see the module comment). */
export async function planMerges(options: {
  repo: string;
  revisions: readonly string[];
  /** Awaited only when the first merge arrives, so the raw log starts before the order is known. */
  order: Promise<WalkOrder>;
  signal?: AbortSignal;
}): Promise<Map<string, PlannedMerge>> {
  const { repo, revisions, signal } = options;
  const plans = new Map<string, PlannedMerge>();
  const parser = createMergeRawParser();
  const args = [...RAW_ARGS, ...RAW_FORMAT, ...revisions, '--'];
  const plan = async (merge: MergeRaw | null): Promise<void> => {
    if (!merge) return;
    const order = await options.order;
    const parents = (order.parents[order.index.get(merge.sha) ?? -1] ?? []).map((i) => order.shas[i] ?? '');
    plans.set(merge.sha, await planMerge({ repo, merge, parents, ...(signal ? { signal } : {}) }));
  };
  for await (const token of streamGit(args, { cwd: repo, delimiter: 'nul', signal })) {
    await plan(parser.push(token));
  }
  await plan(parser.end());
  return plans;
}

async function planMerge(options: {
  repo: string;
  merge: MergeRaw;
  parents: string[];
  signal?: AbortSignal;
}): Promise<PlannedMerge> {
  const { merge, parents } = options;
  const planned: PlannedMerge = { changes: [], lines: [], requests: [] };
  const sections = parents.map((parent) => merge.byParent.get(parent) ?? []);
  const byDestination = sections.map((entries) => new Map(entries.map((entry) => [entry.dstPath, entry])));
  const follow = await followUps(options, sections);
  for (const entry of sections[0] ?? []) {
    if (entry.status === 'D' || entry.status === 'R') {
      planned.changes.push({ kind: 'delete', path: entry.srcPath ?? '' });
    }
    const path = entry.dstPath;
    if (path === null) continue;
    const followed = follow.map((paths) => paths.get(path));
    const sides = byDestination.map((entries, k) => sideOf(entries.get(path), followed[k]));
    const decided = planMergeFile(path, sides);
    if (decided.kind === 'whole') planned.changes.push({ ...decided, path });
    else planned.lines.push({ path, origins: decided.origins, followed });
  }
  const wanted = new Set<number>(planned.lines.length > 0 ? [0] : []);
  for (const file of planned.lines) {
    file.origins.forEach((origin, k) => {
      if (origin !== null && file.followed[k] === undefined) wanted.add(k);
    });
  }
  planned.requests = [...wanted].sort((a, b) => a - b);
  return planned;
}

/** Per parent, blame's own pairing for the new files whose pairing `log -M` may have decided otherwise. */
async function followUps(
  options: { repo: string; merge: MergeRaw; parents: string[]; signal?: AbortSignal },
  sections: RawEntry[][],
): Promise<Map<string, FilePatch | null>[]> {
  const { repo, merge, parents, signal } = options;
  const results: Map<string, FilePatch | null>[] = [];
  const wanted = new Set((sections[0] ?? []).map((entry) => entry.dstPath));
  for (const [k, entries] of sections.entries()) {
    const found = new Map<string, FilePatch | null>();
    const { destinations, sources } = followCandidates(entries.map(pairingOfRaw));
    for (const path of destinations.filter((candidate) => wanted.has(candidate))) {
      const parent = parents[k] ?? '';
      const followOptions = { repo, parent, commit: merge.sha, path, sources };
      found.set(path, await followRename(signal ? { ...followOptions, signal } : followOptions));
    }
    results.push(found);
  }
  return results;
}

function pairingOfRaw(entry: RawEntry): PairedChange {
  const moved = entry.status === 'R' || entry.status === 'C';
  return {
    gone: entry.status === 'D' || entry.status === 'R' ? entry.srcPath : null,
    appeared: entry.status === 'A' || moved ? entry.dstPath : null,
    exact: moved && entry.srcBlob === entry.dstBlob,
  };
}

/** A parent's side for `planMergeFile`, blame's own rename pairing winning over log's. */
function sideOf(entry: RawEntry | undefined, followed: FilePatch | null | undefined): ParentSide {
  if (followed !== undefined) {
    if (followed === null || followed.status === 'added' || followed.oldPath === null) return { status: 'A' };
    const identical = !followed.binary && followed.hunks.length === 0;
    return { status: 'R', srcPath: followed.oldPath, identical };
  }
  if (!entry) return { status: 'same' };
  if (entry.status === 'R' || entry.status === 'C') {
    return { status: entry.status, srcPath: entry.srcPath ?? '', identical: entry.srcBlob === entry.dstBlob };
  }
  if (entry.status === 'M') return { status: 'M', identical: entry.srcBlob === entry.dstBlob };
  return { status: entry.status === 'T' ? 'T' : 'A' };
}

/**
 * The hunks of merges that need them: one `git diff-tree --stdin` fed every request up front in
 * walk order, read section by section as the walk reaches each merge.
 */
export interface MergeDiffs {
  changesFor(sha: string, planned: PlannedMerge): Promise<FileChange[]>;
  stop(): void;
}

const DIFF_TREE_ARGS = ['diff-tree', '--stdin', '--always', '-r', '-p', ...DIFF_ARGS, '--format=%x1e%H'];

export function startMergeDiffs(options: {
  repo: string;
  order: WalkOrder;
  plans: Map<string, PlannedMerge>;
  signal?: AbortSignal;
}): MergeDiffs {
  const { repo, order, plans, signal } = options;
  const lines: string[] = [];
  for (const sha of order.shas.slice(0, order.walked)) {
    const planned = plans.get(sha);
    const parents = order.parents[order.index.get(sha) ?? -1] ?? [];
    for (const k of planned?.requests ?? []) lines.push(`${sha} ${order.shas[parents[k] ?? -1] ?? ''}\n`);
  }
  if (lines.length === 0)
    return { changesFor: (_, planned) => Promise.resolve(planned.changes), stop: () => {} };
  const git = startGit(DIFF_TREE_ARGS, { cwd: repo, input: lines.join(''), signal });
  const parser = createPatchParser();
  const ready: PatchSection[] = [];
  let ended = false;
  const next = async (): Promise<PatchSection> => {
    while (ready.length === 0 && !ended) {
      const chunk = await git.chunks.next();
      if (chunk.done) {
        ended = true;
        ready.push(...parser.end());
      } else ready.push(...parser.push(chunk.value));
    }
    const section = ready.shift();
    if (!section) throw new Error('git diff-tree ended before every merge was diffed');
    return section;
  };
  return {
    async changesFor(sha, planned) {
      const diffs = new Map<number, FilePatch[]>();
      for (const k of planned.requests) {
        const section = await next();
        if (section.sha !== sha) throw new Error(`git diff-tree answered ${section.sha} for ${sha}`);
        diffs.set(k, section.files);
      }
      return [...planned.changes, ...planned.lines.map((file) => linesChange(file, diffs))];
    },
    stop: git.stop,
  };
}

/** A file's line sources from its diffs; a diff that pairs it otherwise than planned leaves it unknown. */
function linesChange(file: PlannedMerge['lines'][number], diffs: Map<number, FilePatch[]>): FileChange {
  const patchOf = (k: number): FilePatch | undefined =>
    file.followed[k] ?? diffs.get(k)?.find((patch) => patch.newPath === file.path);
  const sources: LineSource[] = [];
  file.origins.forEach((from, parent) => {
    if (from === null) return;
    const patch = patchOf(parent);
    const usable = patch !== undefined && patch.oldPath === from;
    sources.push({ parent, from, binary: !usable || patch.binary, hunks: usable ? patch.hunks : [] });
  });
  if (sources.length === 0) {
    const added = patchOf(0);
    const usable = added !== undefined && added.oldPath === null;
    sources.push({
      parent: 0,
      from: null,
      binary: !usable || added.binary,
      hunks: usable ? added.hunks : [],
    });
  }
  return { kind: 'lines', path: file.path, sources };
}
