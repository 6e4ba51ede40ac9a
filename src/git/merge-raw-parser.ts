/** One file of a `--raw` diff: what changed between two trees, with blob names but no hunks. */
export interface RawEntry {
  /** A, D, M, R, C or T (type change); R and C carry a similarity score that is dropped here. */
  status: 'A' | 'D' | 'M' | 'R' | 'C' | 'T';
  srcBlob: string;
  dstBlob: string;
  /** The path on the parent's side (for R and C, the source); null when added. */
  srcPath: string | null;
  /** The path on the merge's side; null when deleted. */
  dstPath: string | null;
}

/** A merge's raw diffs, one per parent it differs from, keyed by that parent's SHA. */
export interface MergeRaw {
  sha: string;
  /** A parent the merge is identical to has no entry here: git prints no section for an empty diff. */
  byParent: Map<string, RawEntry[]>;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64})(?: \(from ([0-9a-f]{40}|[0-9a-f]{64})\))?/;
const ENTRY = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([ADMRCT])\d*$/;

/**
 * An incremental parser of `git log --merges --diff-merges=separate --raw -z --no-abbrev
 * --pretty=oneline --no-decorate` output, fed one NUL-separated token at a time. Each per-parent
 * section starts with `<sha> (from <parent>) <subject>`; `--pretty=oneline` is the only format that
 * names the parent, which is why this stream uses it (a `--format` header is printed once per
 * non-empty section with no way to tell which parent it is for).
 *
 * Tokens are unambiguous by position: after an entry token come exactly one path (two for R and
 * C), so a path that looks like a SHA is never taken for a header.
 */
export interface MergeRawParser {
  /** Returns the previous merge once a token shows it is complete. */
  push(token: string): MergeRaw | null;
  end(): MergeRaw | null;
}

export function createMergeRawParser(): MergeRawParser {
  let current: MergeRaw | null = null;
  let entries: RawEntry[] | null = null;
  let pending: RawEntry | null = null;
  let pathsWanted = 0;
  return {
    push(token) {
      if (pathsWanted > 0 && pending) {
        pathsWanted -= 1;
        assignPath(pending, token, pathsWanted);
        return null;
      }
      if (token === '' || token === '\n') return null;
      const entry = ENTRY.exec(token);
      if (entry) {
        if (!entries) throw new Error(`git raw diff: an entry before any parent: ${JSON.stringify(token)}`);
        const [, srcBlob = '', dstBlob = '', status = 'M'] = entry;
        pending = { status: status as RawEntry['status'], srcBlob, dstBlob, srcPath: null, dstPath: null };
        entries.push(pending);
        pathsWanted = status === 'R' || status === 'C' ? 2 : 1;
        return null;
      }
      const header = HEADER.exec(token.replace(/^\n/, ''));
      if (!header) throw new Error(`git raw diff: unexpected ${JSON.stringify(token)}`);
      const [, sha = '', from] = header;
      const finished = current && current.sha !== sha ? current : null;
      if (!current || finished) current = { sha, byParent: new Map() };
      entries = [];
      if (from) current.byParent.set(from, entries);
      return finished;
    },
    end() {
      if (pathsWanted > 0) throw new Error('git raw diff: output ended inside an entry');
      const last = current;
      current = null;
      return last;
    },
  };
}

/** Parses a whole output at once: for fixtures. */
export function parseMergeRaw(output: string): MergeRaw[] {
  const parser = createMergeRawParser();
  const merges: MergeRaw[] = [];
  const tokens = output.split('\0');
  // Like the streamed splitter: the NUL that ends the last record starts no further record.
  if (tokens.at(-1) === '') tokens.pop();
  for (const token of tokens) {
    const merge = parser.push(token);
    if (merge) merges.push(merge);
  }
  const last = parser.end();
  if (last) merges.push(last);
  return merges;
}

function assignPath(entry: RawEntry, path: string, stillWanted: number): void {
  const twoPaths = entry.status === 'R' || entry.status === 'C';
  if (twoPaths && stillWanted === 1) entry.srcPath = path;
  else if (twoPaths) entry.dstPath = path;
  else {
    if (entry.status !== 'A') entry.srcPath = path;
    if (entry.status !== 'D') entry.dstPath = path;
  }
}
