/**
 * The understanding ledger: for every line of the current tree, who understands it.
 *
 * Inputs are what git and Recital already know: each file's blame (the commit that last changed
 * each line and that commit's author), each commit's attribution (and its git-ai note, which
 * decides per line), and understanding facts — a why-note by the committer explains a commit, a
 * pull request review, a `Reviewed-by:` trailer or a witness walkthrough reviews it.
 *
 * A line's understanders:
 * - a human line: its author, plus whoever authored (human co-authors), explained or reviewed its
 *   commit;
 * - an AI line (its last change was AI-assisted or AI-authored): only whoever explained or reviewed
 *   its commit. Committing what a tool wrote is not understanding it; nobody explained or reviewed
 *   it means the line is un-understood.
 *
 * A person understands a file when they understand at least `minShare` of its lines, a third by
 * default: enough of a file to take it over, and three equal co-authors all count. A quarter would
 * let someone who fixed a few lines count; a half would leave a file of three equal authors with
 * nobody.
 */
import { lineAttributor, type GitAiNote } from './git-ai-notes.js';
import { isAiKind, type AttributionKind } from './git.model.js';

export interface BlamedLine {
  /** The commit that last changed the line. */
  sha: string;
  /** That commit's author e-mail, as blame gives it. */
  authorEmail: string;
  /** The line's number in that commit (blame's original line); the current number when absent. */
  origLine?: number;
  /** The file's path in that commit, when it was renamed since; the current path when absent. */
  origPath?: string;
}

export interface BlamedFile {
  path: string;
  /** In file order: `lines[0]` is line 1. */
  lines: readonly BlamedLine[];
}

export interface CommitEvidence {
  sha: string;
  kind: AttributionKind;
  /** The commit's git-ai note: when present it decides each line (see `lineAttributor`). */
  note?: GitAiNote | null;
}

export type UnderstandingKind = 'authored' | 'explained' | 'reviewed';

export interface UnderstandingFact {
  sha: string;
  /** The person's e-mail. */
  person: string;
  kind: UnderstandingKind;
}

export interface LedgerOptions {
  /** Share of a file's lines a person must understand to understand the file; 1/3 by default. */
  minShare?: number;
  /** E-mails that never count as understanding anything (bots, shared accounts). */
  ignoredPeople?: Iterable<string>;
}

export interface FileComprehension {
  path: string;
  lines: number;
  /** Lines by the blamed commit's author e-mail (lower case). */
  authors: Record<string, number>;
  aiLines: number;
  unexplainedAiLines: number;
  /** Lines at least one person understands. */
  understoodLines: number;
  /** Lines each person understands. */
  understanding: Record<string, number>;
  /** People who understand the file (at least `minShare` of its lines), sorted by e-mail. */
  understoodBy: string[];
}

export const DEFAULT_MIN_SHARE = 1 / 3;

const normalise = (email: string) => email.trim().toLowerCase();
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface CommitUnderstanders {
  /** People who understand the commit's AI lines: explainers and reviewers. */
  ofAi: string[];
  /** People who understand its human lines besides the line's author: also its human co-authors. */
  ofHuman: string[];
}

/** The ledger's lookups, built once for all files. */
export interface LedgerContext {
  kindOf(sha: string, path: string, line: number): AttributionKind;
  understandersOf(sha: string): CommitUnderstanders;
  ignored: ReadonlySet<string>;
  minShare: number;
}

/** Indexes attributions and facts once, so each file's blame is read in one pass. */
export function ledgerContext(input: {
  commits: readonly CommitEvidence[];
  facts: readonly UnderstandingFact[];
  options?: LedgerOptions;
}): LedgerContext {
  const attributors = new Map(
    input.commits.map((commit) => [
      commit.sha,
      lineAttributor({ commitKind: commit.kind, note: commit.note ?? null }),
    ]),
  );
  const bySha = new Map<string, { ofAi: Set<string>; ofHuman: Set<string> }>();
  for (const fact of input.facts) {
    const entry = bySha.get(fact.sha) ?? { ofAi: new Set(), ofHuman: new Set() };
    const person = normalise(fact.person);
    entry.ofHuman.add(person);
    if (fact.kind !== 'authored') entry.ofAi.add(person);
    bySha.set(fact.sha, entry);
  }
  const none: CommitUnderstanders = { ofAi: [], ofHuman: [] };
  const understanders = new Map(
    [...bySha].map(([sha, entry]) => [sha, { ofAi: [...entry.ofAi], ofHuman: [...entry.ofHuman] }]),
  );
  return {
    // A commit Recital has no attribution for (a boundary commit of a shallow clone) counts as human.
    kindOf: (sha, path, line) => attributors.get(sha)?.(path, line) ?? 'human',
    understandersOf: (sha) => understanders.get(sha) ?? none,
    ignored: new Set([...(input.options?.ignoredPeople ?? [])].map(normalise)),
    minShare: input.options?.minShare ?? DEFAULT_MIN_SHARE,
  };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const sortedRecord = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort(([a], [b]) => byText(a, b)));

/** One file's comprehension from its blame. */
export function fileComprehension(file: BlamedFile, context: LedgerContext): FileComprehension {
  const authors = new Map<string, number>();
  const understanding = new Map<string, number>();
  let aiLines = 0;
  let unexplainedAiLines = 0;
  let understoodLines = 0;
  file.lines.forEach((blamed, index) => {
    const author = normalise(blamed.authorEmail);
    increment(authors, author);
    const ai = isAiKind(
      context.kindOf(blamed.sha, blamed.origPath ?? file.path, blamed.origLine ?? index + 1),
    );
    const { ofAi, ofHuman } = context.understandersOf(blamed.sha);
    const people = new Set(ai ? ofAi : [author, ...ofHuman]);
    for (const person of context.ignored) people.delete(person);
    if (ai) aiLines++;
    if (people.size > 0) understoodLines++;
    else if (ai) unexplainedAiLines++;
    for (const person of people) increment(understanding, person);
  });
  const lines = file.lines.length;
  const understoodBy = [...understanding]
    .filter(([, count]) => lines > 0 && count / lines >= context.minShare - 1e-9)
    .map(([person]) => person)
    .sort(byText);
  return {
    path: file.path,
    lines,
    authors: sortedRecord(authors),
    aiLines,
    unexplainedAiLines,
    understoodLines,
    understanding: sortedRecord(understanding),
    understoodBy,
  };
}

/**
 * The ledger of every file, sorted by path.
 *
 * @example
 * understandingLedger({ files: blame, commits: attributions, facts: reviewsAndWhyNotes })
 * // [{ path: 'src/auth.ts', lines: 120, aiLines: 80, unexplainedAiLines: 30, understoodBy: ['ada@…'], … }]
 */
export function understandingLedger(input: {
  files: readonly BlamedFile[];
  commits: readonly CommitEvidence[];
  facts: readonly UnderstandingFact[];
  options?: LedgerOptions;
}): FileComprehension[] {
  const context = ledgerContext(input);
  return input.files.map((file) => fileComprehension(file, context)).sort((a, b) => byText(a.path, b.path));
}
