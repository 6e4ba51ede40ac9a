/**
 * From a walk's tip state to the reported ownership: checked against the tip's tree, with the few
 * files the walk could not know (binary history, placeholders of an incremental walk, anything the
 * tree has and the walk missed) answered by `git blame` itself, and the commit table compacted to
 * the commits that own a line.
 */
import { createHash } from 'node:crypto';
import { filesOf, isOpaque, splitLines, type FileEntry, type FileLines } from '../core/git/line-ownership.js';
import { blameFile } from './blame.js';
import type { PlaceholderSource } from './ownership-base.js';
import type { WalkResult, WalkedCommit } from './ownership-walker.js';
import { runGit } from './run-git.js';
import { parseBinaryPaths } from './tree-files.js';

export type OwnershipCommit = WalkedCommit;

/** One file's lines: the owner (an index into `commits`) and the line's number in that commit. */
export interface FileOwnership {
  owners: Int32Array;
  origLines: Int32Array;
}

/** Who last changed every line of a commit's tree, as `git blame` would say, file by file. */
export interface Ownership {
  /** The tip the ownership is for. */
  commit: string;
  /** Every commit that owns at least one line, indexed by the owners of `files`. */
  commits: OwnershipCommit[];
  /** Regular text files of the tip's tree (symbolic links, submodules and binary files left out). */
  files: Map<string, FileOwnership>;
  /** Files git considers binary: not blamed, as `blameTree` sets them aside. */
  binary: string[];
  /** Symbolic links and submodules: not reported, but kept so an update can continue from here. */
  other: Map<string, FileOwnership>;
}

/** A file answered by `git blame` rather than by the walk, and why. */
export interface BlamedFallback {
  path: string;
  reason: 'binary history' | 'branch base' | 'not in the walk';
}

interface TreeEntry {
  mode: string;
  type: string;
}

/** Turns a walk's tip state into the reported ownership (see the module comment). */
export async function finishOwnership(options: {
  repo: string;
  tip: string;
  walk: WalkResult;
  /** Commits of the snapshot the walk continued from (owners below the walk's offset). */
  previous: readonly OwnershipCommit[];
  signal?: AbortSignal;
}): Promise<{ ownership: Ownership; blamed: BlamedFallback[] }> {
  const { repo, tip, walk, signal } = options;
  const table = new CommitTable([...options.previous, ...walk.commits]);
  const tree = await readTree(repo, tip);
  const state = filesOf(walk.state);
  const { known, opaque, missing } = sortTreeFiles(tree, state);
  const binary = await binaryAmong(repo, tip, opaque);
  const blamed: BlamedFallback[] = [
    ...missing.map((path) => ({ path, reason: 'not in the walk' as const })),
    ...opaque
      .filter((path) => !binary.has(path))
      .map((path) => ({ path, reason: 'binary history' as const })),
  ];
  for (const { path } of blamed)
    known.set(path, await blameLines({ repo, commit: tip, path, table, signal }));
  await resolvePlaceholders({ repo, tip, files: known, sources: walk.sources, table, blamed, signal });
  const files = new Map<string, FileLines>();
  const other = new Map<string, FileLines>();
  for (const path of tree.keys()) {
    const reported = known.get(path);
    const tracked = state.get(path);
    if (reported) files.set(path, reported);
    else if (tracked && !isOpaque(tracked) && !hasPlaceholders(tracked)) other.set(path, tracked);
  }
  return { ownership: table.compact({ commit: tip, files, other, binary: [...binary] }), blamed };
}

/**
 * The tree's regular files by what the walk knows of them: their lines, unknown lines (binary at
 * some point), or nothing at all (which would be a walk bug: they are blamed instead).
 */
function sortTreeFiles(
  tree: Map<string, TreeEntry>,
  state: Map<string, FileEntry>,
): { known: Map<string, FileLines>; opaque: string[]; missing: string[] } {
  const known = new Map<string, FileLines>();
  const opaque: string[] = [];
  const missing: string[] = [];
  for (const [path, entry] of tree) {
    if (entry.type !== 'blob' || entry.mode === '120000') continue;
    const lines = state.get(path);
    if (lines === undefined) missing.push(path);
    else if (isOpaque(lines)) opaque.push(path);
    else known.set(path, lines);
  }
  return { known, opaque, missing };
}

async function readTree(repo: string, commit: string): Promise<Map<string, TreeEntry>> {
  const tree = new Map<string, TreeEntry>();
  for (const record of (await runGit(['ls-tree', '-r', '-z', commit], { cwd: repo })).split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode = '', type = ''] = record.slice(0, tab).split(' ');
    tree.set(record.slice(tab + 1), { mode, type });
  }
  return tree;
}

