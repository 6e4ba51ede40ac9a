/**
 * Git ingestion benchmark. On a generated repository (bench/git-repo-generator.ts, cached), measures
 * in the same run the floor — `git log --all -p -U0 > /dev/null`, git alone producing every diff — then
 * Recital's streamed log read (every commit with numstat, parsed), an incremental read after one new
 * commit, and a blame of HEAD's whole tree, each as a ratio of the floor.
 *
 * Run with `npm run bench:git` (20,000 commits) or `npx tsx bench/git-ingest.bench.ts --commits 2000`;
 * add `--blame-floor` to also time git blame alone on the same files.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { blameTree } from '../src/git/blame.js';
import { openLog } from '../src/git/log.js';
import { mapWithConcurrency } from '../src/git/pool.js';
import { runGit } from '../src/git/run-git.js';
import { generateRepo } from './git-repo-generator.js';

const RUNS = 3;

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
async function addOneCommit(repo: string, run: number): Promise<void> {
  const tree = (await runGit(['rev-parse', 'main^{tree}'], { cwd: repo })).trim();
  const env = {
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    GIT_AUTHOR_DATE: '2030-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2030-01-01T00:00:00Z',
  };
  const message = `Incremental ${run}\n`;
  const sha = (await runGit(['commit-tree', tree, '-p', 'main'], { cwd: repo, env, input: message })).trim();
  await runGit(['update-ref', 'refs/heads/bench/incremental', sha], { cwd: repo });
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
  const blameStarted = performance.now();
  const blame = await blameTree({ repo, ref: 'HEAD' });
  const blameMs = performance.now() - blameStarted;

  console.log(`\n${'case'.padEnd(40)}${'ms'.padStart(8)}${'× floor'.padStart(10)}`);
  console.log(row('git log --all -p -U0 (floor)', floor.ms, floor.ms));
  console.log(row(`recital log read (${commits} commits)`, full.ms, floor.ms));
  console.log(row('incremental read (1 new commit)', incremental.ms, floor.ms));
  console.log(row(`blame HEAD tree (${blame.files.length} files)`, blameMs, floor.ms));
  if (process.argv.includes('--blame-floor')) {
    const paths = blame.files.map((file) => file.path);
    console.log(row(`git blame alone (${paths.length} files)`, await blameFloor(repo, paths), floor.ms));
  }
  console.log(
    `\nmedian of ${RUNS} runs, blame once; ${full.last.files} file changes parsed; ` +
      `${blame.binary.length} binary files skipped; ${blame.commits.size} commits own HEAD's lines`,
  );
}

await main();
