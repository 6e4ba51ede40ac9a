/**
 * Test helpers for line ownership: the strict comparison against `git blame` used by the real
 * repository tests and by the benchmark's correctness check.
 */
import { blameFile } from './blame.js';
import type { Ownership } from './ownership-finish.js';
import { listTreeFiles } from './tree-files.js';

export interface BlameDisagreement {
  path: string;
  /** 1-based line, or 0 when the files differ in length or presence. */
  line: number;
  blame: string;
  ownership: string;
}

/**
 * Compares `ownership` with `git blame --porcelain <commit> -- <path>` line by line (owner SHA and
 * original line) for `paths` (default: every text file of the tree), and the file lists with
 * `listTreeFiles`. Returns every disagreement; empty means identical.
 */
export async function compareWithBlame(options: {
  repo: string;
  ownership: Ownership;
  paths?: readonly string[];
}): Promise<BlameDisagreement[]> {
  const { repo, ownership } = options;
  const problems: BlameDisagreement[] = [];
  const tree = await listTreeFiles(repo, ownership.commit);
  if (!options.paths) {
    const listed = (paths: Iterable<string>): string => [...paths].sort().join('\n');
    if (listed(tree.text) !== listed(ownership.files.keys())) {
      problems.push({
        path: '(text files)',
        line: 0,
        blame: listed(tree.text),
        ownership: listed(ownership.files.keys()),
      });
    }
    if (listed(tree.binary) !== listed(ownership.binary)) {
      problems.push({
        path: '(binary files)',
        line: 0,
        blame: listed(tree.binary),
        ownership: listed(ownership.binary),
      });
    }
  }
  for (const path of options.paths ?? tree.text) {
    const expected: string[] = [];
    await blameFile({
      repo,
      commit: ownership.commit,
      path,
      onLine: (line) => expected.push(`${line.sha}:${line.originalLine}`),
    });
    const file = ownership.files.get(path);
    const actual = file
      ? [...file.owners].map(
          (owner, i) => `${ownership.commits[owner]?.sha ?? '?'}:${file.origLines[i] ?? 0}`,
        )
      : [];
    if (!file || actual.length !== expected.length) {
      problems.push({
        path,
        line: 0,
        blame: `${expected.length} lines`,
        ownership: `${actual.length} lines`,
      });
      continue;
    }
    const line = expected.findIndex((value, i) => value !== actual[i]);
    if (line !== -1)
      problems.push({ path, line: line + 1, blame: expected[line] ?? '', ownership: actual[line] ?? '' });
  }
  return problems;
}
