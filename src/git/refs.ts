import { REF_TIP_FORMAT, branchName, parseRefTips, type RefTip } from './refs-parser.js';
import { runGit, runGitWithExitCode } from './run-git.js';

/**
 * The tips a full read starts from: local branches, remote-tracking branches, tags (peeled), and
 * HEAD (which may be detached). Notes and the stash are left out on purpose: `git log --all` would
 * list their bookkeeping commits as if they were work. Remember these after a read and pass their
 * SHAs as `exclude` next time.
 */
export async function listTips(repo: string): Promise<RefTip[]> {
  const [refs, head] = await Promise.all([
    runGit(['for-each-ref', `--format=${REF_TIP_FORMAT}`, 'refs/heads', 'refs/remotes', 'refs/tags'], {
      cwd: repo,
    }),
    resolveCommit(repo, 'HEAD'),
  ]);
  const tips = parseRefTips(refs);
  return head ? [...tips, { ref: 'HEAD', sha: head }] : tips;
}

/** The commit a revision names, or null when it names none (an empty repository's HEAD). */
export async function resolveCommit(repo: string, revision: string): Promise<string | null> {
  const { stdout, exitCode } = await runGitWithExitCode(
    ['rev-parse', '-q', '--verify', `${revision}^{commit}`],
    {
      cwd: repo,
      okExitCodes: [1],
    },
  );
  return exitCode === 0 ? stdout.trim() : null;
}

/** A branch by its short name and the full ref that resolves it. */
export interface BranchRef {
  name: string;
  ref: string;
}

/**
 * The repository's main line: what `origin/HEAD` points to when the repository was cloned, else the
 * branch HEAD is on (even before its first commit), else `main` or `master` if one exists; null when
 * HEAD is detached and neither exists.
 */
export async function defaultBranch(repo: string): Promise<BranchRef | null> {
  const remoteHead = await symbolicRef(repo, 'refs/remotes/origin/HEAD');
  if (remoteHead) return { name: branchName(remoteHead), ref: remoteHead };
  const head = await symbolicRef(repo, 'HEAD');
  if (head) return { name: branchName(head), ref: head };
  const existing = await runGit(
    ['for-each-ref', '--format=%(refname)', 'refs/heads/main', 'refs/heads/master'],
    {
      cwd: repo,
    },
  );
  const ref = existing.split('\n').find((line) => line !== '');
  return ref ? { name: branchName(ref), ref } : null;
}

async function symbolicRef(repo: string, name: string): Promise<string | null> {
  const { stdout, exitCode } = await runGitWithExitCode(['symbolic-ref', '-q', name], {
    cwd: repo,
    okExitCodes: [1],
  });
  return exitCode === 0 ? stdout.trim() : null;
}
