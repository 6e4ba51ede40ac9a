/**
 * Full ingest benchmark: `recital sync` of a generated 20,000-commit repository (bench/git-repo-generator.ts)
 * into Recital on SQLite running as its own process, as in real use — git log streamed by the CLI,
 * commits attributed, linked and stored by the server, evidence recorded — against the floor measured
 * in the same run: `git log --all -p -U0 > /dev/null`, git alone producing every diff. Then an
 * incremental sync after one new commit, which must stay under a second.
 *
 * Run with `npm run bench:sync` (20,000 commits) or `npx tsx bench/git-sync.bench.ts --commits 2000`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { syncRepository } from '../src/cli/git-sync.js';
import {
  addRepository,
  createApiClient,
  createProject,
  exchangeCredentials,
  createWorkspace,
  signUp,
} from '../src/contracts/index.js';
import { runGit } from '../src/git/run-git.js';
import { systemClock } from '../src/server/shared/system-clock.js';
import { generateRepo } from './git-repo-generator.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} expects a positive whole number`);
  return value;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function gitLogFloor(repo: string): Promise<number> {
  const started = performance.now();
  const child = spawn('git', ['log', '--all', '-p', '-U0'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await once(child, 'exit');
  return performance.now() - started;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Recital from its sources in a process of its own; resolves once it answers. */
async function startRecital(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const root = fileURLToPath(new URL('../', import.meta.url));
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      RECITAL_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      PORT: String(port),
      RECITAL_SIGNUP: 'open',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`recital exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('recital did not become ready');
}

async function main(): Promise<void> {
  const commits = option('--commits', 20_000);
  const generated = await generateRepo({ commits });
  // A clone to add commits to, so the cached repository stays as generated.
  const work = await mkdtemp(join(tmpdir(), 'recital-bench-sync-'));
  const clone = join(work, 'clone');
  await runGit(['clone', '-q', '--no-local', generated.dir, clone], { cwd: work });
  const dataDir = join(work, 'data');
  const server = await startRecital(dataDir);
  try {
    const anonymous = createApiClient({ baseUrl: server.url });
    // The generator's first author, so the builder's commits are evidence as in real use.
    const credentials = { email: 'ada@example.com', password: 'benchmark password 1' };
    await anonymous.call(signUp, { body: { ...credentials, displayName: 'Ada', timeZone: 'Europe/Berlin' } });
    const { secret } = await anonymous.call(exchangeCredentials, { body: { ...credentials, name: 'bench' } });
    const api = createApiClient({ baseUrl: server.url, token: secret });
    const workspace = await api.call(createWorkspace, { body: { name: 'Bench' } });
    const project = await api.call(createProject, {
      params: { workspaceId: workspace.id },
      body: { name: 'Bench' },
    });

    const floors: number[] = [];
    for (let run = 0; run < 3; run++) floors.push(await gitLogFloor(clone));
    const floor = median(floors);

    // A full ingest into a fresh repository row each time, so every run stores every commit.
    const fulls: number[] = [];
    let repositoryId = '';
    let inserted = 0;
    for (let run = 0; run < 3; run++) {
      repositoryId = (
        await api.call(addRepository, { params: { projectId: project.id }, body: { name: `bench-${run}` } })
      ).id;
      const started = performance.now();
      const result = await syncRepository({ api, repositoryId, repo: clone, clock: systemClock });
      fulls.push(performance.now() - started);
      inserted = result.inserted;
    }
    if (inserted !== commits) throw new Error(`full sync stored ${inserted} commits, expected ${commits}`);

    const increments: number[] = [];
    for (let run = 0; run < 3; run++) {
      await writeFile(join(clone, `bench-${run}.txt`), `one more line ${run}\n`);
      await runGit(['add', '-A'], { cwd: clone });
      await runGit(
        [
          '-c',
          'user.name=Ada Lovelace',
          '-c',
          'user.email=ada@example.com',
          'commit',
          '-q',
          '-m',
          `One more ${run}`,
        ],
        {
          cwd: clone,
        },
      );
      const started = performance.now();
      const result = await syncRepository({ api, repositoryId, repo: clone, clock: systemClock });
      increments.push(performance.now() - started);
      if (result.inserted !== 1)
        throw new Error(`incremental sync stored ${result.inserted} commits, expected 1`);
    }
    const full = median(fulls);
    const increment = median(increments);
    const row = (name: string, ms: number, ratio: string) =>
      `${name.padEnd(44)}${Math.round(ms).toString().padStart(8)}  ${ratio.padStart(8)}`;
    console.log(`${'case'.padEnd(44)}${'ms'.padStart(8)}  ${'× floor'.padStart(8)}`);
    console.log(row('git log --all -p -U0 (floor)', floor, '1.00'));
    console.log(row(`recital sync, full (${commits} commits, SQLite)`, full, (full / floor).toFixed(2)));
    console.log(row('recital sync, incremental (1 new commit)', increment, (increment / floor).toFixed(2)));
    console.log(
      `\nfull ingest ${(full / floor).toFixed(2)}× the git log -p floor (target ≤ 1.5×); ` +
        `incremental sync of one commit ${Math.round(increment)} ms (target < 1000 ms)`,
    );
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    await rm(work, { recursive: true, force: true });
  }
}

await main();
