import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTreeSha } from './tree-files.js';
import { resolveRepo } from './repo-info.js';
import { ADA, createTempRepo, type TempRepo } from './testing.js';

let repo: TempRepo;
let outside: string;

beforeAll(async () => {
  repo = await createTempRepo();
  outside = await mkdtemp(join(tmpdir(), 'recital-not-git-'));
});

afterAll(async () => {
  await repo.remove();
  await rm(outside, { recursive: true, force: true });
});

describe('resolveRepo', () => {
  it('finds the root from a folder inside, with no HEAD before the first commit', async () => {
    await mkdir(join(repo.dir, 'deep/inside'), { recursive: true });
    const root = await realpath(repo.dir);
    expect(await resolveRepo(join(repo.dir, 'deep/inside'))).toEqual({
      root,
      gitDir: join(root, '.git'),
      bare: false,
      head: null,
      objectFormat: 'sha1',
    });
  });

  it('gives HEAD once there is a commit', async () => {
    const head = await repo.commit('first', { as: ADA, files: { 'a.txt': 'a\n' } });
    expect((await resolveRepo(repo.dir)).head).toBe(head);
  });

  it('reads a bare repository', async () => {
    const bare = join(outside, 'bare.git');
    await repo.git(['clone', '-q', '--bare', repo.dir, bare]);
    expect(await resolveRepo(bare)).toMatchObject({ bare: true, root: await realpath(bare) });
  });

  it('computes the empty tree rather than assuming SHA-1', async () => {
    expect(await emptyTreeSha(repo.dir)).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });

  it('says what to do when the path is not a repository', async () => {
    await expect(resolveRepo(outside)).rejects.toMatchObject({
      code: 'git.not_a_repository',
      message: `${outside} is not a git repository (or any parent): run git init or pass the repository's folder`,
    });
  });
});
