/**
 * Task references in commit messages and branch names, so a commit can count as evidence for a
 * task without anyone typing its id twice:
 *
 * - Recital keys, `RC-12` (the prefix is the workspace's, `RC` by default; any case);
 * - Task Master and spec-kit ids, `T12` or `T012` (upper-case T in messages, so "t2.micro" stays an
 *   instance type; any case in branch names);
 * - `#12`, only when unambiguous: the plan has task 12 and `#12` cannot be a GitHub issue or pull
 *   request (the repository is not connected to GitHub, or the plan says `#N` means its tasks);
 * - branch names such as `t12-login`, `feature/T012-auth`, `rc-12-fix`.
 *
 * A reference right after a GitHub closing keyword (close, closes, closed, fix, fixes, fixed,
 * resolve, resolves, resolved; any case, optional colon) closes the task; as on GitHub, each
 * reference needs its own keyword ("fixes T12, T13" closes only T12). Matches never start inside
 * a word, a path or a URL, so `abcT12`, `src/T12.ts` and `https://x/T12` are not references.
 */

export interface ReferenceOptions {
  /** The workspace's key prefix, "RC" by default; matched case-insensitively. */
  keyPrefix?: string;
  /** Task numbers the plan has: `#N` is only read for these. */
  knownTaskNumbers?: Iterable<number>;
  /** The repository is connected to GitHub, so `#N` may be an issue or pull request. */
  githubConnected?: boolean;
  /** The plan declares that `#N` means its tasks, even in a GitHub repository. */
  planDeclaresHashRefs?: boolean;
}

export type ReferenceForm = 'key' | 'task_id' | 'hash';

export interface TaskReference {
  /** Normalised: "RC-12", "T12", "#12". */
  ref: string;
  form: ReferenceForm;
  taskNumber: number;
  closes: boolean;
  source: 'message' | 'branch';
}

const WORD = '[\\p{L}\\p{N}_]';
// Not after a letter, digit, underscore, path or dotted name, or another id ("abcT12", "a/T12").
const LEFT = `(?<![\\p{L}\\p{N}_/\\\\.@#&-])`;
const RIGHT = `(?!${WORD})`;
const CLOSING_BEFORE = /(?:^|[^\p{L}\p{N}_])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)[ \t]*:?[ \t]+$/iu;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/gi;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const keyPrefixOf = (options: ReferenceOptions): string => options.keyPrefix?.trim() || 'RC';

interface Found {
  form: ReferenceForm;
  taskNumber: number;
  index: number;
}

/** Blanks out URLs, keeping every other character where it was. */
const withoutUrls = (text: string) => text.replace(URL, (url) => ' '.repeat(url.length));

function hashIsTask(taskNumber: number, known: ReadonlySet<number>, options: ReferenceOptions): boolean {
  return known.has(taskNumber) && (!options.githubConnected || options.planDeclaresHashRefs === true);
}

function scanMessage(message: string, options: ReferenceOptions): Found[] {
  const text = withoutUrls(message);
  const prefix = escapeRegex(keyPrefixOf(options));
  const known = new Set(options.knownTaskNumbers ?? []);
  const patterns: [ReferenceForm, RegExp][] = [
    ['key', new RegExp(`${LEFT}${prefix}-0*(\\d{1,6})${RIGHT}`, 'giu')],
    ['task_id', new RegExp(`${LEFT}T0*(\\d{1,6})${RIGHT}`, 'gu')],
    ['hash', new RegExp(`(?<![\\p{L}\\p{N}_/&#-])#0*(\\d{1,6})${RIGHT}`, 'gu')],
  ];
  const found: Found[] = [];
  for (const [form, pattern] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const taskNumber = Number(match[1]);
      if (form === 'hash' && !hashIsTask(taskNumber, known, options)) continue;
      found.push({ form, taskNumber, index: match.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function scanBranch(branch: string, options: ReferenceOptions): Found[] {
  const prefix = escapeRegex(keyPrefixOf(options));
  const pattern = new RegExp(`(?:^|[-_.])(?:(${prefix})-?0*(\\d{1,6})|t0*(\\d{1,6}))(?=$|[-_.])`, 'gi');
  const found: Found[] = [];
  let offset = 0;
  for (const segment of branch.split('/')) {
    for (const match of segment.matchAll(pattern)) {
      const keyNumber = match[2];
      const form: ReferenceForm = keyNumber !== undefined ? 'key' : 'task_id';
      found.push({ form, taskNumber: Number(keyNumber ?? match[3]), index: offset + match.index });
    }
    offset += segment.length + 1;
  }
  return found;
}

function refText(form: ReferenceForm, taskNumber: number, options: ReferenceOptions): string {
  if (form === 'key') return `${keyPrefixOf(options).toUpperCase()}-${taskNumber}`;
  return form === 'task_id' ? `T${taskNumber}` : `#${taskNumber}`;
}

function toReferences(
  found: readonly Found[],
  source: TaskReference['source'],
  text: string,
  options: ReferenceOptions,
): TaskReference[] {
  return found.map(({ form, taskNumber, index }) => ({
    ref: refText(form, taskNumber, options),
    form,
    taskNumber,
    closes: source === 'message' && CLOSING_BEFORE.test(text.slice(Math.max(0, index - 40), index)),
    source,
  }));
}

/** One reference per task and source, closing if any mention closes; sorted by task, then source. */
function deduplicate(references: readonly TaskReference[]): TaskReference[] {
  const byKey = new Map<string, TaskReference>();
  for (const reference of references) {
    const key = `${reference.taskNumber}:${reference.source}`;
    const seen = byKey.get(key);
    if (seen) seen.closes ||= reference.closes;
    else byKey.set(key, { ...reference });
  }
  return [...byKey.values()].sort(
    (a, b) => a.taskNumber - b.taskNumber || (a.source < b.source ? 1 : a.source > b.source ? -1 : 0),
  );
}

/**
 * The tasks a commit refers to, from its message and its branch.
 *
 * @example
 * findTaskReferences({ message: 'Fixes T12: login\n\nSee RC-7', branch: 'feature/T012-login' })
 * // [{ ref: 'RC-7', form: 'key', taskNumber: 7, closes: false, source: 'message' },
 * //  { ref: 'T12', form: 'task_id', taskNumber: 12, closes: true, source: 'message' },
 * //  { ref: 'T12', form: 'task_id', taskNumber: 12, closes: false, source: 'branch' }]
 */
export function findTaskReferences(
  input: { message?: string | null; branch?: string | null },
  options: ReferenceOptions = {},
): TaskReference[] {
  const message = input.message ?? '';
  const branch = input.branch ?? '';
  return deduplicate([
    ...toReferences(scanMessage(message, options), 'message', message, options),
    ...toReferences(scanBranch(branch, options), 'branch', branch, options),
  ]);
}
