/**
 * Generates a repository for the git benchmarks, the same bytes for the same (commits, seed): a main
 * line with feature branches merged back by real merge commits, a few unmerged branches and tags,
 * ~300 files across directories, commits touching 1–5 files with small line edits, a dozen authors
 * in several time zones, and `Co-Authored-By` trailers on about 30% of commits.
 *
 * Everything goes through ONE `git fast-import` process (one pack, no index, no working tree), so
 * 20,000 commits take seconds. The result is cached under the temp folder by size and seed.
 *
 * Run alone with `npx tsx bench/git-repo-generator.ts --commits 2000`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { runGit } from '../src/git/run-git.js';

export interface GeneratedRepo {
  dir: string;
  commits: number;
  seed: number;
  /** True when the cache answered and nothing was generated. */
  cached: boolean;
}

const FORMAT_VERSION = 1;
const START_EPOCH_S = Date.parse('2021-01-04T09:00:00Z') / 1000;
const AREAS = ['api', 'core', 'web', 'cli', 'jobs', 'db'];
const MODULES = ['auth', 'billing', 'search', 'files', 'reports'];
const FILES_PER_MODULE = 10;
const TIME_ZONES = ['+0000', '+0100', '+0200', '-0500', '-0800', '+0530', '+0900'];
const AUTHORS = (
  'Ada Lovelace,Grace Hopper,Alan Turing,Edsger Dijkstra,Barbara Liskov,Donald Knuth,' +
  'Margaret Hamilton,Ken Thompson,Frances Allen,John Backus,Radia Perlman,Leslie Lamport'
)
  .split(',')
  .map((name, index) => ({
    name,
    email: `${name.split(' ')[0]?.toLowerCase() ?? 'dev'}@example.com`,
    tz: TIME_ZONES[index % TIME_ZONES.length] ?? '+0000',
  }));
const TRAILER = 'Co-Authored-By: Claude <noreply@anthropic.com>';

/** mulberry32: a small seeded PRNG, so every run benches the same history. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Files = Map<string, string[]>;

interface Branch {
  ref: string;
  tip: number | null;
  files: Files;
}

interface Feature extends Branch {
  area: string;
  remaining: number;
  touched: Set<string>;
}

/**
 * Writes commits as fast-import commands. Files are line arrays shared between branches until one
 * edits them (copy on write), so a branch costs a Map copy, not a copy of every file.
 */
class HistoryWriter {
  written = 0;
  private mark = 0;
  private clock = START_EPOCH_S;
  readonly paths: string[];

  constructor(readonly random: () => number) {
    this.paths = AREAS.flatMap((area) =>
      MODULES.flatMap((module) =>
        Array.from({ length: FILES_PER_MODULE }, (_, k) => `src/${area}/${module}/file-${k}.ts`),
      ),
    );
  }

