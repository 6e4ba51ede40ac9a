/** Who last touched one line of a file, as `git blame` says (mailmap applied to the author). */
export interface BlameLine {
  /** 1-based line number in the blamed revision. */
  line: number;
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Epoch milliseconds of the commit's author date. */
  authorTime: number;
  /** The path the line had in `sha`: differs from today's path when the file was renamed since. */
  originalPath: string;
  originalLine: number;
}

/** What blame's porcelain says about a commit, once per commit. */
export interface BlameCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  authorTime: number;
  /** The author's offset as git prints it, e.g. `+0200`. */
  authorTz: string;
  summary: string;
  /** True for a root commit (or the boundary of a limited blame): nothing older is blamed. */
  boundary: boolean;
}

interface Group {
  sha: string;
  originalLine: number;
  line: number;
  filename: string | null;
}

/**
 * An incremental parser of `git blame --porcelain`, fed one output line at a time. Porcelain
 * describes a commit only the first time it appears and names its file only then (or on every
 * group when the commit is seen under two paths), so the parser remembers both per commit.
 */
export interface BlameParser {
  push(line: string): void;
  readonly commits: ReadonlyMap<string, BlameCommit>;
}

const GROUP_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (\d+) (\d+)(?: \d+)?$/;

export function createBlameParser(onLine: (line: BlameLine) => void): BlameParser {
  const commits = new Map<string, BlameCommit>();
  const filenames = new Map<string, string>();
  let group: Group | null = null;

  const emit = (current: Group): void => {
    const commit = commits.get(current.sha);
    if (!commit) throw new Error(`git blame output: no details for ${current.sha}`);
    const originalPath = current.filename ?? filenames.get(current.sha) ?? '';
    const { sha, authorName, authorEmail, authorTime } = commit;
    onLine({
      line: current.line,
      sha,
      authorName,
      authorEmail,
      authorTime,
      originalPath,
      originalLine: current.originalLine,
    });
  };

  return {
    commits,
    push(text) {
      if (text.startsWith('\t')) {
        if (!group) throw new Error('git blame output: a line of content before any header');
        emit(group);
        group = null;
        return;
      }
      const header = GROUP_HEADER.exec(text);
      if (header && !group) {
        const [, sha = '', originalLine = '0', line = '0'] = header;
        group = { sha, originalLine: Number(originalLine), line: Number(line), filename: null };
        if (!commits.has(sha)) commits.set(sha, emptyCommit(sha));
        return;
      }
      if (!group) {
        if (text === '') return;
        throw new Error(`git blame output: unexpected line ${JSON.stringify(text)}`);
      }
      applyDetail(text, group, commits.get(group.sha) ?? emptyCommit(group.sha), filenames);
    },
  };
}

function emptyCommit(sha: string): BlameCommit {
  return { sha, authorName: '', authorEmail: '', authorTime: 0, authorTz: '', summary: '', boundary: false };
}

function applyDetail(text: string, group: Group, commit: BlameCommit, filenames: Map<string, string>): void {
  const space = text.indexOf(' ');
  const key = space === -1 ? text : text.slice(0, space);
  const value = space === -1 ? '' : text.slice(space + 1);
  switch (key) {
    case 'author':
      commit.authorName = value;
      break;
    case 'author-mail':
      commit.authorEmail = value.replace(/^<(.*)>$/, '$1');
      break;
    case 'author-time':
      commit.authorTime = Number(value) * 1000;
      break;
    case 'author-tz':
      commit.authorTz = value;
      break;
    case 'summary':
      commit.summary = value;
      break;
    case 'boundary':
      commit.boundary = true;
      break;
    case 'filename':
      group.filename = unquoteCPath(value);
      filenames.set(group.sha, group.filename);
      break;
    // committer*, previous: not needed to say who wrote a line.
  }
}

/** Parses a whole porcelain output: for fixtures and small files. */
export function parseBlamePorcelain(output: string): {
  lines: BlameLine[];
  commits: Map<string, BlameCommit>;
} {
  const lines: BlameLine[] = [];
  const parser = createBlameParser((line) => lines.push(line));
  for (const text of output.split('\n')) parser.push(text);
  return { lines, commits: new Map(parser.commits) };
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Undoes git's C-style quoting of a path (`"tab\there"`, octal bytes such as `\303\251`), which blame's
 * porcelain still applies to names with control characters, quotes or backslashes.
 *
 * @example unquoteCPath('"a\\tb"') // 'a\tb'
 */
export function unquoteCPath(value: string): string {
  if (!(value.startsWith('"') && value.endsWith('"') && value.length >= 2)) return value;
  const bytes: number[] = [];
  const body = Buffer.from(value.slice(1, -1), 'utf8');
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] ?? 0;
    if (byte !== 92) {
      bytes.push(byte);
      continue;
    }
    const next = String.fromCharCode(body[i + 1] ?? 0);
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.toString('latin1', i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? body[i + 1] ?? 0);
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
