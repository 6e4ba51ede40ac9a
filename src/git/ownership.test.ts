import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blameTree } from './blame.js';
import { buildOwnership, ownershipSummaries, type OwnershipBuild } from './ownership.js';
import { OLD_CY, buildHardHistory } from './ownership-scenarios.js';
import { compareWithBlame } from './ownership-testing.js';
import { ADA, BOB, CY, createTempRepo, type TempRepo } from './testing.js';

let repo: TempRepo;
let ownership: OwnershipBuild;

async function shaOf(subject: string): Promise<string> {
  const sha = (await repo.git(['log', '--format=%H', '--fixed-strings', `--grep=${subject}`, 'main'])).trim();
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`no single commit "${subject}": ${sha}`);
  return sha;
}

function ownersOf(path: string): string[] {
  const file = ownership.files.get(path);
  if (!file) throw new Error(`${path} not reported`);
  return [...file.owners].map((owner) => ownership.commits[owner]?.sha ?? '?');
}

beforeAll(async () => {
  repo = await createTempRepo();
  await buildHardHistory(repo);
  ownership = await buildOwnership({ repo: repo.dir });
});

afterAll(() => repo.remove());

describe('buildOwnership on a hard history', () => {
  it('runs on the history it claims: hand-resolved, both-sides, rename, evil and octopus merges', async () => {
    const parents = async (subject: string): Promise<number> =>
      (await repo.git(['rev-list', '--parents', '-1', await shaOf(subject)])).trim().split(' ').length - 1;
    expect(await parents('merge feature, by hand')).toBe(2);
    expect(await parents("Merge branch 'both'")).toBe(2);
    expect(await parents("Merge branch 'mover'")).toBe(2);
    expect(await parents("Merge branch 'evil'")).toBe(2);
    expect(await parents("Merge branches 'oct-a' and 'oct-b'")).toBe(3);
    const split = await repo.git(['show', '-M', '--raw', '--format=', await shaOf('split big')]);
    expect(split).toMatch(/R100\tbig\.txt\tbig-a\.txt/);
    expect(split).toMatch(/A\tbig-b\.txt/);
  });

  it('agrees with git blame --porcelain on the owner and original line of every line of every file', async () => {
    expect(await compareWithBlame({ repo: repo.dir, ownership })).toEqual([]);
    expect(ownership.files.size).toBeGreaterThanOrEqual(19);
  });

  it('gives a hand-resolved line to the merge and keeps each side’s lines of a both-sides merge', async () => {
    const story = ownersOf('story.txt');
    expect(story[2]).toBe(await shaOf('merge feature, by hand'));
    expect(story[4]).toBe(await shaOf('main edits'));
    expect(story[8]).toBe(await shaOf('feature edits'));
    expect(story[10]).toBe(await shaOf("Merge branch 'evil'"));
    const notes = ownersOf('docs/notes.md');
    expect(notes[0]).toBe(await shaOf('both: top'));
    expect(notes[3]).toBe(await shaOf('edit moved notes'));
    expect(notes.at(-1)).toBe(await shaOf('main: bottom'));
  });

  it('follows renames as blame does, inside a merge and when one file is split in two', async () => {
    const helpers = ownersOf('lib/helpers.txt');
    expect(helpers[1]).toBe(await shaOf('edit util'));
    expect(helpers[10]).toBe(await shaOf('rename util'));
    const root = await shaOf('start');
    // git log -M gives big.txt to big-a.txt only; blame follows it for big-b.txt as well.
    expect(ownersOf('big-b.txt').slice(0, 30)).toEqual(Array<string>(30).fill(root));
    expect(ownersOf('big-b.txt')[30]).toBe(await shaOf('split big'));
    const quoted = ownersOf('moved\\odd\tname "q".txt');
    expect(quoted).toEqual([root, await shaOf('odd files'), await shaOf('gitlink and quoted rename')]);
    const splitMerge = await shaOf("Merge branch 'splitter'");
    expect(ownersOf('split-b.txt')).toEqual([...Array<string>(20).fill(root), splitMerge]);
  });

  it('takes a file whole from the side a merge kept (-X theirs), and sets binary files aside', async () => {
    expect(ownersOf('gone.txt')).toEqual([await shaOf('theirs side')]);
    expect(ownership.binary).toEqual(['logo.png']);
    expect([...ownership.other.keys()].sort()).toEqual(['link.txt', 'vendor/sub']);
    expect(ownersOf('empty.txt')).toEqual([]);
  });

  it('blames a text file that was binary before, since its diffs said nothing about lines', () => {
    expect(ownership.blamed).toEqual([{ path: 'data.bin', reason: 'binary history' }]);
  });

  it('applies .mailmap, and summarizes exactly as blameTree does', async () => {
    const emails = new Set(ownership.commits.map((commit) => commit.authorEmail));
    expect(emails).toEqual(new Set([ADA.email, BOB.email, CY.email]));
    expect(emails.has(OLD_CY.email)).toBe(false);
    const blamed = await blameTree({ repo: repo.dir });
    const byPath = new Map(blamed.files.map((file) => [file.path, file]));
    for (const summary of ownershipSummaries(ownership)) expect(summary).toEqual(byPath.get(summary.path));
  });

  it('reports progress per commit and refuses a ref that names no commit', async () => {
    const seen: number[] = [];
    const clock = { now: () => new Date('2024-01-01T00:00:00Z') };
    const again = await buildOwnership({
      repo: repo.dir,
      ref: 'HEAD~1',
      progress: { onProgress: (p) => seen.push(p.done), clock, every: 10 },
    });
    expect(seen.at(-1)).toBe(again.walked);
    expect(again.files.has('.mailmap')).toBe(false);
    await expect(buildOwnership({ repo: repo.dir, ref: 'no-such-ref' })).rejects.toMatchObject({
      code: 'git.unknown_revision',
    });
  });
});