  between(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  initialFiles(): Files {
    const files: Files = new Map(
      this.paths.map((path) => [
        path,
        Array.from({ length: this.between(12, 40) }, () => codeLine(this.random)),
      ]),
    );
    return files;
  }

  /** Edits 1–5 files among `candidates` in place (copy on write); returns the paths touched. */
  edit(files: Files, candidates: readonly string[]): string[] {
    const touched = new Set<string>();
    for (let n = this.between(1, 5); n > 0; n--) {
      const path = this.pick(candidates);
      const lines = [...(files.get(path) ?? [])];
      const at = this.between(0, Math.max(0, lines.length - 1));
      const roll = this.random();
      if (roll < 0.6 && lines.length > 0) lines[at] = codeLine(this.random);
      else if (roll < 0.85 || lines.length <= 5) lines.splice(at, 0, codeLine(this.random));
      else lines.splice(at, 1);
      files.set(path, lines);
      touched.add(path);
    }
    return [...touched];
  }

  /** One commit on `branch` with the given paths' current contents; moves the branch. */
  commit(
    branch: Branch,
    touched: Iterable<string>,
    subject: string,
    merge?: number,
    extra: string[] = [],
  ): string {
    const author = this.pick(AUTHORS);
    this.clock += this.between(5, 300) * 60;
    this.mark += 1;
    this.written += 1;
    const why = this.random() < 0.3 ? `\n\nWhy: ${codeLine(this.random)}` : '';
    const trailer = this.random() < 0.3 ? `\n\n${TRAILER}` : '';
    const person = `${author.name} <${author.email}> ${this.clock} ${author.tz}`;
    const lines = [
      `commit ${branch.ref}`,
      `mark :${this.mark}`,
      `author ${person}`,
      `committer ${person}`,
      data(`${subject}${why}${trailer}\n`),
      ...(branch.tip === null ? [] : [`from :${branch.tip}`]),
      ...(merge === undefined ? [] : [`merge :${merge}`]),
      ...extra,
      ...[...touched].map(
        (path) => `M 100644 inline ${path}\n${data(`${(branch.files.get(path) ?? []).join('\n')}\n`)}`,
      ),
    ];
    branch.tip = this.mark;
    return `${lines.join('\n')}\n\n`;
  }

  tag(name: string, target: number): string {
    const person = `Release Bot <release@example.com> ${this.clock} +0000`;
    return `tag ${name}\nfrom :${target}\ntagger ${person}\n${data(`Release ${name}\n`)}\n`;
  }
}

function binaryFiles(random: () => number): string[] {
  return [1, 2, 3].map((n) => {
    // Below 128 so the bytes are the same in the UTF-8 stream; the NULs make git call them binary.
    const bytes = Array.from({ length: 64 }, (_, i) => (i % 7 === 0 ? 0 : Math.floor(random() * 128)));
    return `M 100644 inline assets/image-${n}.png\n${data(String.fromCharCode(...bytes))}`;
  });
}

/**
 * The fast-import stream, yielded commit by commit so it never sits whole in memory. Exactly
 * `commits` commits: a root, then main-line work, feature branches (each in one area, while main
 * works elsewhere) merged back with merge commits, tags, and at the end two unmerged branches.
 */
export function* fastImportStream(commits: number, seed: number): Generator<string> {
  const history = new HistoryWriter(seededRandom(seed));
  const main: Branch = { ref: 'refs/heads/main', tip: null, files: history.initialFiles() };
  yield history.commit(main, history.paths, 'Initial import', undefined, binaryFiles(history.random));
  const reserve = commits >= 40 ? 6 : 0;
  const budget = commits - reserve;
  let feature: Feature | null = null;
  let opened = 0;
  while (history.written < budget) {
    if (!feature && history.random() < 0.08 && budget - history.written > 3) {
      feature = openFeature(history, main, opened++);
    }
    if (feature && (feature.remaining === 0 || history.written >= budget - 1)) {
      yield* mergeFeature(history, main, feature);
      feature = null;
    } else if (feature && history.random() < 0.6) {
      yield featureCommit(history, feature);
    } else {
      yield* mainCommit(history, main, feature?.area);
    }
  }
  yield `reset refs/heads/release\nfrom :${Math.max(1, Math.floor(history.written / 2))}\n\n`;
  for (const name of ['wip/search', 'wip/reports'].slice(0, reserve / 3)) {
    const wip: Branch = { ref: `refs/heads/${name}`, tip: main.tip, files: new Map(main.files) };
    for (let n = 0; n < 3; n++) {
      yield history.commit(wip, history.edit(wip.files, history.paths), `WIP ${name}`);
    }
  }
}

/** Feature refs are reused (eight names), as teams reuse branch names, so refs stay few. */
function openFeature(history: HistoryWriter, main: Branch, index: number): Feature {
  return {
    ref: `refs/heads/feature/${index % 8}`,
    tip: main.tip,
    files: new Map(main.files),
    area: history.pick(AREAS),
    remaining: history.between(2, 12),
    touched: new Set(),
  };
}

function featureCommit(history: HistoryWriter, feature: Feature): string {
  const inArea = history.paths.filter((path) => path.startsWith(`src/${feature.area}/`));
  const touched = history.edit(feature.files, inArea);
  touched.forEach((path) => feature.touched.add(path));
  feature.remaining -= 1;
  return history.commit(feature, touched, `${feature.area}: ${history.pick(VERBS)} ${touched[0] ?? ''}`);
}

/** A real two-parent merge whose tree is main's plus the feature's files (main never touched them). */
function* mergeFeature(history: HistoryWriter, main: Branch, feature: Feature): Generator<string> {
  if (feature.touched.size === 0 || feature.tip === null) return;
  for (const path of feature.touched) main.files.set(path, feature.files.get(path) ?? []);
  yield history.commit(main, feature.touched, `Merge branch '${feature.ref.slice(11)}'`, feature.tip);
}

function* mainCommit(history: HistoryWriter, main: Branch, busyArea: string | undefined): Generator<string> {
  const elsewhere = busyArea
    ? history.paths.filter((path) => !path.startsWith(`src/${busyArea}/`))
    : history.paths;
  const touched = history.edit(main.files, elsewhere);
  yield history.commit(main, touched, `${history.pick(VERBS)} ${touched[0] ?? ''}`);
  if (history.written % 2000 === 0) yield history.tag(`v1.${history.written / 2000}`, main.tip ?? 1);
}

const VERBS = ['Fix', 'Refactor', 'Tune', 'Document', 'Simplify', 'Handle edge case in'];

function data(content: string): string {
  return `data ${Buffer.byteLength(content)}\n${content}`;
}

const WORDS = ['total', 'items', 'user', 'cache', 'limit', 'offset', 'query', 'result', 'token', 'page'];

function codeLine(random: () => number): string {
  const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'value';
  return `export const ${word}${Math.floor(random() * 10000)} = ${Math.floor(random() * 1000)};`;
}

export async function generateRepo(
  options: { commits?: number; seed?: number } = {},
): Promise<GeneratedRepo> {
  const { commits = 20_000, seed = 1 } = options;
  const dir = join(tmpdir(), `recital-bench-git-v${FORMAT_VERSION}-${commits}-${seed}`);
  const marker = join(dir, '.git', 'recital-complete');
  if (
    await access(marker).then(
      () => true,
      () => false,
    )
  )
    return { dir, commits, seed, cached: true };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await runGit(['init', '-q', '-b', 'main'], { cwd: dir });
  const child = spawn('git', ['fast-import', '--quiet', '--done'], {
    cwd: dir,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  for (const chunk of fastImportStream(commits, seed)) {
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  }
  child.stdin.end('done\n');
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`git fast-import failed with exit code ${String(code)}`);
  await writeFile(marker, `${commits} ${seed}\n`);
  return { dir, commits, seed, cached: false };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--commits');
  const commits = at === -1 ? 20_000 : Number(process.argv[at + 1]);
  const started = performance.now();
  const repo = await generateRepo({ commits });
  const took = Math.round(performance.now() - started);
  console.log(`${repo.dir}: ${repo.commits} commits, ${repo.cached ? 'cached' : `generated in ${took} ms`}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
