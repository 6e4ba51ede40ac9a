/**
 * What one reported commit means to Recital: who made it and with what help, whether it is the
 * builder's evidence, which tasks it names, and what it says about who understands it. Pure: the
 * caller loads the plan's task ids and the e-mails of the project's people.
 */
import { attributeCommit, type Attribution } from './attribution.js';
import type { AttributionRule } from './attribution-rules.js';
import { isBotAuthor, isGeneratedPath } from './exclusions.js';
import { findTaskReferences, type TaskReference } from './references.js';
import { parseTrailers, sameKey } from './trailers.js';
import type { UnderstandingFact } from './understanding.js';
import { factsFromMessage } from './understanding-facts.js';

export interface ReportedCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  message: string;
  branch?: string | null | undefined;
  files: readonly { path: string; added: number | null; deleted: number | null }[];
}

export interface CommitContext {
  /** Lower-cased e-mails of the builder's account: their commits are evidence of their days. */
  builderEmails: ReadonlySet<string>;
  /** The plan's live task ids ("12", "T012", "1.2", "week-1.t3"). */
  taskIds: readonly string[];
  githubConnected: boolean;
  rules?: readonly AttributionRule[];
  generatedPatterns?: readonly string[];
  botPatterns?: readonly string[];
}

export interface TaskLink {
  taskId: string;
  ref: string;
  closes: boolean;
  source: TaskReference['source'];
}

export interface ExplainedFact extends UnderstandingFact {
  text?: string;
  source: 'commit' | 'why_trailer' | 'reviewed_by';
}

export interface CommitMeaning {
  attribution: Attribution;
  isBot: boolean;
  /** The builder made it (and no bot did): it counts for the builder's local day. */
  isEvidence: boolean;
  filesChanged: number;
  additions: number;
  deletions: number;
  /** Lines in lockfiles and build output: kept out of the metrics. */
  generatedLines: number;
  taskLinks: TaskLink[];
  facts: ExplainedFact[];
}

/** Task numbers of ids that are numbers ("12", "012") or spec-kit ids ("T012"); ambiguous ones are dropped. */
export function taskNumbers(taskIds: readonly string[]): Map<number, string> {
  const byNumber = new Map<number, string | null>();
  for (const id of taskIds) {
    const match = /^T?0*(\d+)$/i.exec(id);
    if (!match) continue;
    const number = Number(match[1]);
    byNumber.set(number, byNumber.has(number) ? null : id);
  }
  return new Map([...byNumber].filter((entry): entry is [number, string] => entry[1] !== null));
}

/** The `Why:` trailer: the author's sentence on why this change, and why this way. */
export function whyTrailer(message: string): string | null {
  const why = parseTrailers(message).find((trailer) => sameKey(trailer.key, 'Why'));
  const text = why?.value.trim();
  return text ? text : null;
}

function linesOf(files: ReportedCommit['files'], generatedPatterns: readonly string[] | undefined) {
  let additions = 0;
  let deletions = 0;
  let generatedLines = 0;
  for (const file of files) {
    const changed = (file.added ?? 0) + (file.deleted ?? 0);
    if (isGeneratedPath(file.path, { extraPatterns: generatedPatterns ?? [] })) {
      generatedLines += changed;
      continue;
    }
    additions += file.added ?? 0;
    deletions += file.deleted ?? 0;
  }
  return { filesChanged: files.length, additions, deletions, generatedLines };
}

function linksOf(commit: ReportedCommit, context: CommitContext): TaskLink[] {
  const numbers = taskNumbers(context.taskIds);
  const links = new Map<string, TaskLink>();
  const references = findTaskReferences(
    { message: commit.message, branch: commit.branch ?? null },
    { knownTaskNumbers: numbers.keys(), githubConnected: context.githubConnected },
  );
  for (const reference of references) {
    const taskId = numbers.get(reference.taskNumber);
    if (!taskId) continue;
    const seen = links.get(taskId);
    // A closing reference in the message wins over a plain mention or the branch name.
    if (!seen || (reference.closes && !seen.closes))
      links.set(taskId, { taskId, ref: reference.ref, closes: reference.closes, source: reference.source });
  }
  return [...links.values()].sort((a, b) => a.taskId.localeCompare(b.taskId));
}

function factsOf(commit: ReportedCommit, attribution: Attribution): ExplainedFact[] {
  const author = commit.authorEmail.toLowerCase();
  const facts: ExplainedFact[] = factsFromMessage(commit).map((fact) => ({
    ...fact,
    source: fact.kind === 'reviewed' ? 'reviewed_by' : 'commit',
  }));
  const why = whyTrailer(commit.message);
  // A why-note explains a commit only when it comes from the person who made it.
  if (why)
    facts.push({ sha: commit.sha, person: author, kind: 'explained', text: why, source: 'why_trailer' });
  if (attribution.kind === 'human')
    facts.push({ sha: commit.sha, person: author, kind: 'authored', source: 'commit' });
  return facts;
}

/**
 * @example
 * commitMeaning({ sha, authorName: 'Ada', authorEmail: 'ada@example.com', committerName: 'Ada',
 *   committerEmail: 'ada@example.com', message: 'Fixes T12\n\nWhy: the form lost input', files: [] },
 *   { builderEmails: new Set(['ada@example.com']), taskIds: ['T012'], githubConnected: false })
 * // { isEvidence: true, taskLinks: [{ taskId: 'T012', closes: true, … }], facts: [explained, authored], … }
 */
export function commitMeaning(commit: ReportedCommit, context: CommitContext): CommitMeaning {
  const attribution = attributeCommit(commit, [...(context.rules ?? [])]);
  const identity = { name: commit.authorName, email: commit.authorEmail };
  const isBot = isBotAuthor(identity, { extraBotPatterns: context.botPatterns ?? [] });
  return {
    attribution,
    isBot,
    isEvidence: !isBot && context.builderEmails.has(commit.authorEmail.toLowerCase()),
    ...linesOf(commit.files, context.generatedPatterns),
    taskLinks: linksOf(commit, context),
    facts: isBot ? [] : factsOf(commit, attribution),
  };
}
