/**
 * Where `log -M` and `blame` pair renames differently, and how to ask git blame's question.
 *
 * `git log -M` pairs deleted files with added files across the whole commit, each source used
 * once: when one file is split in two, or renamed while a similar file is added, only one of the
 * new files gets the source. `git blame` asks per file (`find_rename` with `single_follow`): among
 * ALL files the commit deleted, which one does this new file come from? So a file `log` shows as
 * added may still inherit its lines in blame.
 *
 * With a single new file, both questions are the same. With two or more, each new file that is not
 * an exact rename is asked again the way blame asks: a diff limited to that file and every deleted
 * file, so it is the only destination rename detection can choose.
 */
import { DIFF_ARGS } from './ownership-git.js';
import { parsePatch, type FilePatch } from './patch-parser.js';
import { runGit } from './run-git.js';

/** One file of a diff, reduced to what rename pairing depends on. */
export interface PairedChange {
  /** The path that disappears (deleted, or the source of a rename); null otherwise. */
  gone: string | null;
  /** The path that appears (added, or the destination of a rename or copy); null otherwise. */
  appeared: string | null;
  /** True for a rename or copy whose content did not change: blame finds the same source. */
  exact: boolean;
}

/** Above this many deleted paths the follow-up diff is skipped (argument length); see the docs. */
const MAX_SOURCES = 5_000;

/**
 * The new files whose source blame could choose differently from `log -M`, and the deleted paths
 * blame would choose among. Empty when pairing cannot differ (fewer than two new files, or nothing
 * deleted).
 *
 * @example
 * followCandidates([{ gone: 'x', appeared: 'y', exact: true }, { gone: null, appeared: 'z', exact: false }])
 * // { destinations: ['z'], sources: ['x'] }
 */
export function followCandidates(changes: readonly PairedChange[]): {
  destinations: string[];
  sources: string[];
} {
  const sources = changes.flatMap((change) => (change.gone === null ? [] : [change.gone]));
  const appeared = changes.filter((change) => change.appeared !== null);
  if (sources.length === 0 || appeared.length < 2 || sources.length > MAX_SOURCES) {
    return { destinations: [], sources: [] };
  }
  const destinations = appeared.filter((change) => !change.exact).map((change) => change.appeared as string);
  return { destinations, sources };
}

/** A patch file as a pairing change: a rename or copy without hunks kept its content. */
export function pairingOfPatch(file: FilePatch): PairedChange {
  const moved = file.status === 'renamed' || file.status === 'copied';
  return {
    gone: file.status === 'deleted' || file.status === 'renamed' ? file.oldPath : null,
    appeared: file.status === 'added' || moved ? file.newPath : null,
    exact: moved && !file.binary && file.hunks.length === 0,
  };
}

/**
 * Blame's view of where `path` comes from in `parent`: the patch of `path` in a diff of `parent`
 * and `commit` limited to `path` and `sources` (so `path` is the only possible destination), or
 * null when that diff does not show `path` at all.
 */
export async function followRename(options: {
  repo: string;
  parent: string;
  commit: string;
  path: string;
  sources: readonly string[];
  signal?: AbortSignal;
}): Promise<FilePatch | null> {
  const { repo, parent, commit, path, sources, signal } = options;
  const args = ['--literal-pathspecs', 'diff-tree', '-r', '-p', ...DIFF_ARGS, parent, commit, '--'];
  const output = await runGit([...args, path, ...sources], { cwd: repo, ...(signal ? { signal } : {}) });
  // diff-tree prints no commit header for two commits: give the parser one.
  const [section] = parsePatch(`\x1e${commit}\n${output}`);
  return section?.files.find((file) => file.newPath === path) ?? null;
}
