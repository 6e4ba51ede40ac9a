/**
 * Whether the commits cited as proof are real work for this checkpoint: Recital has seen them (in a
 * connected repository), and they were made inside the checkpoint's window — after the previous
 * checkpoint's due instant (or the commitment) and no later than the submission.
 */
export interface SeenCommit {
  sha: string;
  /** When it was authored (UTC ISO). */
  authoredAt: string;
}

/** What a cited SHA (full or abbreviated) resolved to among the project's commits. */
export type Lookup = SeenCommit | 'unknown' | 'ambiguous';

export interface CommitCheck {
  status: 'passed' | 'failed';
  detail: string;
}

const short = (sha: string) => sha.slice(0, 10);

function dateOf(instant: string): string {
  return instant.slice(0, 10);
}

/**
 * @example
 * judgeCitedCommits({ cited: ['abc1234'], found: new Map([['abc1234', { sha: 'abc1234…', authoredAt: '2026-03-03T10:00:00Z' }]]),
 *   window: { from: '2026-03-02T08:00:00Z', to: '2026-03-06T08:00:00Z' } })
 * // { status: 'passed', detail: '1 commit found, made inside the checkpoint window (2026-03-03)' }
 */
export function judgeCitedCommits(input: {
  cited: readonly string[];
  found: ReadonlyMap<string, Lookup>;
  window: { from: string; to: string };
}): CommitCheck {
  const problems: string[] = [];
  const inside: SeenCommit[] = [];
  for (const cited of input.cited) {
    const found = input.found.get(cited) ?? 'unknown';
    if (found === 'unknown')
      problems.push(`${short(cited)} is not in any connected repository (run \`recital sync\`)`);
    else if (found === 'ambiguous')
      problems.push(`${short(cited)} matches several commits: give more of the SHA`);
    else if (found.authoredAt <= input.window.from)
      problems.push(
        `${short(found.sha)} was made ${dateOf(found.authoredAt)}, before this checkpoint's window opened`,
      );
    else if (found.authoredAt > input.window.to)
      problems.push(`${short(found.sha)} is dated ${dateOf(found.authoredAt)}, after the submission`);
    else inside.push(found);
  }
  if (problems.length > 0) return { status: 'failed', detail: problems.join('; ') };
  const dates = inside.map((commit) => dateOf(commit.authoredAt)).sort();
  const span = dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} to ${dates.at(-1)}`;
  return {
    status: 'passed',
    detail: `${inside.length} commit${inside.length === 1 ? '' : 's'} found, made inside the checkpoint window (${span})`,
  };
}
