import { describe, expect, it } from 'vitest';
import { parseBlamePorcelain, unquoteCPath } from './blame-parser.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

// Shaped like `git blame --porcelain`: A is described once (a root, under its old name), B's group
// spans two lines, and A comes back later without its details or file name.
const PORCELAIN = [
  `${A} 1 1 1`,
  'author Ada Lovelace',
  'author-mail <ada@example.com>',
  'author-time 1709283600',
  'author-tz +0200',
  'committer Ada Lovelace',
  'committer-mail <ada@example.com>',
  'committer-time 1709283600',
  'committer-tz +0200',
  'summary First draft',
  'boundary',
  'filename "old \\"name\\".txt"',
  '\tline one',
  `${B} 2 2 2`,
  'author Bob',
  'author-mail <bob@example.com>',
  'author-time 1709287200',
  'author-tz -0500',
  'committer Bob',
  'committer-mail <bob@example.com>',
  'committer-time 1709287200',
  'committer-tz -0500',
  'summary Edit',
  `previous ${A} old "name".txt`,
  'filename new.txt',
  '\tline two',
  `${B} 3 3`,
  '\t\tindented line three',
  `${A} 2 4 1`,
  '\tline four',
  '',
].join('\n');

describe('parseBlamePorcelain', () => {
  it('gives every line its commit, author and original path', () => {
    const { lines } = parseBlamePorcelain(PORCELAIN);
    expect(lines.map((line) => [line.line, line.sha, line.authorEmail, line.originalPath])).toEqual([
      [1, A, 'ada@example.com', 'old "name".txt'],
      [2, B, 'bob@example.com', 'new.txt'],
      [3, B, 'bob@example.com', 'new.txt'],
      [4, A, 'ada@example.com', 'old "name".txt'],
    ]);
    expect(lines[3]).toMatchObject({
      originalLine: 2,
      authorName: 'Ada Lovelace',
      authorTime: 1709283600_000,
    });
  });

  it('describes each commit once', () => {
    const { commits } = parseBlamePorcelain(PORCELAIN);
    expect(commits.get(A)).toEqual({
      sha: A,
      authorName: 'Ada Lovelace',
      authorEmail: 'ada@example.com',
      authorTime: 1709283600_000,
      authorTz: '+0200',
      summary: 'First draft',
      boundary: true,
    });
    expect(commits.get(B)?.boundary).toBe(false);
  });

  it('reads an empty file as no lines', () => {
    expect(parseBlamePorcelain('').lines).toEqual([]);
  });

  it('refuses content before a header', () => {
    expect(() => parseBlamePorcelain('\torphan')).toThrow(/before any header/);
  });
});

describe('unquoteCPath', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['"tab\\there"', 'tab\there'],
    ['"quote\\"and\\\\slash"', 'quote"and\\slash'],
    ['"caf\\303\\251"', 'café'],
    ['"new\\nline"', 'new\nline'],
  ])('%s → %j', (quoted, path) => {
    expect(unquoteCPath(quoted)).toBe(path);
  });
});