/** Which of `paths` git considers binary at `commit`: the judgement `listTreeFiles` makes. */
async function binaryAmong(repo: string, commit: string, paths: string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  // The empty tree's name, computed here rather than asked of git (one process less).
  const algorithm = commit.length === 64 ? 'sha256' : 'sha1';
  const emptyTree = createHash(algorithm).update('tree 0\0').digest('hex');
  const args = ['--literal-pathspecs', 'diff', '--numstat', '-z', '--no-renames', '--no-textconv'];
  return parseBinaryPaths(await runGit([...args, emptyTree, commit, '--', ...paths], { cwd: repo }));
}

function hasPlaceholders(lines: FileLines): boolean {
  for (let i = 0; i < lines.length; i += 2) if ((lines[i] ?? 0) < 0) return true;
  return false;
}

/**
 * Replaces placeholder owners with the blame of the file they stand for, at the fork point. Should
 * that blame fail, the tip's file is blamed whole instead.
 */
async function resolvePlaceholders(options: {
  repo: string;
  tip: string;
  files: Map<string, FileLines>;
  sources: readonly PlaceholderSource[];
  table: CommitTable;
  blamed: BlamedFallback[];
  signal: AbortSignal | undefined;
}): Promise<void> {
  const { repo, tip, files, sources, table, blamed, signal } = options;
  const answers = new Map<number, FileLines>();
  const answer = async (source: number): Promise<FileLines> => {
    let lines = answers.get(source);
    if (!lines) {
      const { commit, path } = sources[source] ?? { commit: '', path: '' };
      lines = await blameLines({ repo, commit, path, table, signal });
      answers.set(source, lines);
    }
    return lines;
  };
  for (const [path, lines] of files) {
    if (!hasPlaceholders(lines)) continue;
    blamed.push({ path, reason: 'branch base' });
    try {
      files.set(path, await replacePlaceholders(path, lines, answer));
    } catch (error) {
      if (signal?.aborted) throw error;
      files.set(path, await blameLines({ repo, commit: tip, path, table, signal }));
    }
  }
}

async function replacePlaceholders(
  path: string,
  lines: FileLines,
  answer: (source: number) => Promise<FileLines>,
): Promise<FileLines> {
  const out = lines.slice();
  for (let i = 0; i < out.length; i += 2) {
    const owner = out[i] ?? 0;
    if (owner >= 0) continue;
    const line = (out[i + 1] ?? 1) - 1;
    const blame = await answer(-owner - 1);
    if (2 * line + 1 >= blame.length) throw new Error(`${path}: a placeholder past the end of its source`);
    out[i] = blame[2 * line] ?? 0;
    out[i + 1] = blame[2 * line + 1] ?? 0;
  }
  return out;
}

/** One file's blame as owner pairs, adding its commits to the table. */
async function blameLines(options: {
  repo: string;
  commit: string;
  path: string;
  table: CommitTable;
  signal: AbortSignal | undefined;
}): Promise<FileLines> {
  const { repo, commit, path, table, signal } = options;
  const pairs: number[] = [];
  await blameFile({
    repo,
    commit,
    path,
    ...(signal ? { signal } : {}),
    onLine: (line) => pairs.push(table.indexOf(line), line.originalLine),
  });
  return Int32Array.from(pairs);
}

/** The walk's commits, plus any blame added, compacted at the end to those that own lines. */
class CommitTable {
  private readonly bySha = new Map<string, number>();

  constructor(private readonly commits: OwnershipCommit[]) {
    commits.forEach((commit, i) => this.bySha.set(commit.sha, i));
  }

  indexOf(commit: OwnershipCommit): number {
    let index = this.bySha.get(commit.sha);
    if (index === undefined) {
      index = this.commits.length;
      this.commits.push({ sha: commit.sha, authorName: commit.authorName, authorEmail: commit.authorEmail });
      this.bySha.set(commit.sha, index);
    }
    return index;
  }

  compact(result: {
    commit: string;
    files: Map<string, FileLines>;
    other: Map<string, FileLines>;
    binary: string[];
  }): Ownership {
    const renumber = new Map<number, number>();
    const commits: OwnershipCommit[] = [];
    const split = (lines: FileLines): FileOwnership => {
      const { owners, origLines } = splitLines(lines);
      owners.forEach((owner, i) => {
        let index = renumber.get(owner);
        if (index === undefined) {
          index = commits.length;
          renumber.set(owner, index);
          commits.push(this.commits[owner] ?? { sha: '', authorName: '', authorEmail: '' });
        }
        owners[i] = index;
      });
      return { owners, origLines };
    };
    const mapAll = (files: Map<string, FileLines>): Map<string, FileOwnership> =>
      new Map([...files].map(([path, lines]) => [path, split(lines)]));
    const files = mapAll(result.files);
    return { commit: result.commit, commits, files, binary: result.binary, other: mapAll(result.other) };
  }
}
