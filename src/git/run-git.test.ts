import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitError } from './git-errors.js';
import { runGit, runGitWithExitCode, streamGit } from './run-git.js';
import { ADA, createTempRepo, type TempRepo } from './testing.js';

let repo: TempRepo;
let outside: string;

beforeAll(async () => {
  repo = await createTempRepo();
  for (let i = 1; i <= 30; i++) await repo.commit(`commit ${i}`, { as: ADA, files: { 'f.txt': `${i}\n` } });
  outside = await mkdtemp(join(tmpdir(), 'recital-not-git-'));
});

afterAll(async () => {
  await repo.remove();
  await rm(outside, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<GitError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

describe('runGit', () => {
  it('returns stdout and pins the options every run needs', async () => {
    expect((await runGit(['config', 'core.quotepath'], { cwd: repo.dir })).trim()).toBe('off');
    expect((await runGit(['rev-list', '--count', 'HEAD'], { cwd: repo.dir })).trim()).toBe('30');
  });

  it('feeds stdin', async () => {
    const head = (await runGit(['rev-parse', 'HEAD'], { cwd: repo.dir })).trim();
    const output = await runGit(['rev-list', '--count', '--stdin'], { cwd: repo.dir, input: `${head}\n` });
    expect(output.trim()).toBe('30');
  });

  it('accepts exit codes that are answers', async () => {
    const result = await runGitWithExitCode(['rev-parse', '-q', '--verify', 'nope'], {
      cwd: repo.dir,
      okExitCodes: [1],
    });
    expect(result).toEqual({ stdout: '', exitCode: 1 });
  });

  it('says when the folder is not a repository', async () => {
    const error = await failure(runGit(['log'], { cwd: outside }));
    expect(error.code).toBe('git.not_a_repository');
    expect(error.message).toContain(`${outside} is not a git repository (or any parent)`);
  });

  it('says when the folder does not exist', async () => {
    const error = await failure(runGit(['log'], { cwd: join(outside, 'gone') }));
    expect(error.code).toBe('git.not_a_repository');
    expect(error.message).toContain('does not exist');
  });

  it('names an unknown revision with git’s first stderr line', async () => {
    const error = await failure(runGit(['log', 'no-such-branch'], { cwd: repo.dir }));
    expect(error.code).toBe('git.unknown_revision');
    expect(error.message).toContain("ambiguous argument 'no-such-branch'");
  });

  it('says when git cannot be found', async () => {
    const error = await failure(
      runGit(['--version'], { cwd: repo.dir, env: { PATH: join(outside, 'bin') } }),
    );
    expect(error.code).toBe('git.missing');
  });
});

describe('streamGit', () => {
  it('yields records as they come', async () => {
    const records: string[] = [];
    for await (const record of streamGit(['log', '-z', '--format=%s'], { cwd: repo.dir, delimiter: 'nul' })) {
      records.push(record);
    }
    expect(records).toHaveLength(30);
    expect(records[0]).toBe('commit 30');
  });

  it('stops git when the consumer leaves early', async () => {
    const records: string[] = [];
    for await (const record of streamGit(['log', '--format=%s'], { cwd: repo.dir, delimiter: 'newline' })) {
      records.push(record);
      if (records.length === 2) break;
    }
    expect(records).toEqual(['commit 30', 'commit 29']);
  });

  it('throws git’s failure after the loop', async () => {
    const consume = async (): Promise<void> => {
      for await (const _ of streamGit(['log', 'nope'], { cwd: repo.dir, delimiter: 'nul' })) void _;
    };
    expect((await failure(consume())).code).toBe('git.unknown_revision');
  });
});
