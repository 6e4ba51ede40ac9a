/**
 * Histories that make blame hard, built in real temp repositories for the ownership tests: every
 * case the incremental walk must agree with `git blame` on.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ADA, BOB, CY, lines, type Person, type TempRepo } from './testing.js';

export const OLD_CY: Person = { name: 'cy (laptop)', email: 'cy@laptop.local' };

const SPACED = 'docs/with space é.txt';
/** story.txt after the hand-resolved merge: line 3 is the merge's own, 5 is Cy's, 9 is Bob's. */
export const RESOLVED_STORY = lines('story', 10)
  .replace('story 3\n', 'cy and bob 3\n')
  .replace('story 5\n', 'cy 5\n')
  .replace('story 9\n', 'bob 9\n');
/** notes.md after the merge that keeps Bob's first line and Cy's last. */
export const BOTH_NOTES = lines('note', 6)
  .replace('note 1\n', 'bob note 1\n')
  .replace('note 6\n', 'cy note 6\n');
const QUOTED = 'odd\tname "q".txt';
const QUOTED_MOVED = 'moved\\odd\tname "q".txt';

async function merge(repo: TempRepo, args: string[], as: Person): Promise<void> {
  await repo.git(['merge', '-q', '--no-edit', ...args], { as });
}

/** A hand-resolved conflict, then a merge that keeps lines from both sides of one file. */
async function conflicts(repo: TempRepo): Promise<void> {
  await repo.git(['switch', '-q', '-c', 'feature']);
  const story = lines('story', 10);
  await repo.commit('feature edits', {
    as: BOB,
    files: { 'story.txt': story.replace('story 3\n', 'bob 3\n').replace('story 9\n', 'bob 9\n') },
  });
  await repo.git(['switch', '-q', 'main']);
  await repo.commit('main edits', {
    as: OLD_CY,
    files: { 'story.txt': story.replace('story 3\n', 'cy 3\n').replace('story 5\n', 'cy 5\n') },
  });
  await merge(repo, ['feature'], ADA).catch(() => 'conflict, resolved below');
  await repo.commit('merge feature, by hand', { as: ADA, files: { 'story.txt': RESOLVED_STORY } });
  await repo.git(['switch', '-q', '-c', 'both']);
  await repo.commit('both: top', {
    as: BOB,
    files: { 'notes.md': lines('note', 6).replace('note 1\n', 'bob note 1\n') },
  });
  await repo.git(['switch', '-q', 'main']);
  await repo.commit('main: bottom', {
    as: CY,
    files: { 'notes.md': lines('note', 6).replace('note 6\n', 'cy note 6\n') },
  });
  await merge(repo, ['both'], ADA);
}

/** Renames: git mv then edit; a rename on a branch merged while main edited the old path. */
async function renames(repo: TempRepo): Promise<void> {
  await mkdir(join(repo.dir, 'docs'), { recursive: true });
  await repo.git(['mv', 'notes.md', 'docs/notes.md']);
  await repo.commit('move notes', { as: BOB });
  const edited = BOTH_NOTES.replace('note 3\n', 'note 3\ncy moved note\n');
  await repo.commit('edit moved notes', { as: CY, files: { 'docs/notes.md': edited } });
  await repo.git(['switch', '-q', '-c', 'mover']);
  await repo.git(['mv', 'lib/util.txt', 'lib/helpers.txt']);
  await repo.commit('rename util', {
    as: BOB,
    files: { 'lib/helpers.txt': lines('util', 12).replace('util 11\n', 'bob 11\n') },
  });
  await repo.git(['switch', '-q', 'main']);
  await repo.commit('edit util', {
    as: CY,
    files: { 'lib/util.txt': lines('util', 12).replace('util 2\n', 'cy 2\n') },
  });
  await merge(repo, ['mover'], ADA);
  // Split one file in two: log pairs the source with one new file, blame follows it for both.
  await repo.git(['mv', 'big.txt', 'big-a.txt']);
  await repo.commit('split big', { as: BOB, files: { 'big-b.txt': `${lines('big', 30)}extra\n` } });
}

