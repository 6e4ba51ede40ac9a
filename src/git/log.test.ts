import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/time/clock.js';
import type { LogCommit } from './log-parser.js';
import { countCommits, openLog, type OpenLogOptions } from './log.js';
import type { Progress } from './progress.js';
import { defaultBranch } from './refs.js';
import { ADA, BOB, CY, createTempRepo, lines, type TempRepo } from './testing.js';

const OLD_BOB = { name: 'bobby', email: 'bob@old.example' };
let repo: TempRepo;
const sha: Record<string, string> = {};

async function readAll(options: OpenLogOptions): Promise<{ commits: LogCommit[]; tips: string[] }> {
  const read = await openLog(options);
  const commits: LogCommit[] = [];
  for await (const commit of read.commits) commits.push(commit);
  return { commits, tips: read.tips.map((tip) => tip.sha) };
}

function find(commits: LogCommit[], key: string): LogCommit {
  const commit = commits.find((candidate) => candidate.sha === sha[key]);
  if (!commit) throw new Error(`${key} not listed`);
  return commit;
}

beforeAll(async () => {
  repo = await createTempRepo();
  sha.root = await repo.commit('root', {
    as: OLD_BOB,
    files: { 'src/app.ts': lines('app', 20), 'logo.png': Buffer.from([0, 1, 2, 0]) },
  });
  await repo.git(['mv', 'src/app.ts', 'src/main.ts']);
  sha.rename = await repo.commit('rename\n\nCo-Authored-By: Claude <noreply@anthropic.com>', {
    as: ADA,
    files: { 'src/main.ts': `${lines('app', 20)}one more\n`, 'logo.png': Buffer.from([9, 0, 9]) },
  });
  await repo.git(['switch', '-q', '-c', 'feature']);
  sha.feature = await repo.commit('feature work', { as: BOB, files: { 'feature.ts': 'x\n' } });
  await repo.git(['switch', '-q', 'main']);
  sha.main = await repo.commit('main work', { as: CY, files: { 'main.ts': 'y\n' } });
  await repo.git(['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], { as: CY });
  sha.merge = (await repo.git(['rev-parse', 'HEAD'])).trim();
  await repo.git(['switch', '-q', '-c', 'unmerged']);
  sha.unmerged = await repo.commit('only on a branch', { as: ADA, files: { 'wip.ts': 'w\n' } });
  await repo.git(['tag', '-a', '-m', 'release', 'v1']);
  await repo.git(['switch', '-q', 'main']);
  await repo.git(['branch', '-q', '-D', 'unmerged']);
  sha.mailmap = await repo.commit('mailmap', {
    as: ADA,
    files: { '.mailmap': `${BOB.name} <${BOB.email}> <${OLD_BOB.email}>\n` },
  });
  await repo.git(['notes', '--ref=ai', 'add', '-m', 'model: x', sha.mailmap]);
});

afterAll(() => repo.remove());

describe('openLog', () => {
  it('lists every branch, tag and HEAD once, newest first, without notes commits', async () => {
    const { commits } = await readAll({ repo: repo.dir });
    expect(commits.map((commit) => commit.message)).toEqual([
      'mailmap',
      'only on a branch',
      'merge feature',
      'main work',
      'feature work',
      'rename\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
      'root',
    ]);
  });

  it('applies .mailmap to names and e-mails', async () => {
    const root = find((await readAll({ repo: repo.dir })).commits, 'root');
    expect(root).toMatchObject({ authorName: BOB.name, authorEmail: BOB.email, committerEmail: BOB.email });
  });

  it('keeps dates with their offset and as epoch milliseconds', async () => {
    const root = find((await readAll({ repo: repo.dir })).commits, 'root');
    expect(root.authoredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+02:00$/);
    expect(root.authoredAtMs).toBe(Date.parse(root.authoredAt));
  });

  it('reports renames, binary files and no files for a merge', async () => {
    const { commits } = await readAll({ repo: repo.dir });
    expect(find(commits, 'rename').files).toEqual([
      { path: 'logo.png', added: null, deleted: null },
      { path: 'src/main.ts', oldPath: 'src/app.ts', added: 1, deleted: 0 },
    ]);
    expect(find(commits, 'merge')).toMatchObject({ parents: [sha.main, sha.feature], files: [] });
  });

  it('lists only unseen commits when given the tips of the last read', async () => {
    const first = await readAll({ repo: repo.dir });
    expect((await readAll({ repo: repo.dir, exclude: first.tips })).commits).toEqual([]);
    const added = await repo.commit('new work', { as: CY, files: { 'new.ts': 'n\n' } });
    const missing = Array.from({ length: 3000 }, (_, i) => i.toString(16).padStart(40, '0'));
    const second = await readAll({ repo: repo.dir, exclude: [...missing, ...first.tips] });
    expect(second.commits.map((commit) => commit.sha)).toEqual([added]);
    expect(await countCommits({ repo: repo.dir, exclude: first.tips })).toBe(1);
    await repo.git(['reset', '-q', '--hard', 'HEAD~1']);
  });

  it('reports progress with the injected clock', async () => {
    const clock = fixedClock(new Date('2024-01-01T00:00:00Z'));
    const seen: Progress[] = [];
    const onProgress = (progress: Progress): void => {
      seen.push(progress);
      clock.advance(1000);
    };
    await readAll({ repo: repo.dir, progress: { onProgress, clock, every: 3 } });
    expect(seen).toEqual([
      { done: 3, total: 7, etaMs: 0 },
      { done: 6, total: 7, etaMs: 167 },
      { done: 7, total: 7, etaMs: 0 },
    ]);
  });

  it('reads an empty repository as no commits', async () => {
    const empty = await createTempRepo();
    try {
      expect(await readAll({ repo: empty.dir })).toEqual({ commits: [], tips: [] });
      expect(await countCommits({ repo: empty.dir })).toBe(0);
    } finally {
      await empty.remove();
    }
  });
});

describe('defaultBranch', () => {
  it('prefers origin/HEAD, then the current branch, then main or master', async () => {
    expect(await defaultBranch(repo.dir)).toEqual({ name: 'main', ref: 'refs/heads/main' });
    await repo.git(['update-ref', 'refs/remotes/origin/trunk', 'HEAD']);
    await repo.git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk']);
    expect(await defaultBranch(repo.dir)).toEqual({ name: 'trunk', ref: 'refs/remotes/origin/trunk' });
    await repo.git(['symbolic-ref', '--delete', 'refs/remotes/origin/HEAD']);
    await repo.git(['update-ref', '-d', 'refs/remotes/origin/trunk']);
    await repo.git(['switch', '-q', '--detach', 'HEAD']);
    expect(await defaultBranch(repo.dir)).toEqual({ name: 'main', ref: 'refs/heads/main' });
    await repo.git(['branch', '-q', '-m', 'main', 'trunk']);
    expect(await defaultBranch(repo.dir)).toBeNull();
    await repo.git(['switch', '-q', 'trunk']);
    await repo.git(['branch', '-q', '-m', 'trunk', 'main']);
  });
});
