import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADA, BOB, createTempRepo, lines, type TempRepo } from '../git/testing.js';
import { runInProcess } from './testing.js';

describe('recital comprehension on any clone, with no server', () => {
  let repo: TempRepo;

  beforeAll(async () => {
    repo = await createTempRepo();
    await repo.commit('Set up', { as: ADA, files: { 'src/app.ts': lines('app', 4) } });
    await repo.commit('Retry webhooks\n\nCo-Authored-By: Claude <noreply@anthropic.com>', {
      as: BOB,
      files: { 'src/retry.ts': lines('retry', 6), 'docs/notes.md': lines('note', 2) },
    });
  });
  afterAll(() => repo?.remove());

  it('prints one JSON object in the documented shape', async () => {
    const result = await runInProcess(['comprehension', '--repo', repo.dir, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['commit', 'files', 'totals']);
    expect(report.commit).toBe((await repo.git(['rev-parse', 'HEAD'])).trim());
    expect(report.files).toEqual([
      {
        path: 'docs/notes.md',
        lines: 2,
        authors: { 'bob@example.com': 2 },
        aiLines: 2,
        unexplainedAiLines: 2,
        understoodBy: [],
      },
      {
        path: 'src/app.ts',
        lines: 4,
        authors: { 'ada@example.com': 4 },
        aiLines: 0,
        unexplainedAiLines: 0,
        understoodBy: ['ada@example.com'],
      },
      {
        path: 'src/retry.ts',
        lines: 6,
        authors: { 'bob@example.com': 6 },
        aiLines: 6,
        unexplainedAiLines: 6,
        understoodBy: [],
      },
    ]);
    expect(report.totals).toEqual({
      lines: 12,
      aiLines: 8,
      unexplainedAiLines: 8,
      coverage: 4 / 12,
      busFactor: 0,
    });
  });

  it('narrows to a folder and explains itself to people', async () => {
    const result = await runInProcess(['comprehension', 'src', '--repo', repo.dir]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('40% of 10 lines understood by someone');
    expect(result.stdout).toContain('6 AI lines, 6 of them never explained or reviewed');
    expect(result.stdout).toMatch(/src\/retry\.ts\s+6\s+6\s+6\s+nobody/);
    expect(result.stdout).not.toContain('docs/notes.md');
  });

  it('says what is wrong outside a repository', async () => {
    const result = await runInProcess(['comprehension', '--repo', '/']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not a git repository');
  });
});
