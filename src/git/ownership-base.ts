/**
 * Files of commits outside an incremental walk. When a branch merged since the snapshot forked from
 * an older commit, its commits are diffed against files of that fork point, whose blame the snapshot
 * does not hold directly.
 *
 * Usually it does indirectly: when the fork point is on the snapshot's first-parent line and the
 * file did not change along that line since, every commit in between hands its blame whole to its
 * first parent, so the fork point's blame of the file IS the snapshot's. Other files are loaded as
 * placeholders — "line n of this file at that commit" — and only placeholders that survive to the
 * tip are blamed afterwards.
 */
import {
  OPAQUE_FILE,
  lookupFile,
  ownedLines,
  type BaseFiles,
  type FileEntry,
  type OwnershipState,
} from '../core/git/line-ownership.js';
import { startGit } from './ownership-git.js';
import { runGit } from './run-git.js';

/** A file of a commit outside the walk, blamed later if any of its lines reach the tip. */
export interface PlaceholderSource {
  commit: string;
  path: string;
}

/** git's own test for binary content: a NUL byte in the first 8000 bytes. */
const BINARY_PROBE = 8000;

/**
 * Loads the files `reads` asks for into their bases, as placeholders numbered after `sources`
 * (which grows). A path the commit does not have is recorded as absent.
 */
export async function loadBaseFiles(options: {
  repo: string;
  reads: readonly { base: BaseFiles; path: string }[];
  sources: PlaceholderSource[];
  /** The snapshot the walk continues from, as it was before the walk wrote anything. */
  snapshot: { commit: string; state: OwnershipState } | null;
}): Promise<void> {
  const { repo, sources, snapshot } = options;
  let reads = [...new Map(options.reads.map((read) => [`${read.base.commit}:${read.path}`, read])).values()];
  if (snapshot) {
    for (const base of new Set(reads.map((read) => read.base))) {
      const paths = reads.filter((read) => read.base === base).map((read) => read.path);
      const same = await unchangedAlongFirstParents({ repo, base: base.commit, tip: snapshot.commit, paths });
      for (const path of same) base.files.set(path, lookupFile(snapshot.state, path) ?? null);
    }
    reads = reads.filter((read) => !read.base.files.has(read.path));
  }
  await loadPlaceholders({ repo, reads, sources });
}

/**
 * Which of `paths` have the same blame at `base` as at `tip`: none unless `base` is on `tip`'s
 * first-parent line; then those no commit of that line changed against its first parent.
 */
export async function unchangedAlongFirstParents(options: {
  repo: string;
  base: string;
  tip: string;
  paths: readonly string[];
}): Promise<string[]> {
  const { repo, base, tip, paths } = options;
  const chain = (await runGit(['rev-list', '--first-parent', '--parents', `${base}..${tip}`], { cwd: repo }))
    .trim()
    .split('\n');
  if (chain.at(-1)?.split(' ')[1] !== base) return [];
  const args = ['--literal-pathspecs', 'log', '--first-parent', '--diff-merges=first-parent', '--no-renames'];
  const listed = await runGit(
    [...args, '--format=', '--name-only', '-z', `${base}..${tip}`, '--', ...paths],
    {
      cwd: repo,
    },
  );
  const touched = new Set(listed.split('\0').map((path) => path.replace(/^\n+/, '')));
  return paths.filter((path) => !touched.has(path));
}

async function loadPlaceholders(options: {
  repo: string;
  reads: readonly { base: BaseFiles; path: string }[];
  sources: PlaceholderSource[];
}): Promise<void> {
  const { repo, reads: unique, sources } = options;
  // cat-file's protocol is one name a line: a path holding a newline cannot be asked for.
  const askable = unique.filter((read) => !read.path.includes('\n'));
  for (const read of unique) if (read.path.includes('\n')) read.base.files.set(read.path, OPAQUE_FILE);
  if (askable.length === 0) return;
  const input = askable.map((read) => `${read.base.commit}:${read.path}\n`).join('');
  const git = startGit(['cat-file', '--batch'], { cwd: repo, input });
  const chunks: Buffer[] = [];
  for await (const chunk of git.chunks) chunks.push(chunk);
  const blobs = parseCatFileBatch(Buffer.concat(chunks));
  askable.forEach((read, i) => {
    const blob = blobs[i];
    read.base.files.set(read.path, blob ? entryOf(blob, sources, read) : null);
  });
}

function entryOf(
  blob: Buffer,
  sources: PlaceholderSource[],
  read: { base: BaseFiles; path: string },
): FileEntry {
  if (blob.subarray(0, BINARY_PROBE).includes(0)) return OPAQUE_FILE;
  sources.push({ commit: read.base.commit, path: read.path });
  return ownedLines(-sources.length, lineCount(blob));
}

/** Lines as git counts them: a last line without a newline still counts. */
export function lineCount(content: Buffer): number {
  let count = 0;
  for (let at = content.indexOf(10); at !== -1; at = content.indexOf(10, at + 1)) count += 1;
  return content.length > 0 && content[content.length - 1] !== 10 ? count + 1 : count;
}

/**
 * Parses `git cat-file --batch` output: per name, `<oid> <type> <size>\n<content>\n`, or
 * `<name> missing\n`. Returns each blob's content, null for anything else.
 */
export function parseCatFileBatch(output: Buffer): (Buffer | null)[] {
  const objects: (Buffer | null)[] = [];
  let pos = 0;
  while (pos < output.length) {
    const newline = output.indexOf(10, pos);
    if (newline === -1) throw new Error('git cat-file: truncated output');
    const header = output.toString('utf8', pos, newline).split(' ');
    pos = newline + 1;
    if (header.length !== 3) {
      objects.push(null);
      continue;
    }
    const size = Number(header[2]);
    objects.push(header[1] === 'blob' ? output.subarray(pos, pos + size) : null);
    pos += size + 1;
  }
  return objects;
}
