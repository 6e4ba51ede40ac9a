import { describe, expect, it } from 'vitest';
import { attributeCommit, NO_SIGNAL, type CommitForAttribution } from './attribution.js';
import type { AttributionRule } from './attribution-rules.js';

const ada = { authorName: 'Ada Lovelace', authorEmail: 'ada@example.org' };
const commit = (message: string, overrides: Partial<CommitForAttribution> = {}): CommitForAttribution => ({
  sha: '3f2a9c1d5e7b8a6f4c2d1e0b9a8f7e6d5c4b3a21',
  ...ada,
  committerName: 'Ada Lovelace',
  committerEmail: 'ada@example.org',
  message,
  branch: 'main',
  ...overrides,
});

const CLAUDE_CODE = `feat(auth): lock accounts after five failed sign-ins

Counts failures per account in a sliding 15-minute window and answers
423 Locked with a Retry-After header once the limit is reached.

🤖 Generated with [Claude Code](https://claude.com/claude-code)

Co-Authored-By: Claude <noreply@anthropic.com>
`;

describe('attributeCommit: tool signals', () => {
  it('Claude Code footer: the tool made the commit', () => {
    expect(attributeCommit(commit(CLAUDE_CODE))).toEqual({
      kind: 'ai_authored',
      signal: '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
      tool: 'claude-code',
      confidence: 0.95,
    });
  });

  it('the older claude.ai/code footer in the same paragraph as the co-author', () => {
    const message = `Fix flaky date test

🤖 Generated with [Claude Code](https://claude.ai/code)
Co-Authored-By: Claude <noreply@anthropic.com>`;
    expect(attributeCommit(commit(message))).toMatchObject({ kind: 'ai_authored', tool: 'claude-code' });
  });

  it('Claude co-author alone: assisted, whatever the model name', () => {
    const message = `refactor(api): split the invoice presenter

Plan 3 of 5 for the billing overhaul.

Co-Authored-By: Claude Opus 4.7 (1M context) <noreply@anthropic.com>`;
    expect(attributeCommit(commit(message))).toEqual({
      kind: 'ai_assisted',
      signal: 'Co-Authored-By: Claude Opus 4.7 (1M context) <noreply@anthropic.com>',
      tool: 'claude-code',
      confidence: 0.9,
    });
  });

  it('a person named Claude is not Claude Code: the e-mail decides', () => {
    const message = 'Pair on the parser\n\nCo-authored-by: Claude Monet <claude@monet.fr>';
    expect(attributeCommit(commit(message)).kind).toBe('human');
  });

  it('aider co-author trailer, and aider-marked author names', () => {
    const trailer = `feat: Enable complete_while_typing in prompt_session

Co-authored-by: aider (openai/gpt-4o) <aider@aider.chat>`;
    expect(attributeCommit(commit(trailer))).toMatchObject({ kind: 'ai_assisted', tool: 'aider' });

    const marked = commit('feat: Enable complete_while_typing in prompt_session', {
      authorName: 'Paul Gauthier (aider)',
      authorEmail: 'paul@aider.chat',
      committerName: 'Paul Gauthier (aider)',
    });
    expect(attributeCommit(marked)).toEqual({
      kind: 'ai_authored',
      signal: 'author: Paul Gauthier (aider) <paul@aider.chat>',
      tool: 'aider',
      confidence: 0.95,
    });
  });

  it('aider marking only the committer committed the builder own edits: human', () => {
    const dirty = commit('chore: save work in progress before aider edits', {
      committerName: 'Ada Lovelace (aider)',
    });
    expect(attributeCommit(dirty)).toEqual({
      kind: 'human',
      signal: "committer Ada Lovelace (aider) only: aider committed the author's own edits",
      tool: null,
      confidence: 0.8,
    });
  });

  it('aider subject prefix', () => {
    expect(attributeCommit(commit('aider: Added a --verbose flag'))).toMatchObject({
      kind: 'ai_authored',
      tool: 'aider',
      confidence: 0.8,
    });
  });

  it('GitHub Copilot co-author (IDE and Autofix) is assisted', () => {
    const message = `Fix nil info.Length panic (#15460)

Fixes https://github.com/erigontech/erigon/issues/15456

---------

Co-authored-by: antonis19 <antonis19@users.noreply.github.com>
Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>`;
    expect(attributeCommit(commit(message))).toEqual({
      kind: 'ai_assisted',
      signal: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>',
      tool: 'copilot',
      confidence: 0.9,
    });
    const autofix =
      'Potential fix for code scanning alert\n\nCo-authored-by: Copilot Autofix powered by AI <175728472+Copilot@users.noreply.github.com>';
    expect(attributeCommit(commit(autofix)).tool).toBe('copilot');
  });

  it('the Copilot coding agent as author, or kept as co-author by a squash merge, authored it', () => {
    const agent = commit(
      'Add dark mode toggle to settings\n\nCo-authored-by: wdhunter645 <203789911+wdhunter645@users.noreply.github.com>',
      {
        authorName: 'copilot-swe-agent[bot]',
        authorEmail: '198982749+Copilot@users.noreply.github.com',
        committerName: 'GitHub',
        committerEmail: 'noreply@github.com',
      },
    );
    expect(attributeCommit(agent)).toMatchObject({
      kind: 'ai_authored',
      tool: 'copilot-agent',
      confidence: 0.95,
    });

    const squash = `Remove milestones link from homepage (#146)

* Initial plan

* Remove "See Milestones" link from homepage

Co-authored-by: wdhunter645 <203789911+wdhunter645@users.noreply.github.com>

---------

Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>
Co-authored-by: wdhunter645 <203789911+wdhunter645@users.noreply.github.com>`;
    expect(attributeCommit(commit(squash))).toMatchObject({
      kind: 'ai_authored',
      tool: 'copilot-agent',
      confidence: 0.9,
    });
  });

  it('Cursor: co-author is assisted, Cursor Agent as author authored', () => {
    const message =
      '[EuiDataGrid] Fix copy/paste column alignment (#9954)\n\nCo-authored-by: Cursor <cursoragent@cursor.com>';
    expect(attributeCommit(commit(message))).toMatchObject({ kind: 'ai_assisted', tool: 'cursor' });
    const agent = commit("Refactor: Add 'The Lost Archives' section to admin dashboard", {
      authorName: 'Cursor Agent',
      authorEmail: 'cursoragent@cursor.com',
    });
    expect(attributeCommit(agent)).toMatchObject({ kind: 'ai_authored', tool: 'cursor' });
    expect(attributeCommit(commit('Tidy\n\nMade-with: Cursor'))).toMatchObject({
      kind: 'ai_assisted',
      tool: 'cursor',
      confidence: 0.85,
    });
  });

  it('Codex co-author with either OpenAI address', () => {
    for (const email of ['noreply@openai.com', 'codex@openai.com']) {
      const message = `feat: add playthrough activity helpers\n\nCo-authored-by: Codex <${email}>`;
      expect(attributeCommit(commit(message))).toMatchObject({ kind: 'ai_assisted', tool: 'codex' });
    }
    expect(attributeCommit(commit('x\n\nCo-authored-by: Sam <sam@openai.com>')).kind).toBe('human');
  });

  it('Assisted-by and Generated-by carry the tool as written', () => {
    const kernel = `devtools: add support for Assisted-by in commit messages

Assisted-by: Claude:claude-3-opus coccinelle sparse
Signed-off-by: Ada Lovelace <ada@example.org>`;
    expect(attributeCommit(commit(kernel))).toEqual({
      kind: 'ai_assisted',
      signal: 'Assisted-by: Claude:claude-3-opus coccinelle sparse',
      tool: 'Claude:claude-3-opus coccinelle sparse',
      confidence: 0.9,
    });
    expect(
      attributeCommit(commit('Scaffold operator\n\nGenerated-by: Claude Code/claude-sonnet-4')),
    ).toMatchObject({
      kind: 'ai_authored',
      tool: 'Claude Code/claude-sonnet-4',
    });
  });

  it('a co-author line outside the trailer block still counts, with less confidence', () => {
    const message = `Update docs

Co-authored-by: Claude <noreply@anthropic.com>

Reviewed on the call with the team; see the thread for context.`;
    expect(attributeCommit(commit(message))).toEqual({
      kind: 'ai_assisted',
      signal: 'Co-authored-by: Claude <noreply@anthropic.com>',
      tool: 'claude-code',
      confidence: 0.8,
    });
  });

  it('authored beats assisted when a commit carries both', () => {
    const message =
      'Fix\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\nGenerated-by: devin';
    expect(attributeCommit(commit(message))).toMatchObject({ kind: 'ai_authored', tool: 'devin' });
  });
});

