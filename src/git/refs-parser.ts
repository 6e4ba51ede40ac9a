/** A branch, remote branch or tag tip, with the commit it points to (annotated tags peeled). */
export interface RefTip {
  ref: string;
  sha: string;
}

/**
 * The `for-each-ref` format read by `parseRefTips`: NUL-separated so no field can bleed into the
 * next; `*` fields are the peeled object of an annotated tag (empty for anything else).
 */
export const REF_TIP_FORMAT = '%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(refname)';

/**
 * Parses `git for-each-ref --format=REF_TIP_FORMAT` output into commit tips. Tags of trees or blobs
 * are dropped: they are not history, and `^<tree>` would make `git log` fail.
 *
 * @example parseRefTips('ab12\0commit\0\0\0refs/heads/main\n') // [{ ref: 'refs/heads/main', sha: 'ab12' }]
 */
export function parseRefTips(output: string): RefTip[] {
  const tips: RefTip[] = [];
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const [sha = '', type = '', peeledSha = '', peeledType = '', ref = ''] = line.split('\0');
    if (type === 'commit') tips.push({ ref, sha });
    else if (type === 'tag' && peeledType === 'commit') tips.push({ ref, sha: peeledSha });
  }
  return tips;
}

/** The branch name a remote-tracking or local ref stands for: `refs/remotes/origin/main` → `main`. */
export function branchName(ref: string): string {
  return ref.replace(/^refs\/(heads|remotes\/[^/]+)\//, '');
}
