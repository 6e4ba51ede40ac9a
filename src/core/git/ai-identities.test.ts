import { describe, expect, it } from 'vitest';
import { aiderCommittedOwnEdits, authorSignal, coAuthorSignal, isAgentAccount } from './ai-identities.js';

const id = (name: string, email: string) => ({ name, email });

describe('authorSignal', () => {
  it.each([
    [id('copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'), 'copilot-agent'],
    [id('Copilot', '198982749+Copilot@users.noreply.github.com'), 'copilot-agent'],
    [id('claude[bot]', '209825114+claude[bot]@users.noreply.github.com'), 'claude-code'],
    [id('Claude', 'noreply@anthropic.com'), 'claude-code'],
    [id('Cursor Agent', 'cursoragent@cursor.com'), 'cursor'],
    [
      id('devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com'),
      'devin',
    ],
    [id('google-labs-jules[bot]', '161369871+google-labs-jules[bot]@users.noreply.github.com'), 'jules'],
    [id('kun432 (aider)', 'kun432@users.noreply.github.com'), 'aider'],
  ])('%j is the tool %s', (identity, tool) => {
    expect(authorSignal(identity)).toEqual({ kind: 'ai_authored', tool, confidence: 0.95 });
  });

  it.each([
    id('Ada Lovelace', 'ada@example.org'),
    id('GitHub', 'noreply@github.com'),
    id('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'),
    id('Ada (aider fan)', 'ada@example.org'),
  ])('%j is not a tool', (identity) => {
    expect(authorSignal(identity)).toBeNull();
  });
});

describe('coAuthorSignal', () => {
  it.each([
    [id('Claude', 'noreply@anthropic.com'), 'ai_assisted', 'claude-code'],
    [id('Claude Sonnet 4.5', 'NoReply@Anthropic.com'), 'ai_assisted', 'claude-code'],
    [id('aider (anthropic/claude-3-7-sonnet)', 'aider@aider.chat'), 'ai_assisted', 'aider'],
    [id('Copilot', '175728472+Copilot@users.noreply.github.com'), 'ai_assisted', 'copilot'],
    [id('Cursor', 'cursoragent@cursor.com'), 'ai_assisted', 'cursor'],
    [id('Cursor Agent', 'cursoragent@cursor.com'), 'ai_assisted', 'cursor'],
    [id('Codex', 'noreply@openai.com'), 'ai_assisted', 'codex'],
    [id('Codex', 'codex@openai.com'), 'ai_assisted', 'codex'],
    [
      id('copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'),
      'ai_authored',
      'copilot-agent',
    ],
    [id('claude[bot]', '209825114+claude[bot]@users.noreply.github.com'), 'ai_authored', 'claude-code'],
  ])('%j → %s %s', (identity, kind, tool) => {
    expect(coAuthorSignal(identity)).toEqual({ kind, tool, confidence: 0.9 });
  });

  it('ignores people', () => {
    expect(coAuthorSignal(id('Jim Simon', 'jimsimon@users.noreply.github.com'))).toBeNull();
    expect(coAuthorSignal(id('Codex Fan', 'fan@example.org'))).toBeNull();
  });
});

describe('agent accounts and aider commits', () => {
  it('knows agent accounts are not plain bots', () => {
    expect(isAgentAccount(id('copilot-swe-agent[bot]', 'x'))).toBe(true);
    expect(isAgentAccount(id('renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com'))).toBe(
      false,
    );
  });

  it('detects aider committing the builder own edits', () => {
    const ada = id('Ada', 'ada@example.org');
    expect(aiderCommittedOwnEdits(ada, id('Ada (aider)', 'ada@example.org'))).toBe(true);
    expect(aiderCommittedOwnEdits(id('Ada (aider)', 'ada@example.org'), id('Ada (aider)', 'x'))).toBe(false);
    expect(aiderCommittedOwnEdits(ada, ada)).toBe(false);
  });
});
