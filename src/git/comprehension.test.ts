import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComprehensionReport } from '../contracts/comprehension.contract.js';
import { inFocus, measureComprehension } from './comprehension.js';
import { ADA, BOB, CY, createTempRepo, lines, type TempRepo } from './testing.js';

const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';

/** Per-author line counts of a file, from plain `git blame -e`, to compare with. */
async function blameCounts(repo: TempRepo, path: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const line of (await repo.git(['blame', '-e', 'HEAD', '--', path])).split('\n').filter(Boolean)) {
    const email = /<([^>]+)>/.exec(line)?.[1] ?? '?';
    counts[email] = (counts[email] ?? 0) + 1;
  }
  return counts;
}

describe('inFocus', () => {
  it('matches the folder or file named and what is inside a folder', () => {
    expect(inFocus('src/a.ts', 'src')).toBe(true);
    expect(inFocus('src/a.ts', './src/')).toBe(true);
    expect(inFocus('src/a.ts', 'src/a.ts')).toBe(true);
    expect(inFocus('srcs/a.ts', 'src')).toBe(false);
    expect(inFocus('lib/a.ts', undefined)).toBe(true);
  });
});

describe('measureComprehension on a real repository, from git alone', () => {
  let repo: TempRepo;
  let aiUnexplained: string;

  beforeAll(async () => {
    repo = await createTempRepo();
    // Ada writes the app by hand.
    await repo.commit('Set up the app', { as: ADA, files: { 'src/app.ts': lines('app', 10) } });
    // Bob lands an AI-assisted change with no why: un-understood.
    aiUnexplained = await repo.commit(`Retry webhooks\n\n${CLAUDE}`, {
      as: BOB,
      files: { 'src/retry.ts': lines('retry', 6) },
    });
    // Cy explains hers in the message; Ada reviews a third one.
    await repo.commit(`Add the queue\n\nWhy: deliveries must survive a restart.\n${CLAUDE}`, {
      as: CY,
      files: { 'src/queue.ts': lines('queue', 4) },
    });
    await repo.commit(`Add metrics\n\nReviewed-by: Ada Lovelace <ada@example.com>\n${CLAUDE}`, {
      as: BOB,
      files: { 'lib/metrics.ts': lines('metrics', 5) },
    });
    // A lockfile and a file changed recently by hand.
    await repo.commit('Lock dependencies', {
      as: ADA,
      files: {
        'package-lock.json': '{}\n'.repeat(50),
        'src/app.ts': `${lines('app', 8)}changed 9\nchanged 10\n`,
      },
    });
  });
  afterAll(() => repo?.remove());

  it('counts AI and un-understood lines, coverage and bus factor, like blame says', async () => {
    const { full } = await measureComprehension({ repo: repo.dir });
    expect(ComprehensionReport.parse(full)).toBeTruthy();
    const byPath = Object.fromEntries(full.files.map((file) => [file.path, file]));
    expect(Object.keys(byPath).sort()).toEqual([
      'lib/metrics.ts',
      'src/app.ts',
      'src/queue.ts',
      'src/retry.ts',
    ]);
    for (const path of Object.keys(byPath))
      expect(byPath[path]!.authors, path).toEqual(await blameCounts(repo, path));
    expect(byPath['src/retry.ts']).toMatchObject({
      lines: 6,
      aiLines: 6,
      unexplainedAiLines: 6,
      understoodBy: [],
      unexplainedShas: [aiUnexplained],
    });
    expect(byPath['src/queue.ts']).toMatchObject({
      aiLines: 4,
      unexplainedAiLines: 0,
      understoodBy: ['cy@example.com'],
    });
    expect(byPath['lib/metrics.ts']).toMatchObject({
      aiLines: 5,
      unexplainedAiLines: 0,
      understoodBy: ['ada@example.com'],
    });
    expect(byPath['src/app.ts']).toMatchObject({ aiLines: 0, understoodBy: ['ada@example.com'] });
    expect(full.totals).toEqual({
      lines: 25,
      aiLines: 15,
      unexplainedAiLines: 6,
      coverage: 19 / 25,
      busFactor: 1,
    });
  });

  it('adds Recital’s facts, and narrows to a folder with its own totals', async () => {
    const { full, focused } = await measureComprehension({
      repo: repo.dir,
      facts: [{ sha: aiUnexplained, person: 'grace@example.com', kind: 'reviewed' }],
      focus: 'src',
    });
    expect(full.totals.unexplainedAiLines).toBe(0);
    expect(focused.files.map((file) => file.path)).toEqual(['src/app.ts', 'src/queue.ts', 'src/retry.ts']);
    expect(focused.totals).toMatchObject({ lines: 20, aiLines: 10, unexplainedAiLines: 0, coverage: 1 });
    expect(full.files.find((file) => file.path === 'src/retry.ts')?.understoodBy).toEqual([
      'grace@example.com',
    ]);
  });

  it('ranks hotspots by recent churn × un-understood lines', async () => {
    await repo.commit(`Tune retries\n\n${CLAUDE}`, {
      as: BOB,
      files: { 'src/retry.ts': `${lines('retry', 5)}tuned 6\n` },
    });
    const { full } = await measureComprehension({ repo: repo.dir });
    expect(full.hotspots?.[0]).toMatchObject({ path: 'src/retry.ts', unexplainedAiLines: 6 });
    expect(full.hotspots?.[0]?.churn).toBeGreaterThanOrEqual(8);
  });

  it('continues from a saved ownership snapshot and agrees with a fresh measurement', async () => {
    const snapshot = join(repo.dir, '.git', 'recital', 'ownership.bin');
    const first = await measureComprehension({ repo: repo.dir, snapshot });
    expect(existsSync(snapshot)).toBe(true);
    await repo.commit(`Queue metrics\n\n${CLAUDE}`, { as: CY, files: { 'src/queue.ts': lines('queue', 6) } });
    const continued = await measureComprehension({ repo: repo.dir, snapshot });
    const fresh = await measureComprehension({ repo: repo.dir });
    expect(continued.full).toEqual(fresh.full);
    expect(continued.full.commit).not.toBe(first.full.commit);
    // A damaged snapshot is rebuilt, not trusted.
    writeFileSync(snapshot, 'not a snapshot');
    expect((await measureComprehension({ repo: repo.dir, snapshot })).full).toEqual(fresh.full);
  });
});
