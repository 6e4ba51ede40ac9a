/**
 * The comprehension of a tree from what git alone holds — blame, commit messages (trailers), git-ai
 * notes under refs/notes/ai and why-notes under refs/notes/why — plus any understanding facts the
 * caller adds (Recital's why-notes, reviews and walkthroughs). Works on any local clone.
 */
import type { ComprehensionReport } from '../contracts/comprehension.contract.js';
import { attributeCommit, type Attribution } from '../core/git/attribution.js';
import type { AttributionRule } from '../core/git/attribution-rules.js';
import { whyTrailer } from '../core/git/commit-evidence.js';
import { comprehensionReport, comprehensionTotals, hotspots } from '../core/git/comprehension-metrics.js';
import { isBotAuthor, isGeneratedPath } from '../core/git/exclusions.js';
import { parseGitAiNote } from '../core/git/git-ai-notes.js';
import { isAiKind } from '../core/git/git.model.js';
import {
  ledgerContext,
  type BlamedFile,
  type CommitEvidence,
  type UnderstandingFact,
} from '../core/git/understanding.js';
import { factsFromMessage } from '../core/git/understanding-facts.js';
import { LOG_FORMAT, type LogCommit, parseLog } from './log-parser.js';
import {
  buildOwnership,
  loadOwnership,
  type Ownership,
  saveOwnership,
  updateOwnership,
} from './ownership.js';
import { readNotes } from './notes.js';
import type { ProgressOptions } from './progress.js';
import { resolveCommit } from './refs.js';
import { runGit } from './run-git.js';

export interface MeasureOptions {
  repo: string;
  ref?: string;
  /** Understanding Recital holds beyond git (why-notes, PR reviews, walkthroughs). */
  facts?: readonly UnderstandingFact[];
  /** Recent churn for hotspots: this many days before the measured commit's date. */
  churnDays?: number;
  generatedPatterns?: readonly string[];
  botPatterns?: readonly string[];
  rules?: readonly AttributionRule[];
  progress?: ProgressOptions;
  /** A folder or file of the tree: `focused` covers only it (its totals and bus factor too). */
  focus?: string;
  /**
   * Where to keep the line ownership between runs (a file under the clone's git dir): the next run
   * walks only the commits made since, instead of the whole history.
   */
  snapshot?: string;
}

export interface Measured {
  /** The whole tree, as Recital records it. */
  full: ComprehensionReport;
  /** What `focus` names (the whole tree without one). */
  focused: ComprehensionReport;
}

