import { describe, expect, it } from 'vitest';
import {
  aiLinesFromNote,
  attributeLines,
  lineAttributor,
  parseGitAiNote,
  type GitAiNote,
  type GitAiNoteResult,
} from './git-ai-notes.js';

// The complete example of the Git AI Standard v3.0.0 (specs/git_ai_standard_v3.0.0.md, §1.2.5).
const STANDARD_EXAMPLE = `src/main.rs
  abcd1234abcd1234 1-10,15-20
  efgh5678efgh5678 25,30-35
src/lib.rs
  abcd1234abcd1234 1-50
---
{
  "schema_version": "authorship/3.0.0",
  "git_ai_version": "1.0.23",
  "base_commit_sha": "7734793b756b3921c88db5375a8c156e9532447b",
  "prompts": {
    "abcd1234abcd1234": {
      "agent_id": {
        "tool": "cursor",
        "id": "6ef2299e-a67f-432b-aa80-3d2fb4d28999",
        "model": "claude-4.5-opus"
      },
      "human_author": "Developer <dev@example.com>",
      "messages": [
        { "type": "user", "text": "Add error handling to the main function", "timestamp": "2025-12-05T01:22:13.211Z" }
      ],
      "total_additions": 25,
      "total_deletions": 5,
      "accepted_lines": 20,
      "overriden_lines": 0
    },
    "efgh5678efgh5678": {
      "agent_id": { "tool": "cursor", "id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "model": "claude-3-sonnet" },
      "human_author": "Developer <dev@example.com>",
      "messages": [],
      "total_additions": 6,
      "total_deletions": 0,
      "accepted_lines": 6,
      "overriden_lines": 0
    }
  }
}`;

// The v1.4 format: session keys with trace ids, human attestations, quoted paths, a prompt of
// another commit (no record here) and fields this parser has never heard of.
const MIXED_FORMAT = `src/auth/session.ts
  s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-10
  s_c9883b05a2487d::t_a1b2c3d4e5f678 15-20
  h_a1b2c3d4e5f678 5-6
"docs/README (copy).md"
  c9883b0 5
---
{
  "schema_version": "authorship/3.0.0",
  "base_commit_sha": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
  "prompts": {},
  "humans": { "h_a1b2c3d4e5f678": { "author": "Ada Lovelace <ada@example.org>" } },
  "sessions": {
    "s_c9883b05a2487d": {
      "agent_id": { "tool": "claude", "id": "session_123", "model": "claude-opus-4-5" },
      "human_author": "ada@example.org",
      "future_field": { "nested": true }
    }
  },
  "telemetry": [1, 2, 3]
}
`;