describe('attributeCommit: rules and the default', () => {
  const rules: AttributionRule[] = [
    { match: { messagePattern: '(' }, kind: 'ai_authored', label: 'broken' },
    { match: { authorEmail: '*@agents.example.org' }, kind: 'ai_authored', label: 'agents mailbox' },
    { match: { branch: 'ai/**', messagePattern: '^wip' }, kind: 'ai_assisted', label: 'ai branches' },
  ];

  it('applies the first matching rule when no tool signal decides, skipping an invalid pattern', () => {
    const bot = commit('Bump', { authorName: 'Agent', authorEmail: 'runner@AGENTS.example.org' });
    expect(attributeCommit(bot, rules)).toEqual({
      kind: 'ai_authored',
      signal: 'rule "agents mailbox" (rules[1])',
      tool: null,
      confidence: 0.8,
    });
    expect(attributeCommit(commit('WIP login form', { branch: 'ai/claude/login' }), rules).signal).toBe(
      'rule "ai branches" (rules[2])',
    );
    expect(attributeCommit(commit('WIP login form', { branch: null }), rules).kind).toBe('human');
  });

  it('tool signals come before rules', () => {
    const tooled = commit(CLAUDE_CODE, { authorEmail: 'runner@agents.example.org' });
    expect(attributeCommit(tooled, rules).tool).toBe('claude-code');
  });

  it('no signal: human, with weak confidence', () => {
    const plain = `Fix off-by-one in the sprint compiler

The last day of a sprint was dropped when it ended at midnight.

Signed-off-by: Ada Lovelace <ada@example.org>`;
    expect(attributeCommit(commit(plain), rules)).toEqual({
      kind: 'human',
      signal: NO_SIGNAL,
      tool: null,
      confidence: 0.7,
    });
  });
});
