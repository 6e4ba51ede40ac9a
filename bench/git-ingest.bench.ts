/**
 * Git ingestion benchmark. On a generated repository (bench/git-repo-generator.ts, cached), measures
 * in the same run the floor — `git log --all -p -U0 > /dev/null`, git alone producing every diff — then
 * Recital's streamed log read (every commit with numstat, parsed), an incremental read after one new
 * commit, line ownership of main's tree (a full build from one patch pass; updates after one new
 * commit and after a pull-request merge whose branch forked 40 commits back), and a blame of HEAD's
 * whole tree, each as a ratio of the floor. Ownership must equal blame: per-line owners of every file
 * (from the blame row), original lines of 20 sampled files, and the files the merge touched are
 * checked, and the run fails loudly on any difference.
 *
 * Run with `npm run bench:git` (20,000 commits) or `npx tsx bench/git-ingest.bench.ts --commits 2000`;
 * add `--blame-floor` to also time git blame alone on the same files.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { blameTree, type BlameTreeResult } from '../src/git/blame.js';
import { openLog } from '../src/git/log.js';
import {
  buildOwnership,
  ownershipSummaries,
  updateOwnership,
  type OwnershipBuild,
} from '../src/git/ownership.js';
import { compareWithBlame } from '../src/git/ownership-testing.js';
import { mapWithConcurrency } from '../src/git/pool.js';
import { runGit } from '../src/git/run-git.js';
import { generateRepo } from './git-repo-generator.js';

const RUNS = 3;
/** Commits the generator puts on unmerged branches (its last six): not in main's history. */
function wipCommits(commits: number): number {
  return commits >= 40 ? 6 : 0;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} expects a positive whole number`);
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Times `fn` RUNS times (after `before`, which is not timed) and keeps the median. */
async function measure<T>(
  fn: () => Promise<T>,
  before?: () => Promise<void>,
): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let run = 0; run < RUNS; run++) {
    await before?.();
    const started = performance.now();
    last = await fn();
    times.push(performance.now() - started);
  }
  return { ms: median(times), last: last as T };
}

/** The floor: git writing every commit's zero-context patch to /dev/null, nothing parsed. */
async function gitLogPatchToDevNull(repo: string): Promise<void> {
  const child = spawn('git', ['log', '--all', '-p', '-U0'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`git log failed with exit code ${String(code)}`);
}

async function readEverything(
  repo: string,
  exclude: string[] = [],
): Promise<{ commits: number; files: number; tips: string[] }> {
  const read = await openLog({ repo, exclude });
  let commits = 0;
  let files = 0;
  for await (const commit of read.commits) {
    commits += 1;
    files += commit.files.length;
  }
  return { commits, files, tips: read.tips.map((tip) => tip.sha) };
}

/** Adds one commit on a throwaway branch with plumbing (the generated repository has no working tree). */
const BENCH_IDENTITY = {
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_AUTHOR_DATE: '2030-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2030-01-01T00:00:00Z',
};

async function addOneCommit(repo: string, run: number): Promise<void> {
  const tree = (await runGit(['rev-parse', 'main^{tree}'], { cwd: repo })).trim();
  const env = BENCH_IDENTITY;
  const message = `Incremental ${run}\n`;
  const sha = (await runGit(['commit-tree', tree, '-p', 'main'], { cwd: repo, env, input: message })).trim();
  await runGit(['update-ref', 'refs/heads/bench/incremental', sha], { cwd: repo });
}

/**
 * A commit on `parent` that appends a line to `path`, with plumbing and a throwaway index (the
 * generated repository has no working tree). Returns its SHA.
 */
async function commitEdit(repo: string, parent: string, path: string, line: string): Promise<string> {
  const content = `${await runGit(['cat-file', 'blob', `${parent}:${path}`], { cwd: repo })}${line}\n`;
  const blob = (await runGit(['hash-object', '-w', '--stdin'], { cwd: repo, input: content })).trim();
  const env = { GIT_INDEX_FILE: join(repo, '.git', 'bench-index'), ...BENCH_IDENTITY };
  await runGit(['read-tree', parent], { cwd: repo, env });
  await runGit(['update-index', '--cacheinfo', `100644,${blob},${path}`], { cwd: repo, env });
  const tree = (await runGit(['write-tree'], { cwd: repo, env })).trim();
  return (await runGit(['commit-tree', tree, '-p', parent], { cwd: repo, env, input: `${line}\n` })).trim();
}

/** Points `ref` at one new commit on main that appends a line to one file. */
async function addOneEdit(repo: string, run: number, ref: string): Promise<void> {
  const sha = await commitEdit(repo, 'main', 'src/api/auth/file-0.ts', `export const run${run} = ${run};`);
  await runGit(['update-ref', ref, sha], { cwd: repo });
}

/**
 * Points `ref` at a pull-request merge: a two-commit branch forked 40 first-parent commits back,
 * editing two files, merged into main (`merge-tree --write-tree`, so no working tree is needed).
 */
async function addPullRequestMerge(repo: string, run: number, ref: string): Promise<void> {
  const first = await commitEdit(repo, 'main~40', 'src/db/files/file-3.ts', `export const pr${run} = 1;`);
  const second = await commitEdit(repo, first, 'src/db/files/file-4.ts', `export const pr${run} = 2;`);
  const merged = await runGit(['merge-tree', '--write-tree', 'main', second], {
    cwd: repo,
    okExitCodes: [1],
  });
  const tree = merged.split('\n')[0] ?? '';
  const env = BENCH_IDENTITY;
  const input = `Merge pull request ${run}\n`;
  const sha = (
    await runGit(['commit-tree', tree, '-p', 'main', '-p', second], { cwd: repo, env, input })
  ).trim();
  await runGit(['update-ref', ref, sha], { cwd: repo });
}

/**
 * Fails the run unless ownership equals blame: per-line owners and per-author counts of every file
 * blamed by the blame row, and owner and original line of every line of 20 sampled files.
 */
async function checkOwnership(
  repo: string,
  ownership: OwnershipBuild,
  blame: BlameTreeResult,
): Promise<void> {
  if (ownership.commit !== blame.commit) throw new Error('ownership and blame are not of the same commit');
  const expected = new Map(blame.files.map((file) => [file.path, file]));
  const summaries = ownershipSummaries(ownership);
  if (summaries.length !== expected.size)
    throw new Error(`ownership has ${summaries.length} files, blame ${expected.size}`);
  for (const summary of summaries) {
    const want = expected.get(summary.path);
    const same =
      want && JSON.stringify(sorted(want.authorsByEmail)) === JSON.stringify(sorted(summary.authorsByEmail));
    if (!same || JSON.stringify([...want.bySha].sort()) !== JSON.stringify([...summary.bySha].sort())) {
      throw new Error(`OWNERSHIP DIFFERS FROM BLAME in ${summary.path}`);
    }
  }
  const paths = [...ownership.files.keys()];
  const sample = Array.from({ length: 20 }, (_, i) => paths[Math.floor((i * paths.length) / 20)] ?? '');
  const problems = (
    await mapWithConcurrency(sample, 6, (path) => compareWithBlame({ repo, ownership, paths: [path] }))
  ).flat();
  if (problems.length > 0) throw new Error(`OWNERSHIP DIFFERS FROM BLAME: ${JSON.stringify(problems[0])}`);
}

function sorted(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * With --blame-floor: git blame alone on the same files through the same pool, output discarded, to
 * show how much of the blame row is git's own work (off by default: it doubles the run).
 */
async function blameFloor(repo: string, paths: string[]): Promise<number> {
  const started = performance.now();
  await mapWithConcurrency(paths, 6, async (path) => {
    const child = spawn('git', ['blame', '--porcelain', 'HEAD', '--', path], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await once(child, 'close');
  });
  return performance.now() - started;
}

function row(label: string, ms: number, floorMs: number): string {
  return `${label.padEnd(40)}${ms.toFixed(0).padStart(8)}${(ms / floorMs).toFixed(2).padStart(10)}`;
}

async function main(): Promise<void> {
  const commits = option('--commits', 20_000);
  const seed = option('--seed', 1);
  const generatedAt = performance.now();
  const generated = await generateRepo({ commits, seed });
  const setup = generated.cached
    ? 'cached'
    : `generated in ${(performance.now() - generatedAt).toFixed(0)} ms`;
  console.log(`repository: ${generated.dir} (${commits} commits, ${setup})`);
  const repo = generated.dir;
  await runGit(['update-ref', '-d', 'refs/heads/bench/incremental'], { cwd: repo, okExitCodes: [1] });

  const floor = await measure(() => gitLogPatchToDevNull(repo));
  const full = await measure(() => readEverything(repo));
  if (full.last.commits !== commits)
    throw new Error(`read ${full.last.commits} commits, expected ${commits}`);
  let run = 0;
  const incremental = await measure(
    () => readEverything(repo, full.last.tips),
    () => addOneCommit(repo, run++),
  );
  if (incremental.last.commits !== 1) throw new Error(`incremental read listed ${incremental.last.commits}`);
  await runGit(['update-ref', '-d', 'refs/heads/bench/incremental'], { cwd: repo });
  const ownership = await measure(() => buildOwnership({ repo, ref: 'main' }));
  if (ownership.last.walked !== commits - wipCommits(commits))
    throw new Error(`ownership walked ${ownership.last.walked}`);
  const updateRef = 'refs/heads/bench/ownership';
  let edits = 0;
  const update = await measure(
    () => updateOwnership({ repo, to: updateRef, from: ownership.last }),
    () => addOneEdit(repo, edits++, updateRef),
  );
  if (update.last.walked !== 1 || update.last.fullRebuild)
    throw new Error(`update walked ${update.last.walked}`);
  const merge = await measure(
    () => updateOwnership({ repo, to: updateRef, from: ownership.last }),
    () => addPullRequestMerge(repo, edits++, updateRef),
  );
  if (merge.last.walked !== 3 || merge.last.fullRebuild)
    throw new Error(`merge update walked ${merge.last.walked}`);
  const prFiles = ['src/db/files/file-3.ts', 'src/db/files/file-4.ts', 'src/api/auth/file-0.ts'];
  const prProblems = await compareWithBlame({ repo, ownership: merge.last, paths: prFiles });
  if (prProblems.length > 0) throw new Error(`UPDATE DIFFERS FROM BLAME: ${JSON.stringify(prProblems[0])}`);
  await runGit(['update-ref', '-d', updateRef], { cwd: repo });
  const blameStarted = performance.now();
  const blame = await blameTree({ repo, ref: 'HEAD' });
  const blameMs = performance.now() - blameStarted;

  console.log(`\n${'case'.padEnd(40)}${'ms'.padStart(8)}${'× floor'.padStart(10)}`);
  console.log(row('git log --all -p -U0 (floor)', floor.ms, floor.ms));
  console.log(row(`recital log read (${commits} commits)`, full.ms, floor.ms));
  console.log(row('incremental read (1 new commit)', incremental.ms, floor.ms));
  console.log(row(`ownership full build (${ownership.last.walked} commits)`, ownership.ms, floor.ms));
  console.log(row('ownership update (1 new commit)', update.ms, floor.ms));
  console.log(row('ownership update (PR merge, fork 40 back)', merge.ms, floor.ms));
  console.log(row(`blame HEAD tree (${blame.files.length} files)`, blameMs, floor.ms));
  if (process.argv.includes('--blame-floor')) {
    const paths = blame.files.map((file) => file.path);
    console.log(row(`git blame alone (${paths.length} files)`, await blameFloor(repo, paths), floor.ms));
  }
  await checkOwnership(repo, ownership.last, blame);
  console.log(
    `\nownership equals blame on every file's owners and on 20 files' original lines; ` +
      `${ownership.last.commits.length} commits own main's lines; the PR merge update blamed ` +
      `${merge.last.blamed.length} files`,
  );
  console.log(
    `median of ${RUNS} runs, blame once; ${full.last.files} file changes parsed; ` +
      `${blame.binary.length} binary files skipped; ${blame.commits.size} commits own HEAD's lines`,
  );
}

await main();