function parsed(text: string): GitAiNote {
  const result = parseGitAiNote(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.note;
}

const errorOf = (result: GitAiNoteResult) => (result.ok ? null : result.error);

describe('parseGitAiNote', () => {
  it('parses the standard example', () => {
    const note = parsed(STANDARD_EXAMPLE);
    expect(note.schemaVersion).toBe('authorship/3.0.0');
    expect(note.gitAiVersion).toBe('1.0.23');
    expect(note.baseCommitSha).toBe('7734793b756b3921c88db5375a8c156e9532447b');
    expect(note.files.map((file) => file.path)).toEqual(['src/lib.rs', 'src/main.rs']);
    expect(note.files[1]!.aiRanges).toEqual([
      { start: 1, end: 10, agent: 'abcd1234abcd1234' },
      { start: 15, end: 20, agent: 'abcd1234abcd1234' },
      { start: 25, end: 25, agent: 'efgh5678efgh5678' },
      { start: 30, end: 35, agent: 'efgh5678efgh5678' },
    ]);
    expect(note.agents.abcd1234abcd1234).toEqual({
      key: 'abcd1234abcd1234',
      source: 'prompt',
      tool: 'cursor',
      model: 'claude-4.5-opus',
      sessionId: '6ef2299e-a67f-432b-aa80-3d2fb4d28999',
      humanAuthor: 'Developer <dev@example.com>',
    });
  });

  it('routes session, human and legacy keys; later entries win; unknown fields are ignored', () => {
    const note = parsed(MIXED_FORMAT);
    const session = note.files.find((file) => file.path === 'src/auth/session.ts')!;
    expect(session.aiRanges).toEqual([
      { start: 1, end: 4, agent: 's_c9883b05a2487d' },
      { start: 7, end: 10, agent: 's_c9883b05a2487d' },
      { start: 15, end: 20, agent: 's_c9883b05a2487d' },
    ]);
    expect(session.humanRanges).toEqual([{ start: 5, end: 6, human: 'h_a1b2c3d4e5f678' }]);
    expect(note.humans).toEqual({ h_a1b2c3d4e5f678: 'Ada Lovelace <ada@example.org>' });
    expect(note.agents.s_c9883b05a2487d).toMatchObject({
      source: 'session',
      tool: 'claude',
      model: 'claude-opus-4-5',
    });
    const readme = note.files.find((file) => file.path === 'docs/README (copy).md')!;
    expect(readme.aiRanges).toEqual([{ start: 5, end: 5, agent: 'c9883b0' }]);
    expect(note.agents.c9883b0).toBeUndefined();
  });

  it('accepts a note with no attestations (an empty commit) and CRLF line endings', () => {
    const note = parsed(
      '---\r\n{"schema_version":"authorship/3.0.0","base_commit_sha":"abc","prompts":{}}\r\n',
    );
    expect(note.files).toEqual([]);
    expect(note.agents).toEqual({});
  });

  it.each([
    ['', 'git_ai.empty', null],
    ['src/a.ts\n  abcd1234abcd1234 1-3\n{"schema_version":"authorship/3.0.0"}', 'git_ai.no_divider', null],
    ['  abcd1234abcd1234 1-3\nsrc/a.ts\n---\n{}', 'git_ai.bad_attestation', 1],
    ['src/a.ts\n  abcd1234abcd1234 3-1\n---\n{}', 'git_ai.bad_attestation', 2],
    ['src/a.ts\n  abcd1234abcd1234\n---\n{}', 'git_ai.bad_attestation', 2],
    ['src/a.ts\n  abcd1234abcd1234 0\n---\n{}', 'git_ai.bad_attestation', 2],
    ['src/a.ts\n---\n{"schema_version": "authorship/3.0.0",', 'git_ai.bad_metadata', 3],
    ['src/a.ts\n---\n[1, 2]', 'git_ai.bad_metadata', 3],
    ['src/a.ts\n---\n{"schema_version": "authorship/2.0.0"}', 'git_ai.unsupported_version', 3],
    ['src/a.ts\n---\n{"prompts": {}}', 'git_ai.unsupported_version', 3],
  ])('refuses a malformed note without throwing (%#)', (text, code, line) => {
    expect(errorOf(parseGitAiNote(text))).toMatchObject({ code, line });
  });

  it('reads malformed records leniently', () => {
    const note = parsed(
      'a.ts\n  abc1234 1\n---\n{"schema_version":"authorship/3.1.0","prompts":{"abc1234":{"agent_id":"cursor"}},"humans":{"h_1":42}}',
    );
    expect(note.agents.abc1234).toEqual({
      key: 'abc1234',
      source: 'prompt',
      tool: null,
      model: null,
      sessionId: null,
      humanAuthor: null,
    });
    expect(note.humans).toEqual({});
  });
});

describe('aiLinesFromNote and line attribution', () => {
  const note = parsed(MIXED_FORMAT);

  it('gives the merged AI ranges of a file, empty for a file the note does not list', () => {
    expect(aiLinesFromNote(parsed(STANDARD_EXAMPLE), 'src/main.rs')).toEqual([
      { start: 1, end: 10 },
      { start: 15, end: 20 },
      { start: 25, end: 25 },
      { start: 30, end: 35 },
    ]);
    expect(aiLinesFromNote(note, 'src/auth/session.ts')).toEqual([
      { start: 1, end: 4 },
      { start: 7, end: 10 },
      { start: 15, end: 20 },
    ]);
    expect(aiLinesFromNote(note, 'src/other.ts')).toEqual([]);
  });

  it('lets the note win over the commit kind, line by line', () => {
    expect(
      attributeLines({ commitKind: 'ai_assisted', note, path: 'src/auth/session.ts', lines: [1, 5, 11, 20] }),
    ).toEqual(['ai_authored', 'human', 'human', 'ai_authored']);
    expect(attributeLines({ commitKind: 'human', note, path: 'src/other.ts', lines: [1] })).toEqual([
      'human',
    ]);
  });

  it('falls back to the commit kind without a note', () => {
    const kindOf = lineAttributor({ commitKind: 'ai_assisted', note: null });
    expect(kindOf('src/a.ts', 1)).toBe('ai_assisted');
  });
});
