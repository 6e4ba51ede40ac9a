import { runGit } from './run-git.js';

/** The text files of a commit's tree, and the binary ones set aside (blame has nothing to say on them). */
export interface TreeFiles {
  text: string[];
  binary: string[];
}

/**
 * Parses `git ls-tree -r -z <commit>` (`<mode> <type> <object>\t<path>` NUL-separated) into the
 * paths of regular files. Submodules (type commit) cannot be blamed and symbolic links (mode 120000)
 * hold a target path, not authored lines, so both are left out.
 */
export function parseLsTree(output: string): string[] {
  const paths: string[] = [];
  for (const entry of output.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && mode !== '120000') paths.push(entry.slice(tab + 1));
  }
  return paths;
}

/**
 * Parses `git diff --numstat -z` into the set of paths git counts as binary (`-\t-\t<path>`): the same
 * judgement git makes everywhere, .gitattributes included.
 */
export function parseBinaryPaths(output: string): Set<string> {
  const binary = new Set<string>();
  for (const entry of output.split('\0')) {
    if (entry.startsWith('-\t-\t')) binary.add(entry.slice(4));
  }
  return binary;
}

/**
 * The empty tree's object name, computed rather than hard-coded so SHA-256 repositories work too
 * (4b825dc… is SHA-1's).
 */
export async function emptyTreeSha(repo: string): Promise<string> {
  return (await runGit(['hash-object', '-t', 'tree', '--stdin'], { cwd: repo, input: '' })).trim();
}

/** Lists a commit's files, split into text and binary by diffing the tree against the empty tree. */
export async function listTreeFiles(repo: string, commit: string): Promise<TreeFiles> {
  const emptyTree = await emptyTreeSha(repo);
  const [tree, stats] = await Promise.all([
    runGit(['ls-tree', '-r', '-z', commit], { cwd: repo }),
    runGit(['diff', '--numstat', '-z', '--no-renames', '--no-textconv', emptyTree, commit], { cwd: repo }),
  ]);
  const binaryPaths = parseBinaryPaths(stats);
  const paths = parseLsTree(tree);
  return {
    text: paths.filter((path) => !binaryPaths.has(path)),
    binary: paths.filter((path) => binaryPaths.has(path)),
  };
}
