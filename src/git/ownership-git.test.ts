import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAncestor, readWalkOrder, startGit, startGitSession } from './ownership-git.js';
import { readAhead } from './read-ahead.js';
import { ADA, BOB, createTempRepo, type TempRepo } from './testing.js';

let repo: TempRepo;
const sha: Record<string, string> = {};

async function text(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

beforeAll(async () => {
  repo = await createTempRepo();
  sha.root = await repo.commit('root', { as: ADA, files: { 'a.txt': 'a\n' } });
  await repo.git(['switch', '-q', '-c', 'side']);
  sha.side = await repo.commit('side', { as: BOB, files: { 'b.txt': 'b\n' } });
  await repo.git(['switch', '-q', 'main']);
  sha.main = await repo.commit('main', { as: ADA, files: { 'a.txt': 'a\nmore\n' } });
  await repo.git(['merge', '-q', '--no-edit', 'side'], { as: ADA });
  sha.merge = (await repo.git(['rev-parse', 'HEAD'])).trim();
});

afterAll(() => repo.remove());

describe('startGit', () => {
  it('keeps the output of a git that exits before anyone reads it', async () => {
    const git = startGit(['rev-parse', 'HEAD'], { cwd: repo.dir });
    await sleep(300);
    expect((await text(git.chunks)).trim()).toBe(sha.merge);
  });

  it('throws git’s failure after its output', async () => {
    await expect(
      text(startGit(['rev-parse', '--verify', 'nope'], { cwd: repo.dir }).chunks),
    ).rejects.toThrow();
  });
});

describe('startGitSession', () => {
  it('answers each line as it is written, while stdin stays open', async () => {
    const session = startGitSession(['diff-tree', '--stdin', '--always', '--format=%H %s'], {
      cwd: repo.dir,
    });
    session.write(`${sha.merge} ${sha.main}\n`);
    const first = await session.chunks.next();
    expect(first.done ? '' : first.value.toString('utf8')).toContain(`${sha.merge} Merge branch 'side'`);
    session.stop();
  });
});

describe('readWalkOrder and isAncestor', () => {
  it('lists parents before children and indexes commits outside the walk after it', async () => {
    const order = await readWalkOrder(repo.dir, [sha.merge ?? '', `^${sha.root}`]);
    expect(order.walked).toBe(3);
    expect(order.shas.slice(3)).toEqual([sha.root]);
    const at = (key: string): number => order.index.get(sha[key] ?? '') ?? -1;
    expect(order.parents[at('merge')]).toEqual([at('main'), at('side')]);
    expect(order.parents[at('side')]).toEqual([3]);
    expect(at('main') < at('merge') && at('side') < at('merge')).toBe(true);
  });

  it('tells ancestors, and answers no for a commit the repository does not have', async () => {
    expect(await isAncestor(repo.dir, sha.root ?? '', sha.merge ?? '')).toBe(true);
    expect(await isAncestor(repo.dir, sha.side ?? '', sha.main ?? '')).toBe(false);
    expect(await isAncestor(repo.dir, 'f'.repeat(40), sha.main ?? '')).toBe(false);
  });
});

describe('readAhead', () => {
  it('hands over every chunk in order, reading before it is asked, and rethrows a failure at the end', async () => {
    let produced = 0;
    async function* source(fail: boolean): AsyncGenerator<Buffer> {
      for (let i = 0; i < 5; i++) {
        produced += 1;
        yield Buffer.from(String(i));
      }
      if (fail) throw new Error('broken pipe');
    }
    const ahead = readAhead(source(false), 2);
    await sleep(10);
    expect(produced).toBeGreaterThan(0);
    expect(await text(ahead)).toBe('01234');
    await expect(text(readAhead(source(true)))).rejects.toThrow('broken pipe');
  });
});
