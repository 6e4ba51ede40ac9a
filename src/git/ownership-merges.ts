/**
 * Merges, read cheaply. A merge is first read as raw per-parent diffs (tree comparisons, blob names,
 * no hunks): most files a merge changes against its first parent are byte-identical to another
 * parent's, and blame then hands the whole file over without any line diff. Only files that differ
 * from every parent need hunks, and only for those merges is a full diff against each parent asked
 * of a `git diff-tree --stdin` kept open beside the walk.
 *
 * Both are read as the walk reaches each merge, never ahead: memory holds one merge at a time
 * whatever the history (a mainline merge can differ from its second parent in thousands of files).
 */
import {
  planMergeFile,
  type FileChange,
  type LineSource,
  type ParentSide,
} from '../core/git/ownership-changes.js';
import { createMergeRawParser, type MergeRaw, type RawEntry } from './merge-raw-parser.js';
import { followCandidates, followRename, type PairedChange } from './ownership-follow.js';
import {
  DIFF_ARGS,
  WALK_ARGS,
  startGit,
  startGitSession,
  type GitSession,
  type StartedGit,
} from './ownership-git.js';
import { createPatchParser, type FilePatch, type PatchSection } from './patch-parser.js';
import { createRecordSplitter } from './record-splitter.js';

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

/**
 * The walk's merges as raw per-parent diffs (`git log --merges --diff-merges=separate --raw`),
 * started at once and read one merge at a time, when the walk asks for it.
 */
export class MergePlanner {
  private readonly git: StartedGit;
  private readonly splitter = createRecordSplitter(0);
  private readonly parser = createMergeRawParser();
  private tokens: string[] = [];
  private at = 0;
  private ended = false;

  constructor(
    private readonly options: { repo: string; revisions: readonly string[]; signal?: AbortSignal },
  ) {
    const { repo, revisions, signal } = options;
    this.git = startGit([...RAW_ARGS, ...RAW_FORMAT, ...revisions, '--'], { cwd: repo, signal });
  }

  /** Plans merge `sha` (with `parents` in order), which must be the walk's next merge. */
  async plan(sha: string, parents: string[]): Promise<PlannedMerge> {
    const merge = await this.nextMerge();
    if (merge?.sha !== sha)
      throw new Error(`git log listed merge ${merge?.sha ?? 'none'} where ${sha} was due`);
    const { repo, signal } = this.options;
    return planMerge({ repo, merge, parents, signal });
  }

  stop(): void {
    this.git.stop();
  }

  /** The parser completes a merge when the next one's header arrives (or the output ends). */
  private async nextMerge(): Promise<MergeRaw | null> {
    for (;;) {
      while (this.at < this.tokens.length) {
        const merge = this.parser.push(this.tokens[this.at++] ?? '');
        if (merge) return merge;
      }
      if (this.ended) return this.parser.end();
      const chunk = await this.git.chunks.next();
      this.ended = chunk.done === true;
      this.tokens = chunk.done ? this.splitter.flush() : this.splitter.push(chunk.value);
      this.at = 0;
    }
  }
}

async function planMerge(options: {
  repo: string;
  merge: MergeRaw;
  parents: string[];
  signal: AbortSignal | undefined;
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
  options: { repo: string; merge: MergeRaw; parents: string[]; signal: AbortSignal | undefined },
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
      found.set(path, await followRename({ repo, parent, commit: merge.sha, path, sources, signal }));
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
 * The hunks of merges that need them, from one `git diff-tree --stdin --always` started at the first
 * such merge and kept open: each merge sends `<merge> <parent>` per parent it needs, then
 * `<merge> <merge>` — an empty diff whose header (printed thanks to --always) ends the last real
 * section, since a section only ends where the next header starts.
 */
export class MergeDiffs {
  private session: GitSession | null = null;
  private readonly parser = createPatchParser();
  private ready: PatchSection[] = [];
  /** The previous merge's closing section, still open in the parser: skipped when it completes. */
  private closing = false;

  constructor(private readonly options: { repo: string; signal?: AbortSignal }) {}

  /** The merge's changes: the plan's, plus line sources for the files that differ from every parent. */
  async changesFor(sha: string, planned: PlannedMerge, parents: readonly string[]): Promise<FileChange[]> {
    if (planned.requests.length === 0) return planned.changes;
    const { repo, signal } = this.options;
    const session = (this.session ??= startGitSession(DIFF_TREE_ARGS, { cwd: repo, signal }));
    const asked = planned.requests.map((k) => `${sha} ${parents[k] ?? ''}\n`);
    session.write(`${asked.join('')}${sha} ${sha}\n`);
    const diffs = new Map<number, FilePatch[]>();
    for (const k of planned.requests) {
      const section = await this.next(session);
      if (section.sha !== sha) throw new Error(`git diff-tree answered ${section.sha} for ${sha}`);
      diffs.set(k, section.files);
    }
    this.closing = true;
    return [...planned.changes, ...planned.lines.map((file) => linesChange(file, diffs))];
  }

  stop(): void {
    this.session?.stop();
  }

  private async next(session: GitSession): Promise<PatchSection> {
    for (;;) {
      const section = this.ready.shift();
      if (section && this.closing) this.closing = false;
      else if (section) return section;
      else {
        const chunk = await session.chunks.next();
        if (chunk.done) throw new Error('git diff-tree stopped before answering');
        this.ready = this.parser.push(chunk.value);
      }
    }
  }
}

const DIFF_TREE_ARGS = ['diff-tree', '--stdin', '--always', '-r', '-p', ...DIFF_ARGS, '--format=%x1e%H'];

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
