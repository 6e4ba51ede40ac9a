/** One file a commit touched, from `--numstat`. `added`/`deleted` are null for binary files. */
export interface LogFile {
  path: string;
  /** Set when git detected a rename (or copy): the path before it. */
  oldPath?: string;
  added: number | null;
  deleted: number | null;
}

/** A commit as the log adapter reports it. Names and e-mails have `.mailmap` applied. */
export interface LogCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** ISO 8601 with the author's own offset, as git recorded it. */
  authoredAt: string;
  authoredAtMs: number;
  committerName: string;
  committerEmail: string;
  committedAt: string;
  committedAtMs: number;
  /** The raw message (subject, body and trailers), without git's final newline. */
  message: string;
  /** Empty for merges: `git log --numstat` shows no diff for a merge unless asked (-m, --cc). */
  files: LogFile[];
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/**
 * The `--format` the parser reads: a record separator, then fields split by the unit separator, the
 * message last so whatever it contains cannot shift another field. `%aN`/`%aE`/`%cN`/`%cE` are the
 * mailmap-aware placeholders.
 */
export const LOG_FORMAT = `%x1e${['%H', '%P', '%aN', '%aE', '%aI', '%cN', '%cE', '%cI', '%B'].join('%x1f')}`;

/**
 * An incremental parser of `git log -z --numstat --format=LOG_FORMAT`, fed one NUL-separated token
 * at a time. With -z a numstat line is `added\tdeleted\tpath`, except a rename, which is
 * `added\tdeleted\t` followed by two more tokens: the old path and the new one. A header token always
 * starts with the record separator and a numstat token with a digit, `-` or a newline, so the two
 * cannot be confused whatever the paths contain.
 */
export interface LogParser {
  /** Returns the previous commit once a token shows it is complete. */
  push(token: string): LogCommit | null;
  /** Returns the last commit, if any. */
  end(): LogCommit | null;
}

interface PendingRename {
  added: number | null;
  deleted: number | null;
  oldPath?: string;
}

export function createLogParser(): LogParser {
  let current: LogCommit | null = null;
  let rename: PendingRename | null = null;
  return {
    push(token) {
      if (rename) {
        if (rename.oldPath === undefined) rename.oldPath = token;
        else {
          const { added, deleted, oldPath } = rename;
          currentOrThrow(current, token).files.push({ path: token, oldPath, added, deleted });
          rename = null;
        }
        return null;
      }
      if (token.startsWith(RECORD)) {
        const finished = current;
        current = parseHeader(token.slice(1));
        return finished;
      }
      if (token === '' || token === '\n') return null;
      const stat = parseNumstat(token);
      if (stat.path === '') rename = { added: stat.added, deleted: stat.deleted };
      else currentOrThrow(current, token).files.push(stat);
      return null;
    },
    end() {
      if (rename) throw new Error('git log output ended inside a rename');
      const last = current;
      current = null;
      return last;
    },
  };
}

/** Parses a whole `git log -z` output at once: for fixtures and small histories. */
export function parseLog(output: string): LogCommit[] {
  const parser = createLogParser();
  const commits: LogCommit[] = [];
  for (const token of output.split('\0')) {
    const commit = parser.push(token);
    if (commit) commits.push(commit);
  }
  const last = parser.end();
  if (last) commits.push(last);
  return commits;
}

function currentOrThrow(current: LogCommit | null, token: string): LogCommit {
  if (!current)
    throw new Error(`git log output: file statistics before any commit: ${JSON.stringify(token)}`);
  return current;
}

function parseHeader(header: string): LogCommit {
  const fields = header.split(FIELD);
  if (fields.length < 9) throw new Error(`git log output: malformed commit header ${JSON.stringify(header)}`);
  const [sha, parents, authorName, authorEmail, authoredAt, committerName, committerEmail, committedAt] =
    fields as [string, string, string, string, string, string, string, string];
  return {
    sha,
    parents: parents === '' ? [] : parents.split(' '),
    authorName,
    authorEmail,
    authoredAt,
    authoredAtMs: Date.parse(authoredAt),
    committerName,
    committerEmail,
    committedAt,
    committedAtMs: Date.parse(committedAt),
    // A message may itself hold the unit separator; it is the last field, so join what remains.
    message: fields.slice(8).join(FIELD).replace(/\n$/, ''),
    files: [],
  };
}

const NUMSTAT = /^\n?(\d+|-)\t(\d+|-)\t([^]*)$/;

function parseNumstat(token: string): LogFile {
  const match = NUMSTAT.exec(token);
  if (!match) throw new Error(`git log output: unexpected numstat ${JSON.stringify(token)}`);
  const [, added = '-', deleted = '-', path = ''] = match;
  return { path, added: count(added), deleted: count(deleted) };
}

function count(value: string): number | null {
  return value === '-' ? null : Number(value);
}
