/**
 * The identities AI coding tools write into commits, as the tools really write them:
 *
 * - Claude Code: `Co-Authored-By: Claude <noreply@anthropic.com>` (the name varies with the model,
 *   "Claude Opus 4.7 (1M context)"; the address does not); the Claude GitHub app commits as
 *   `claude[bot] <209825114+claude[bot]@users.noreply.github.com>`.
 * - aider (`aider/repo.py`): `Co-authored-by: aider (<model>) <aider@aider.chat>`; without that
 *   trailer it appends " (aider)" to the author *and* committer name of a commit it wrote, and to
 *   the committer name only of a commit of the builder's own uncommitted edits.
 * - GitHub Copilot: `Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>`
 *   (also "Copilot Autofix powered by AI"); its coding agent commits as
 *   `Copilot <198982749+Copilot@users.noreply.github.com>` (shown as `copilot-swe-agent[bot]`),
 *   which squash merges of its pull requests keep as a co-author.
 * - Cursor: `Co-authored-by: Cursor <cursoragent@cursor.com>`; its agents commit as
 *   `Cursor Agent <cursoragent@cursor.com>`.
 * - Codex: `Co-authored-by: Codex <noreply@openai.com>` (or `codex@openai.com`).
 */
import type { AttributionKind } from './git.model.js';

export interface Identity {
  name: string;
  email: string;
}

export interface ToolSignal {
  kind: Exclude<AttributionKind, 'human'>;
  tool: string;
  confidence: number;
}

const COPILOT_NOREPLY = /^(\d+)\+copilot@users\.noreply\.github\.com$/i;
const COPILOT_AGENT_ID = '198982749';
const CLAUDE_BOT_EMAIL = /^\d+\+claude\[bot\]@users\.noreply\.github\.com$/i;
const OPENAI_EMAIL = /@openai\.com$/i;

/** GitHub App accounts of coding agents: commits under these names were made by the agent. */
const AGENT_BOT_NAMES: Record<string, string> = {
  'copilot-swe-agent[bot]': 'copilot-agent',
  'claude[bot]': 'claude-code',
  'devin-ai-integration[bot]': 'devin',
  'google-labs-jules[bot]': 'jules',
};

/** A tool's identity; `autonomous` when it is an agent's own account, not an assistant's address. */
interface Account {
  tool: string;
  autonomous: boolean;
}

const lower = (text: string) => text.trim().toLowerCase();

function toolAccount(identity: Identity): Account | null {
  const email = lower(identity.email);
  const byName = AGENT_BOT_NAMES[lower(identity.name)];
  if (byName) return { tool: byName, autonomous: true };
  if (COPILOT_NOREPLY.exec(email)?.[1] === COPILOT_AGENT_ID)
    return { tool: 'copilot-agent', autonomous: true };
  if (CLAUDE_BOT_EMAIL.test(email)) return { tool: 'claude-code', autonomous: true };
  // Cursor writes the same address for its IDE trailer and its agents' commits.
  if (email === 'cursoragent@cursor.com') return { tool: 'cursor', autonomous: false };
  if (email === 'noreply@anthropic.com') return { tool: 'claude-code', autonomous: false };
  if (email === 'aider@aider.chat') return { tool: 'aider', autonomous: false };
  return null;
}

/**
 * Whether the identity is a coding agent's (copilot-swe-agent[bot], claude[bot], Cursor Agent, …):
 * such "bots" are AI authors to attribute, not automation to exclude.
 */
export function isAgentAccount(identity: Identity): boolean {
  return toolAccount(identity) !== null;
}

const AIDER_MARK = / \(aider\)$/i;

/** The commit's author is a tool, or an aider-marked name: the tool made the change itself. */
export function authorSignal(author: Identity): ToolSignal | null {
  const account = toolAccount(author);
  if (account) return { kind: 'ai_authored', tool: account.tool, confidence: 0.95 };
  if (AIDER_MARK.test(author.name.trim())) return { kind: 'ai_authored', tool: 'aider', confidence: 0.95 };
  return null;
}

/**
 * What a `Co-authored-by` identity says. An agent's own account (a squash merge of the Copilot
 * agent's or the Claude app's pull request keeps it as co-author) means the agent wrote the change;
 * an assistant's address means a person worked with it.
 */
export function coAuthorSignal(coAuthor: Identity): ToolSignal | null {
  const account = toolAccount(coAuthor);
  if (account) {
    return { kind: account.autonomous ? 'ai_authored' : 'ai_assisted', tool: account.tool, confidence: 0.9 };
  }
  const name = lower(coAuthor.name);
  const email = lower(coAuthor.email);
  if (COPILOT_NOREPLY.test(email)) return { kind: 'ai_assisted', tool: 'copilot', confidence: 0.9 };
  if (OPENAI_EMAIL.test(email) && (name.startsWith('codex') || email.startsWith('codex@'))) {
    return { kind: 'ai_assisted', tool: 'codex', confidence: 0.9 };
  }
  return null;
}

/**
 * Aider marks the committer, and only the committer, when it commits the builder's own edits
 * before changing a file: that commit is human work.
 */
export function aiderCommittedOwnEdits(author: Identity, committer: Identity): boolean {
  return AIDER_MARK.test(committer.name.trim()) && authorSignal(author) === null;
}
