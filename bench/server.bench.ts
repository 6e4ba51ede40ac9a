/**
 * `npm run bench:server`: Recital on SQLite with thousands of users and workspaces seeded,
 * against a bare Fastify hello-world measured in the same run. Ratios are what count.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { seed } from './seed.js';

const USERS = 3000;
const WORKSPACES = 3000;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 32;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Start a server process and wait until it answers. */
async function startChild(
  command: string[],
  env: Record<string, string>,
  probe: string,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, command, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}${probe}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, port };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${command.join(' ')} did not answer on port ${port}`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function load(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'recital-bench-'));
const children: ChildProcess[] = [];
try {
  process.stdout.write(`seeding ${USERS} users and ${WORKSPACES} workspaces… `);
  const { token } = await seed(dataDir, { users: USERS, workspaces: WORKSPACES });
  process.stdout.write('done\n');

  const bare = await startChild(['--import', 'tsx', 'bench/bare-fastify.ts'], {}, '/');
  children.push(bare.child);
  const recital = await startChild(
    ['dist/server/main.js'],
    { RECITAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    '/readyz',
  );
  children.push(recital.child);
  const recitalUrl = `http://127.0.0.1:${recital.port}`;

  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idleRss = rssMb(recital.child.pid!);
  const bareRss = rssMb(bare.child.pid!);

  const baseline = await load(`http://127.0.0.1:${bare.port}/`);
  const health = await load(`${recitalUrl}/healthz`);
  const authed = await load(`${recitalUrl}/api/v1/workspaces`, { authorization: `Bearer ${token}` });

  const rows = [
    ['bare fastify hello-world', baseline, 1],
    ['recital /healthz', health, health.rps / baseline.rps],
    ['recital GET /api/v1/workspaces (token)', authed, authed.rps / baseline.rps],
  ] as const;
  console.log(
    `\n${'case'.padEnd(42)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)} ${'× bare'.padStart(7)}`,
  );
  for (const [name, r, ratio] of rows) {
    console.log(
      `${name.padEnd(42)} ${r.rps.toFixed(0).padStart(9)} ${String(r.p99).padStart(7)} ${ratio.toFixed(2).padStart(7)}`,
    );
  }
  console.log(
    `\nidle RSS: recital ${idleRss.toFixed(1)} MB (goal < 150 MB), bare fastify ${bareRss.toFixed(1)} MB`,
  );
  console.log(
    `authenticated read throughput: ${(authed.rps / baseline.rps).toFixed(2)} × bare (goal ≥ 0.50)`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
