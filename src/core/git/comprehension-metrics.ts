/**
 * Comprehension metrics over the understanding ledger: per directory, for the whole tree, and the
 * hotspots where unexplained AI code is also changing fast.
 *
 * Coverage is understood lines ÷ lines (1 when there are no lines: nothing is left un-understood).
 * A directory counts every file below it, at any depth; its `understoodBy` is everyone who
 * understands at least one of those files, sorted by e-mail.
 */
import { busFactor } from './bus-factor.js';
import {
  understandingLedger,
  type BlamedFile,
  type CommitEvidence,
  type FileComprehension,
  type LedgerOptions,
  type UnderstandingFact,
} from './understanding.js';

export interface ComprehensionSummary {
  files: number;
  lines: number;
  aiLines: number;
  unexplainedAiLines: number;
  understoodLines: number;
  coverage: number;
}

export interface DirectoryComprehension extends ComprehensionSummary {
  /** "src/core", without a trailing slash. */
  path: string;
  understoodBy: string[];
}

export interface ComprehensionTotals extends ComprehensionSummary {
  busFactor: number;
  keyPeople: string[];
}

export interface Hotspot {
  path: string;
  churn: number;
  unexplainedAiLines: number;
  score: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function summarise(files: readonly FileComprehension[]): ComprehensionSummary {
  const sum = (pick: (file: FileComprehension) => number) =>
    files.reduce((total, file) => total + pick(file), 0);
  const lines = sum((file) => file.lines);
  const understoodLines = sum((file) => file.understoodLines);
  return {
    files: files.length,
    lines,
    aiLines: sum((file) => file.aiLines),
    unexplainedAiLines: sum((file) => file.unexplainedAiLines),
    understoodLines,
    coverage: lines === 0 ? 1 : understoodLines / lines,
  };
}

/** "src/core/git" for "src/core/git/a.ts", then "src/core", then "src". */
function ancestors(path: string): string[] {
  const segments = path.split('/').slice(0, -1);
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

/** Aggregates for every directory that holds a file, sorted by path. */
export function directoryComprehension(files: readonly FileComprehension[]): DirectoryComprehension[] {
  const byDirectory = new Map<string, FileComprehension[]>();
  for (const file of files) {
    for (const directory of ancestors(file.path)) {
      const list = byDirectory.get(directory) ?? [];
      list.push(file);
      byDirectory.set(directory, list);
    }
  }
  return [...byDirectory]
    .map(([path, members]) => ({
      path,
      ...summarise(members),
      understoodBy: [...new Set(members.flatMap((file) => file.understoodBy))].sort(byText),
    }))
    .sort((a, b) => byText(a.path, b.path));
}

/** The whole tree: sums, coverage and the bus factor on understanding. */
export function comprehensionTotals(files: readonly FileComprehension[]): ComprehensionTotals {
  const { busFactor: value, keyPeople } = busFactor(files);
  return { ...summarise(files), busFactor: value, keyPeople };
}

/**
 * Files ranked by recent churn × unexplained AI lines: code nobody understands that keeps changing
 * is where the next surprise comes from. `churn` is lines added plus deleted per path within the
 * caller's window. Files scoring 0 are left out; ties go to the path that sorts first.
 *
 * @example hotspots(ledger, { 'src/auth.ts': 120 }) // [{ path: 'src/auth.ts', churn: 120, unexplainedAiLines: 30, score: 3600 }]
 */
export function hotspots(
  files: readonly FileComprehension[],
  churn: Readonly<Record<string, number>>,
  options: { limit?: number } = {},
): Hotspot[] {
  const ranked = files
    .map((file) => {
      const changed = Math.max(0, churn[file.path] ?? 0);
      return {
        path: file.path,
        churn: changed,
        unexplainedAiLines: file.unexplainedAiLines,
        score: changed * file.unexplainedAiLines,
      };
    })
    .filter((hotspot) => hotspot.score > 0)
    .sort((a, b) => b.score - a.score || byText(a.path, b.path));
  return options.limit === undefined ? ranked : ranked.slice(0, Math.max(0, options.limit));
}

export interface ComprehensionReport {
  files: FileComprehension[];
  directories: DirectoryComprehension[];
  totals: ComprehensionTotals;
  hotspots: Hotspot[];
}

/** The ledger and every metric over it in one call. */
export function comprehensionReport(input: {
  files: readonly BlamedFile[];
  commits: readonly CommitEvidence[];
  facts: readonly UnderstandingFact[];
  churn?: Readonly<Record<string, number>>;
  options?: LedgerOptions & { hotspotLimit?: number };
}): ComprehensionReport {
  const files = understandingLedger(input);
  const limit = input.options?.hotspotLimit;
  return {
    files,
    directories: directoryComprehension(files),
    totals: comprehensionTotals(files),
    hotspots: hotspots(files, input.churn ?? {}, limit === undefined ? {} : { limit }),
  };
}
