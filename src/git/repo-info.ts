import { resolveCommit } from './refs.js';
import { runGit } from './run-git.js';

export interface RepoInfo {
  /** The top of the working tree; the git directory itself for a bare repository. */
  root: string;
  /** The absolute git directory (`.git`, or a worktree's own folder). */
  gitDir: string;
  bare: boolean;
  /** HEAD's commit, or null in a repository without commits yet. */
  head: string | null;
  /** `sha1` or `sha256`: the length of every object name that follows. */
  objectFormat: string;
}

/**
 * Finds the repository a path is in, with the one error a person can act on when there is none.
 *
 * @example const { root, head } = await resolveRepo('.');
 */
export async function resolveRepo(path: string): Promise<RepoInfo> {
  // A folder outside any repository fails here with that message (see gitFailure).
  const output = await runGit(
    ['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--show-object-format'],
    {
      cwd: path,
    },
  );
  const [bareAnswer = '', gitDir = '', objectFormat = ''] = output.split('\n');
  const bare = bareAnswer === 'true';
  const root = bare ? gitDir : (await runGit(['rev-parse', '--show-toplevel'], { cwd: path })).trim();
  const head = await resolveCommit(path, 'HEAD');
  return { root, gitDir, bare, head, objectFormat };
}
