import { describe, expect, it } from 'vitest';
import { parseGitAiNote, type GitAiNote } from './git-ai-notes.js';
import {
  understandingLedger,
  type BlamedFile,
  type BlamedLine,
  type CommitEvidence,
  type UnderstandingFact,
} from './understanding.js';

const ADA = 'ada@example.org';
const BOB = 'bob@example.org';
const CAROL = 'carol@example.org';

// Blame of `n` consecutive lines last changed by one commit.
const run = (sha: string, authorEmail: string, n: number, from = 1): BlamedLine[] =>
  Array.from({ length: n }, (_, i) => ({ sha, authorEmail, origLine: from + i }));

function note(text: string): GitAiNote {
  const result = parseGitAiNote(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.note;
}

const commits: CommitEvidence[] = [
  { sha: 'c1', kind: 'human' },
  { sha: 'c2', kind: 'ai_authored' },
  { sha: 'c3', kind: 'ai_assisted' },
  {
    sha: 'c4',
    kind: 'ai_assisted',
    note: note(
      'src/session.ts\n  s_0123456789abcd::t_0123456789abcd 1-2\n---\n{"schema_version":"authorship/3.0.0"}',
    ),
  },
  { sha: 'c5', kind: 'human' },
];

const facts: UnderstandingFact[] = [
  { sha: 'c2', person: 'Bob@Example.org', kind: 'reviewed' },
  { sha: 'c5', person: CAROL, kind: 'authored' },
  { sha: 'c3', person: CAROL, kind: 'authored' },
];

const files: BlamedFile[] = [
  {
    path: 'src/auth.ts',
    lines: [...run('c1', ADA, 2), ...run('c2', 'ADA@example.org', 2), ...run('c3', ADA, 2)],
  },
  { path: 'src/session.ts', lines: run('c4', ADA, 3) },
  { path: 'README.md', lines: run('c5', BOB, 4) },
];

describe('understandingLedger', () => {
  const ledger = understandingLedger({ files, commits, facts });
  const file = (path: string) => ledger.find((entry) => entry.path === path)!;

  it('sorts files by path', () => {
    expect(ledger.map((entry) => entry.path)).toEqual(['README.md', 'src/auth.ts', 'src/session.ts']);
  });

  it('counts authors, AI lines and who understands what', () => {
    expect(file('src/auth.ts')).toEqual({
      path: 'src/auth.ts',
      lines: 6,
      authors: { [ADA]: 6 },
      aiLines: 4,
      // c3's two lines: AI-assisted, and a co-author fact does not explain AI code.
      unexplainedAiLines: 2,
      understoodLines: 4,
      understanding: { [ADA]: 2, [BOB]: 2 },
      understoodBy: [ADA, BOB],
    });
  });

  it('lets a git-ai note decide line by line', () => {
    expect(file('src/session.ts')).toMatchObject({
      lines: 3,
      aiLines: 2,
      unexplainedAiLines: 2,
      understanding: { [ADA]: 1 },
      understoodBy: [ADA],
    });
  });

  it('counts human co-authors on human lines', () => {
    expect(file('README.md')).toMatchObject({
      aiLines: 0,
      understoodLines: 4,
      understanding: { [BOB]: 4, [CAROL]: 4 },
      understoodBy: [BOB, CAROL],
    });
  });

  it('reads note lines at their number and path in that commit', () => {
    const renamed: BlamedFile = {
      path: 'src/auth/session.ts',
      lines: [
        { sha: 'c4', authorEmail: ADA, origLine: 3, origPath: 'src/session.ts' },
        { sha: 'c4', authorEmail: ADA, origLine: 1, origPath: 'src/session.ts' },
        { sha: 'c4', authorEmail: ADA },
      ],
    };
    const [entry] = understandingLedger({ files: [renamed], commits, facts });
    // Line 3 is human, line 1 AI; the last has no origin, so it is line 3 of src/auth/session.ts,
    // a path the note does not list: human.
    expect(entry).toMatchObject({ aiLines: 1, unexplainedAiLines: 1, understanding: { [ADA]: 2 } });
  });

  it('treats a commit with no attribution as human', () => {
    const [entry] = understandingLedger({
      files: [{ path: 'a.ts', lines: run('unknown', ADA, 2) }],
      commits: [],
      facts: [],
    });
    expect(entry).toMatchObject({ aiLines: 0, understoodLines: 2, understoodBy: [ADA] });
  });

  it('applies the file threshold, a third by default', () => {
    const mixed: BlamedFile = {
      path: 'src/mixed.ts',
      lines: [...run('c1', ADA, 6), ...run('c5', BOB, 3), ...run('c1', 'dan@example.org', 1)],
    };
    const [entry] = understandingLedger({ files: [mixed], commits, facts: [] });
    expect(entry!.understoodBy).toEqual([ADA]);
    const [lenient] = understandingLedger({ files: [mixed], commits, facts: [], options: { minShare: 0.1 } });
    expect(lenient!.understoodBy).toEqual([ADA, BOB, 'dan@example.org']);
    const [exact] = understandingLedger({
      files: [{ path: 'x', lines: [...run('c1', ADA, 1), ...run('c1', BOB, 2)] }],
      commits,
      facts: [],
    });
    expect(exact!.understoodBy).toEqual([ADA, BOB]);
  });

  it('never counts ignored people', () => {
    const bumped: BlamedFile = { path: 'package.json', lines: run('c1', 'bot@renovateapp.com', 3) };
    const [entry] = understandingLedger({
      files: [bumped],
      commits,
      facts: [{ sha: 'c2', person: 'bot@renovateapp.com', kind: 'reviewed' }],
      options: { ignoredPeople: ['BOT@renovateapp.com'] },
    });
    expect(entry).toMatchObject({
      understoodLines: 0,
      understoodBy: [],
      authors: { 'bot@renovateapp.com': 3 },
    });
  });

  it('handles empty files', () => {
    const [entry] = understandingLedger({ files: [{ path: 'empty.ts', lines: [] }], commits, facts });
    expect(entry).toMatchObject({ lines: 0, understoodBy: [], authors: {}, understanding: {} });
  });
});
