/**
 * Commit attribution: was a commit written by a person, with an AI tool's help, or by the tool?
 *
 * Precedence, strongest first:
 * 1. Tool signals in the commit itself. Among them the strongest kind wins (`ai_authored` over
 *    `ai_assisted`), then the higher confidence, then the earlier signal:
 *    - the author is a tool's own identity or an aider-marked name (0.95, ai_authored);
 *    - Claude Code's "🤖 Generated with [Claude Code](…)" footer (0.95, ai_authored);
 *    - a `Generated-by:` trailer (0.9, ai_authored), an `Assisted-by:` trailer (0.9, ai_assisted);
 *    - a tool's `Co-authored-by:` trailer (0.9; ai_authored when it is an agent's own account);
 *    - `Made-with: Cursor` (0.85, ai_assisted);
 *    - a tool's `Co-authored-by:` line outside the trailer block, which git would not count as a
 *      trailer but GitHub still shows (0.8), and aider's "aider: " subject prefix (0.8, ai_authored).
 * 2. The workspace's rules, first match in list order (0.8): they label what tools do not.
 * 3. Human (0.7: the absence of a trailer is weak evidence; tools can be told not to write one).
 *
 * A git-ai note is stronger than all of these, per line: see `git-ai-notes.ts`.
 */
import { aiderCommittedOwnEdits, authorSignal, coAuthorSignal, type ToolSignal } from './ai-identities.js';
import { firstMatchingRule, type AttributionRule } from './attribution-rules.js';
import type { AttributionKind } from './git.model.js';
import { findFooters, parseIdentity, parseTrailers, sameKey, type Trailer } from './trailers.js';

export interface CommitForAttribution {
  sha: string;
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  message: string;
  branch?: string | null;
}

export interface Attribution {
  kind: AttributionKind;
  /** What decided it, for people: "Co-Authored-By: Claude <noreply@anthropic.com>". */
  signal: string;
  /** "claude-code", "aider", "copilot", "copilot-agent", "cursor", "codex", an Assisted-by value… */
  tool: string | null;
  /** 0..1: how sure the signal makes us. */
  confidence: number;
}

export const NO_SIGNAL = 'no AI trailer, footer or rule';

interface Candidate extends ToolSignal {
  signal: string;
}

const authorOf = (commit: CommitForAttribution) => ({ name: commit.authorName, email: commit.authorEmail });
const committerOf = (commit: CommitForAttribution) => ({
  name: commit.committerName,
  email: commit.committerEmail,
});

const KIND_RANK: Record<AttributionKind, number> = { human: 0, ai_assisted: 1, ai_authored: 2 };
const CO_AUTHOR_LINE = /^[ \t]*co-authored-by[ \t]*:(.*)$/i;

function trailerCandidate(trailer: Trailer): Candidate | null {
  const signal = `${trailer.key}: ${trailer.value}`;
  if (sameKey(trailer.key, 'Generated-by') && trailer.value) {
    return { kind: 'ai_authored', tool: trailer.value, confidence: 0.9, signal };
  }
  if (sameKey(trailer.key, 'Assisted-by') && trailer.value) {
    return { kind: 'ai_assisted', tool: trailer.value, confidence: 0.9, signal };
  }
  if (sameKey(trailer.key, 'Made-with') && /^cursor\b/i.test(trailer.value)) {
    return { kind: 'ai_assisted', tool: 'cursor', confidence: 0.85, signal };
  }
  if (sameKey(trailer.key, 'Co-authored-by')) {
    const identity = parseIdentity(trailer.value);
    const found = identity && coAuthorSignal(identity);
    return found ? { ...found, signal } : null;
  }
  return null;
}

/** Co-author lines in the body that the trailer block does not hold (GitHub reads them anyway). */
function looseCoAuthorCandidates(message: string, trailers: readonly Trailer[]): Candidate[] {
  const inBlock = new Set(
    trailers.filter((t) => sameKey(t.key, 'Co-authored-by')).map((t) => t.value.toLowerCase()),
  );
  const candidates: Candidate[] = [];
  for (const line of message.split(/\r?\n/)) {
    const value = CO_AUTHOR_LINE.exec(line)?.[1]?.trim();
    if (!value || inBlock.has(value.toLowerCase())) continue;
    const identity = parseIdentity(value);
    const found = identity && coAuthorSignal(identity);
    if (found) candidates.push({ ...found, confidence: 0.8, signal: line.trim() });
  }
  return candidates;
}

/** Every tool signal in the commit, in the order the precedence list gives them. */
function toolCandidates(commit: CommitForAttribution): Candidate[] {
  const candidates: Candidate[] = [];
  const author = authorOf(commit);
  const byAuthor = authorSignal(author);
  if (byAuthor) candidates.push({ ...byAuthor, signal: `author: ${author.name} <${author.email}>` });
  for (const footer of findFooters(commit.message)) {
    candidates.push({ kind: 'ai_authored', tool: footer.tool, confidence: 0.95, signal: footer.text });
  }
  const trailers = parseTrailers(commit.message);
  for (const trailer of trailers) {
    const candidate = trailerCandidate(trailer);
    if (candidate) candidates.push(candidate);
  }
  candidates.push(...looseCoAuthorCandidates(commit.message, trailers));
  const subject = commit.message.split(/\r?\n/, 1)[0] ?? '';
  if (/^aider: /.test(subject)) {
    candidates.push({
      kind: 'ai_authored',
      tool: 'aider',
      confidence: 0.8,
      signal: 'subject starts with "aider: "',
    });
  }
  return candidates;
}

function strongest(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of candidates) {
    if (
      !best ||
      KIND_RANK[candidate.kind] > KIND_RANK[best.kind] ||
      (candidate.kind === best.kind && candidate.confidence > best.confidence)
    ) {
      best = candidate;
    }
  }
  return best;
}

/**
 * Attributes one commit from its identities, message and branch, then the workspace's rules.
 *
 * @example
 * attributeCommit({ ...commit, message: 'Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
 * // { kind: 'ai_assisted', signal: 'Co-Authored-By: Claude <noreply@anthropic.com>', tool: 'claude-code', confidence: 0.9 }
 */
export function attributeCommit(
  commit: CommitForAttribution,
  rules: readonly AttributionRule[] = [],
): Attribution {
  const best = strongest(toolCandidates(commit));
  if (best) return { kind: best.kind, signal: best.signal, tool: best.tool, confidence: best.confidence };
  const matched = firstMatchingRule(rules, commit);
  if (matched) {
    const { rule, index } = matched;
    return { kind: rule.kind, signal: `rule "${rule.label}" (rules[${index}])`, tool: null, confidence: 0.8 };
  }
  if (aiderCommittedOwnEdits(authorOf(commit), committerOf(commit))) {
    return {
      kind: 'human',
      signal: `committer ${commit.committerName} only: aider committed the author's own edits`,
      tool: null,
      confidence: 0.8,
    };
  }
  return { kind: 'human', signal: NO_SIGNAL, tool: null, confidence: 0.7 };
}