/** Delete and re-add, a rebased topic, odd files (no newline, CRLF, empty, binary to text, link). */
async function oddities(repo: TempRepo): Promise<void> {
  await repo.git(['rm', '-q', 'gone.txt']);
  await repo.commit('delete gone', { as: BOB });
  await repo.git(['switch', '-q', '-c', 'topic']);
  await repo.commit('topic one', { as: CY, files: { 'topic.txt': lines('topic', 3) } });
  await repo.commit('topic two', { as: BOB, files: { 'topic.txt': `${lines('topic', 3)}more\n` } });
  await repo.git(['switch', '-q', 'main']);
  await repo.commit('bring gone back', {
    as: CY,
    files: { 'gone.txt': lines('gone', 2), 'logo.png': Buffer.from([0x89, 0x50, 0, 0, 2]) },
  });
  await repo.git(['switch', '-q', 'topic']);
  await repo.git(['rebase', '-q', 'main'], { as: ADA });
  await repo.git(['switch', '-q', 'main']);
  await repo.git(['merge', '-q', '--ff-only', 'topic']);
  await repo.commit('odd files', {
    as: BOB,
    files: {
      'noeol.txt': 'one\ntwo\nthree\nfour',
      'crlf.txt': 'a\r\nB\r\nc\r\n',
      [SPACED]: `${lines('spaced', 3)}bob\n`,
      [QUOTED]: 'q1\nq2 bob\n',
      'empty-then-full.txt': lines('full', 2),
      'data.bin': lines('now text', 3),
    },
  });
  await repo.git(['update-index', '--chmod=+x', 'story.txt']);
  await repo.commit('make story executable', { as: CY });
  await symlink('story.txt', join(repo.dir, 'link.txt'));
  await repo.commit('link', { as: CY });
  // A submodule as git records it (a gitlink), and a rename of a path git must C-quote.
  await mkdir(join(repo.dir, 'vendor/sub'), { recursive: true });
  const head = (await repo.git(['rev-parse', 'HEAD'])).trim();
  await repo.git(['update-index', '--add', '--cacheinfo', `160000,${head},vendor/sub`]);
  await repo.git(['mv', QUOTED, QUOTED_MOVED]);
  await repo.commit('gitlink and quoted rename', { as: BOB, files: { [QUOTED_MOVED]: 'q1\nq2 bob\nq3\n' } });
}

/** Merges whose files come whole from a side, an evil merge adding a file, an octopus. */
async function moreMerges(repo: TempRepo): Promise<void> {
  await repo.git(['switch', '-q', '-c', 'theirs']);
  await repo.commit('theirs side', { as: BOB, files: { 'gone.txt': 'bob gone\n' } });
  await repo.git(['switch', '-q', 'main']);
  await repo.commit('ours side', { as: CY, files: { 'gone.txt': 'cy gone\n' } });
  await merge(repo, ['-X', 'theirs', 'theirs'], ADA);
  await repo.git(['switch', '-q', '-c', 'evil']);
  await repo.commit('evil side', { as: BOB, files: { 'evil-side.txt': lines('side', 2) } });
  await repo.git(['switch', '-q', 'main']);
  await repo.commit('main moves on', { as: CY, files: { 'crlf.txt': 'a\r\nB\r\nc\r\nd\r\n' } });
  await repo.git(['merge', '-q', '--no-commit', 'evil'], { as: ADA });
  await repo.write({ 'evil.txt': lines('evil', 3), 'story.txt': `${RESOLVED_STORY}evil line\n` });
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-edit'], { as: ADA });
  // A merge that itself splits a file: blame follows split.txt into both new files, from each parent.
  await repo.git(['switch', '-q', '-c', 'splitter']);
  await repo.commit('splitter side', { as: BOB, files: { 'splitter.txt': 'side\n' } });
  await repo.git(['switch', '-q', 'main']);
  await repo.git(['merge', '-q', '--no-ff', '--no-commit', 'splitter'], { as: ADA });
  await repo.git(['mv', 'split.txt', 'split-a.txt']);
  await repo.write({ 'split-b.txt': `${lines('split', 20)}merge extra\n` });
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-edit'], { as: ADA });
  for (const name of ['oct-a', 'oct-b']) {
    await repo.git(['switch', '-q', '-c', name, 'main']);
    await repo.commit(name, { as: BOB, files: { [`${name}.txt`]: lines(name, 2) } });
  }
  await repo.git(['switch', '-q', 'main']);
  await merge(repo, ['--no-ff', 'oct-a', 'oct-b'], CY);
}

/**
 * The whole history on `main` (the default branch), ending with a .mailmap that maps Cy's old
 * address. Returns nothing: tests compare every file of the tip with `git blame`.
 */
export async function buildHardHistory(repo: TempRepo): Promise<void> {
  await repo.commit('start', {
    as: ADA,
    files: {
      'story.txt': lines('story', 10),
      'notes.md': lines('note', 6),
      'gone.txt': lines('gone', 4),
      'lib/util.txt': lines('util', 12),
      'big.txt': lines('big', 30),
      'split.txt': lines('split', 20),
      [SPACED]: lines('spaced', 3),
      [QUOTED]: 'q1\nq2\n',
      'noeol.txt': 'one\ntwo\nthree',
      'crlf.txt': 'a\r\nb\r\nc\r\n',
      'empty.txt': '',
      'empty-then-full.txt': '',
      'logo.png': Buffer.from([0x89, 0x50, 0, 0, 1]),
      'data.bin': Buffer.from([0, 1, 2, 10, 3]),
    },
  });
  await conflicts(repo);
  await renames(repo);
  await oddities(repo);
  await moreMerges(repo);
  await repo.commit('mailmap', {
    as: ADA,
    files: { '.mailmap': `${CY.name} <${CY.email}> <${OLD_CY.email}>\n` },
  });
}

/** Writes a file without committing (for tests that commit with plumbing). */
export async function writeAt(dir: string, path: string, content: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), content);
}