/** Whether a tree path is the focus or inside it. */
export function inFocus(path: string, focus: string | undefined): boolean {
  const prefix = (focus ?? '').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Every text file of the tree, line by line as `git blame` would attribute it — computed from one pass
 * over the history (`buildOwnership`), not a blame per file. Generated paths are left out of the metrics.
 */
async function blamedFiles(options: MeasureOptions, commit: string): Promise<BlamedFile[]> {
  const ownership = await ownershipOf(options, commit);
  const generated = (path: string) =>
    isGeneratedPath(path, { extraPatterns: options.generatedPatterns ?? [] });
  const files: BlamedFile[] = [];
  for (const [path, { owners, origLines }] of [...ownership.files].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    if (generated(path)) continue;
    const lines: BlamedFile['lines'][number][] = [];
    for (let index = 0; index < owners.length; index++) {
      const owner = ownership.commits[owners[index]!];
      if (!owner) continue;
      lines.push({
        sha: owner.sha,
        authorEmail: owner.authorEmail.toLowerCase(),
        origLine: origLines[index] ?? index + 1,
      });
    }
    files.push({ path, lines });
  }
  return files;
}

/** From the saved snapshot when there is one (a damaged or foreign file is simply rebuilt), else a full walk. */
async function ownershipOf(options: MeasureOptions, commit: string): Promise<Ownership> {
  const progress = options.progress ? { progress: options.progress } : {};
  const previous = options.snapshot ? await loadOwnership(options.snapshot).catch(() => null) : null;
  const ownership = previous
    ? await updateOwnership({ repo: options.repo, from: previous, to: commit, ...progress })
    : await buildOwnership({ repo: options.repo, ref: commit, ...progress });
  if (options.snapshot) await saveOwnership(ownership, options.snapshot);
  return ownership;
}

/** The commits that own lines, read once each with their messages. */
async function commitsByShas(repo: string, shas: readonly string[]): Promise<LogCommit[]> {
  if (shas.length === 0) return [];
  const output = await runGit(
    ['log', '--no-walk=unsorted', '--stdin', '-z', '--no-show-signature', `--format=${LOG_FORMAT}`],
    { cwd: repo, input: `${shas.join('\n')}\n` },
  );
  return parseLog(output);
}

/** Lines added and deleted per path in the `days` before `until` (epoch ms), on the measured history. */
async function churnOf(
  repo: string,
  commit: string,
  until: number,
  days: number,
): Promise<Record<string, number>> {
  const since = new Date(until - days * 86_400_000).toISOString();
  const output = await runGit(
    ['log', '-z', '--numstat', '--format=', `--since=${since}`, '--no-renames', commit],
    {
      cwd: repo,
    },
  );
  const churn: Record<string, number> = {};
  for (const record of output.split('\0')) {
    const match = /^\n?(\d+|-)\t(\d+|-)\t(.+)$/s.exec(record);
    if (!match || match[1] === '-') continue;
    churn[match[3]!] = (churn[match[3]!] ?? 0) + Number(match[1]) + Number(match[2]);
  }
  return churn;
}

function evidenceOf(
  commit: LogCommit,
  aiNotes: ReadonlyMap<string, string>,
  rules: readonly AttributionRule[],
): { evidence: CommitEvidence; attribution: Attribution } {
  const attribution = attributeCommit(commit, [...rules]);
  const text = aiNotes.get(commit.sha);
  const parsed = text ? parseGitAiNote(text) : null;
  return {
    evidence: { sha: commit.sha, kind: attribution.kind, note: parsed?.ok ? parsed.note : null },
    attribution,
  };
}

/** What the messages and notes say about understanding: Why trailers, Reviewed-by, why-notes. */
function factsOf(commit: LogCommit, whyNotes: ReadonlyMap<string, string>): UnderstandingFact[] {
  const author = commit.authorEmail.toLowerCase();
  const facts = factsFromMessage(commit);
  if (whyTrailer(commit.message) || whyNotes.get(commit.sha)?.trim())
    facts.push({ sha: commit.sha, person: author, kind: 'explained' });
  return facts;
}

/**
 * @example
 * const report = await measureComprehension({ repo: '.' });
 * report.totals.coverage // 0.83
 */
export async function measureComprehension(options: MeasureOptions): Promise<Measured> {
  const { repo } = options;
  const commit = await resolveCommit(repo, options.ref ?? 'HEAD');
  if (!commit)
    throw new Error(`${options.ref ?? 'HEAD'} names no commit: make a first commit, then measure.`);
  const files = await blamedFiles(options, commit);
  const shas = [...new Set(files.flatMap((file) => file.lines.map((line) => line.sha)))].sort();
  const [commits, aiNotes, whyNotes] = await Promise.all([
    commitsByShas(repo, shas),
    readNotes({ repo, ref: 'refs/notes/ai' }),
    readNotes({ repo, ref: 'refs/notes/why' }),
  ]);
  const measured = commits.map((c) => evidenceOf(c, aiNotes, options.rules ?? []));
  const bots = commits
    .filter((c) =>
      isBotAuthor(
        { name: c.authorName, email: c.authorEmail },
        { extraBotPatterns: options.botPatterns ?? [] },
      ),
    )
    .map((c) => c.authorEmail);
  const facts = [...commits.flatMap((c) => factsOf(c, whyNotes)), ...(options.facts ?? [])];
  const tip = commits.find((c) => c.sha === commit);
  const tipTime =
    tip?.committedAtMs ??
    Number((await runGit(['show', '-s', '--format=%ct', commit], { cwd: repo })).trim()) * 1000;
  const churn = await churnOf(repo, commit, tipTime, options.churnDays ?? 90);
  const evidence = measured.map((m) => m.evidence);
  const report = comprehensionReport({
    files,
    commits: evidence,
    facts,
    churn,
    options: { ignoredPeople: bots, hotspotLimit: 50 },
  });
  const context = ledgerContext({ commits: evidence, facts, options: { ignoredPeople: bots } });
  const unexplained = new Map(
    files.map((file) => [
      file.path,
      [
        ...new Set(
          file.lines
            .filter(
              (line, index) =>
                isAiKind(context.kindOf(line.sha, line.origPath ?? file.path, line.origLine ?? index + 1)) &&
                context.understandersOf(line.sha).ofAi.length === 0,
            )
            .map((line) => line.sha),
        ),
      ].sort(),
    ]),
  );
  const toReport = (files: typeof report.files): ComprehensionReport => {
    const totals = comprehensionTotals(files);
    return {
      commit,
      files: files.map((file) => ({
        path: file.path,
        lines: file.lines,
        authors: file.authors,
        aiLines: file.aiLines,
        unexplainedAiLines: file.unexplainedAiLines,
        understoodBy: file.understoodBy,
        unexplainedShas: (unexplained.get(file.path) ?? []).slice(0, 1000),
      })),
      totals: {
        lines: totals.lines,
        aiLines: totals.aiLines,
        unexplainedAiLines: totals.unexplainedAiLines,
        coverage: totals.coverage,
        busFactor: totals.busFactor,
      },
      hotspots: hotspots(files, churn, { limit: 50 }),
    };
  };
  return {
    full: toReport(report.files),
    focused: toReport(report.files.filter((file) => inFocus(file.path, options.focus))),
  };
}
