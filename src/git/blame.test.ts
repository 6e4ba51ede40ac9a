import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/time/clock.js';
import type { BlameLine } from './blame-parser.js';
import { blameFile, blameTree, type BlameTreeResult } from './blame.js';
import type { Progress } from './progress.js';
import { ADA, BOB, CY, createTempRepo, lines, type TempRepo } from './testing.js';

const OLD_CY = { name: 'cy (laptop)', email: 'cy@laptop.local' };
let repo: TempRepo;
let result: BlameTreeResult;
let resolution: string;
let readded: string;

/**
 * A history with what makes blame hard: a merge with a conflict resolved by hand, a rename followed by
 * an edit, a file deleted and added again, commits rebased onto main, three authors (one of them
 * under an old e-mail that .mailmap maps), and a binary file.
 */
async function buildHistory(): Promise<void> {
  await repo.commit('start', {
    as: ADA,
    files: { 'story.txt': lines('story', 10), 'notes.md': lines('note', 6), 'gone.txt': lines('gone', 4) },
  });
  await repo.git(['switch', '-q', '-c', 'feature']);
  await repo.commit('feature edits the story', {
    as: BOB,
    files: {
      'story.txt': lines('story', 10).replace('story 3\n', 'bob 3\n').replace('story 9\n', 'bob 9\n'),
    },
  });
  await repo.git(['switch', '-q', 'main']);
  await repo.commit('main edits the story', {
    as: OLD_CY,
    files: { 'story.txt': lines('story', 10).replace('story 3\n', 'cy 3\n').replace('story 5\n', 'cy 5\n') },
  });
  await repo.git(['merge', '-q', 'feature'], { as: ADA }).catch(() => 'a conflict, checked below');
  const unmerged = await repo.git(['ls-files', '--unmerged']);
  if (!unmerged.includes('story.txt')) throw new Error('the merge should leave story.txt in conflict');
  const resolved = lines('story', 10).replace('story 3\n', 'cy and bob 3\n').replace('story 5\n', 'cy 5\n');
  resolution = await repo.commit('merge feature, by hand', {
    as: ADA,
    files: { 'story.txt': resolved.replace('story 9\n', 'bob 9\n') },
  });
  await mkdir(join(repo.dir, 'docs'));
  await repo.git(['mv', 'notes.md', 'docs/notes.md']);
  await repo.commit('move notes', { as: BOB });
  await repo.commit('edit moved notes', {
    as: CY,
    files: { 'docs/notes.md': `${lines('note', 6)}cy note\n` },
  });
  await repo.git(['rm', '-q', 'gone.txt']);
  await repo.commit('delete gone', { as: BOB });
  await repo.git(['switch', '-q', '-c', 'topic']);
  await repo.commit('topic one', { as: CY, files: { 'topic.txt': lines('topic', 3) } });
  await repo.commit('topic two', { as: BOB, files: { 'topic.txt': `${lines('topic', 3)}more\n` } });
  await repo.git(['switch', '-q', 'main']);
  readded = await repo.commit('bring gone back', {
    as: CY,
    files: { 'gone.txt': lines('gone', 2), 'logo.png': Buffer.from([0x89, 0x50, 0, 0, 1]) },
  });
  await repo.git(['switch', '-q', 'topic']);
  await repo.git(['rebase', '-q', 'main'], { as: ADA });
  await repo.git(['switch', '-q', 'main']);
  await repo.git(['merge', '-q', '--ff-only', 'topic']);
  await repo.commit('mailmap', {
    as: ADA,
    files: { '.mailmap': `${CY.name} <${CY.email}> <${OLD_CY.email}>\n` },
  });
}

/** Lines per author e-mail from plain `git blame -e` (not porcelain): an independent reading. */
async function plainBlameCounts(path: string): Promise<Record<string, number>> {
  const output = await repo.git(['blame', '-e', '--', path]);
  const counts: Record<string, number> = {};
  for (const line of output.split('\n').filter(Boolean)) {
    const email = /^\^?[0-9a-f]+ (?:.+? )?\(<([^>]*)>\s+\d{4}-\d\d-\d\d /.exec(line)?.[1];
    if (email === undefined) throw new Error(`cannot read ${line}`);
    counts[email] = (counts[email] ?? 0) + 1;
  }
  return counts;
}

beforeAll(async () => {
  repo = await createTempRepo();
  await buildHistory();
  result = await blameTree({ repo: repo.dir, concurrency: 3 });
});

afterAll(() => repo.remove());

describe('blameTree', () => {
  it('runs on the history it claims: a two-parent resolution and topic commits rebased past the re-add', async () => {
    expect((await repo.git(['rev-list', '--parents', '-1', resolution])).trim().split(' ')).toHaveLength(3);
    const topic = await repo.git(['log', '--format=%s', `${readded}..main`]);
    expect(topic.split('\n').filter(Boolean)).toEqual(['mailmap', 'topic two', 'topic one']);
  });

  it('blames every text file and sets binary files aside', () => {
    expect(result.files.map((file) => file.path).sort()).toEqual(
      ['.mailmap', 'docs/notes.md', 'gone.txt', 'story.txt', 'topic.txt'].sort(),
    );
    expect(result.binary).toEqual(['logo.png']);
  });

  it('counts the same lines per author as plain git blame, file by file', async () => {
    for (const file of result.files) {
      expect({ path: file.path, authors: file.authorsByEmail }).toEqual({
        path: file.path,
        authors: await plainBlameCounts(file.path),
      });
    }
  });

  it('applies .mailmap to blamed authors', () => {
    // Line 5 was written under Cy's old e-mail; line 3 is the merge's own resolution.
    const story = result.files.find((file) => file.path === 'story.txt');
    expect(story?.authorsByEmail).toEqual({ [ADA.email]: 8, [BOB.email]: 1, [CY.email]: 1 });
    expect(JSON.stringify([...result.commits.values()])).not.toContain(OLD_CY.email);
  });

  it('gives the hand-resolved line to the merge and a re-added file to the commit that brought it back', () => {
    const story = result.files.find((file) => file.path === 'story.txt');
    expect(story?.bySha.get(resolution)).toEqual([3]);
    const gone = result.files.find((file) => file.path === 'gone.txt');
    expect(gone?.bySha).toEqual(new Map([[readded, [1, 2]]]));
  });

  it('follows a rename to the lines’ original path', async () => {
    const seen: BlameLine[] = [];
    await blameFile({
      repo: repo.dir,
      commit: 'HEAD',
      path: 'docs/notes.md',
      onLine: (line) => seen.push(line),
    });
    expect(seen.map((line) => line.originalPath)).toEqual([
      ...Array<string>(6).fill('notes.md'),
      'docs/notes.md',
    ]);
    expect(seen.at(-1)?.authorEmail).toBe(CY.email);
  });

  it('reports progress per file and accepts any ref', async () => {
    const clock = fixedClock(new Date('2024-01-01T00:00:00Z'));
    const seen: Progress[] = [];
    const older = await blameTree({
      repo: repo.dir,
      ref: 'HEAD~1',
      progress: { onProgress: (p) => seen.push(p), clock },
    });
    expect(older.files.map((file) => file.path).sort()).toEqual([
      'docs/notes.md',
      'gone.txt',
      'story.txt',
      'topic.txt',
    ]);
    expect(seen.map((progress) => progress.done)).toEqual([1, 2, 3, 4, 4]);
  });

  it('refuses a ref that names no commit', async () => {
    await expect(blameTree({ repo: repo.dir, ref: 'no-such-ref' })).rejects.toMatchObject({
      code: 'git.unknown_revision',
    });
  });
});
