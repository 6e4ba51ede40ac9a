import { describe, expect, it } from 'vitest';
import { LOG_FORMAT, createLogParser, parseLog } from './log-parser.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const U = '\x1f';

function header(sha: string, parents: string, message: string): string {
  const people = ['Ada', 'ada@x', '2024-03-01T09:00:00+02:00', 'Bob', 'bob@x', '2024-03-01T10:30:00-05:00'];
  return `\x1e${[sha, parents, ...people, message].join(U)}`;
}

// Shaped like `git log -z --numstat -M --format=LOG_FORMAT`: a merge (no files), a commit with a
// rename, a binary file and a path with a space, and a root commit.
const FIXTURE = [
  header(C, `${A} ${B}`, "Merge branch 'b'\n"),
  header(B, A, 'Move things\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n'),
  '\n3\t1\t',
  'old/name.ts',
  'new/name.ts',
  '-\t-\tlogo.png',
  '0\t2\tdir/with space é.txt',
  header(A, '', 'first\n'),
  '\n1\t0\tREADME.md',
  '',
].join('\0');

describe('parseLog', () => {
  it('asks git for every field, separated by the unit separator', () => {
    expect(LOG_FORMAT).toBe('%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%aI%x1f%cN%x1f%cE%x1f%cI%x1f%B');
  });

  it('reads commits, parents, people, dates and messages', () => {
    const [merge, move, root] = parseLog(FIXTURE);
    expect(merge).toMatchObject({ sha: C, parents: [A, B], message: "Merge branch 'b'", files: [] });
    expect(move).toMatchObject({
      sha: B,
      parents: [A],
      authorName: 'Ada',
      authorEmail: 'ada@x',
      authoredAt: '2024-03-01T09:00:00+02:00',
      authoredAtMs: Date.parse('2024-03-01T07:00:00Z'),
      committerName: 'Bob',
      committerEmail: 'bob@x',
      committedAtMs: Date.parse('2024-03-01T15:30:00Z'),
      message: 'Move things\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
    });
    expect(root).toMatchObject({ sha: A, parents: [], files: [{ path: 'README.md', added: 1, deleted: 0 }] });
  });

  it('reads renames as two paths, binary files as null counts, and paths as they are', () => {
    const move = parseLog(FIXTURE)[1];
    expect(move?.files).toEqual([
      { path: 'new/name.ts', oldPath: 'old/name.ts', added: 3, deleted: 1 },
      { path: 'logo.png', added: null, deleted: null },
      { path: 'dir/with space é.txt', added: 0, deleted: 2 },
    ]);
  });

  it('keeps a message that contains the field separator whole', () => {
    const [commit] = parseLog(`${header(A, '', `odd${U}message\n`)}\0`);
    expect(commit?.message).toBe(`odd${U}message`);
  });

  it('reads an empty message and an empty output', () => {
    expect(parseLog(`${header(A, '', '')}\0`)[0]?.message).toBe('');
    expect(parseLog('')).toEqual([]);
  });

  it('hands each commit over as soon as the next one starts', () => {
    const parser = createLogParser();
    const tokens = FIXTURE.split('\0');
    const seen = tokens.map((token) => parser.push(token)?.sha ?? null);
    expect(seen.filter(Boolean)).toEqual([C, B]);
    expect(parser.end()?.sha).toBe(A);
  });

  it('refuses output it does not understand', () => {
    expect(() => parseLog('1\t2\tfile\0')).toThrow(/before any commit/);
    expect(() => parseLog(`${header(A, '', 'x')}\0garbage`)).toThrow(/unexpected numstat/);
    expect(() => parseLog(`${header(A, '', 'x')}\0\n1\t1\t\0old`)).toThrow(/inside a rename/);
  });
});
