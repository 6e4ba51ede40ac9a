import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runGit } from './run-git.js';

export interface Person {
  name: string;
  email: string;
}

/** A real repository in a temp folder, with commits whose authors and dates the test chooses. */
export interface TempRepo {
  dir: string;
  /** Runs git in the repository; `as` sets the author and committer, dates advance a minute per call. */
  git(args: readonly string[], options?: { as?: Person; input?: string }): Promise<string>;
  write(files: Readonly<Record<string, string | Buffer>>): Promise<void>;
  /** Writes the files, stages everything and commits; returns the new commit's SHA. */
  commit(
    message: string,
    options: { as: Person; files?: Readonly<Record<string, string | Buffer>> },
  ): Promise<string>;
  remove(): Promise<void>;
}

const START = Date.parse('2024-03-01T09:00:00Z');
export const ADA: Person = { name: 'Ada Lovelace', email: 'ada@example.com' };
export const BOB: Person = { name: 'Bob Builder', email: 'bob@example.com' };
export const CY: Person = { name: 'Cy Twombly', email: 'cy@example.com' };

/**
 * Creates an empty repository on `main` with a local identity, so tests never depend on the global
 * git configuration of the machine they run on. Remove it in `afterAll`/`afterEach`.
 */
export async function createTempRepo(): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'recital-git-'));
  let minutes = 0;
  const git: TempRepo['git'] = (args, options = {}) => {
    const person = options.as ?? ADA;
    const date = new Date(START + minutes++ * 60_000).toISOString().replace('.000Z', '+02:00');
    const env = {
      GIT_AUTHOR_NAME: person.name,
      GIT_AUTHOR_EMAIL: person.email,
      GIT_COMMITTER_NAME: person.name,
      GIT_COMMITTER_EMAIL: person.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    };
    return runGit(args, { cwd: dir, env, ...(options.input === undefined ? {} : { input: options.input }) });
  };
  const write: TempRepo['write'] = async (files) => {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
  };
  await git(['init', '-q', '-b', 'main']);
  for (const [key, value] of [
    ['user.name', 'Test Runner'],
    ['user.email', 'runner@example.com'],
    ['commit.gpgsign', 'false'],
  ] as const) {
    await git(['config', key, value]);
  }
  return {
    dir,
    git,
    write,
    async commit(message, { as, files = {} }) {
      await write(files);
      await git(['add', '-A']);
      await git(['commit', '-q', '--allow-empty', '-m', message], { as });
      return (await git(['rev-parse', 'HEAD'])).trim();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Numbered lines, so edits to a few of them are easy to write and to check. */
export function lines(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}
