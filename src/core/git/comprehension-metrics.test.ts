import { describe, expect, it } from 'vitest';
import {
  comprehensionReport,
  comprehensionTotals,
  directoryComprehension,
  hotspots,
} from './comprehension-metrics.js';
import type { BlamedLine, FileComprehension } from './understanding.js';

const entry = (path: string, fields: Partial<FileComprehension> = {}): FileComprehension => ({
  path,
  lines: 10,
  authors: {},
  aiLines: 0,
  unexplainedAiLines: 0,
  understoodLines: 10,
  understanding: {},
  understoodBy: [],
  ...fields,
});

const ledger = [
  entry('README.md', { understoodBy: ['ada@x.org'] }),
  entry('src/core/git/trailers.ts', {
    aiLines: 6,
    unexplainedAiLines: 4,
    understoodLines: 6,
    understoodBy: ['ada@x.org'],
  }),
  entry('src/core/git/glob.ts', { lines: 30, aiLines: 30, unexplainedAiLines: 30, understoodLines: 0 }),
  entry('src/server/app.ts', { understoodBy: ['bob@x.org'] }),
];

describe('directoryComprehension', () => {
  it('aggregates every directory at every depth, sorted', () => {
    const directories = directoryComprehension(ledger);
    expect(directories.map((directory) => directory.path)).toEqual([
      'src',
      'src/core',
      'src/core/git',
      'src/server',
    ]);
    expect(directories[2]).toEqual({
      path: 'src/core/git',
      files: 2,
      lines: 40,
      aiLines: 36,
      unexplainedAiLines: 34,
      understoodLines: 6,
      coverage: 6 / 40,
      understoodBy: ['ada@x.org'],
    });
    expect(directories[0]).toMatchObject({
      files: 3,
      lines: 50,
      coverage: 16 / 50,
      understoodBy: ['ada@x.org', 'bob@x.org'],
    });
  });
});

describe('comprehensionTotals', () => {
  it('sums the tree and computes the bus factor on understanding', () => {
    expect(comprehensionTotals(ledger)).toEqual({
      files: 4,
      lines: 60,
      aiLines: 36,
      unexplainedAiLines: 34,
      understoodLines: 26,
      coverage: 26 / 60,
      // ada covers 2 of 4 files; removing her orphans 3 of 4.
      busFactor: 1,
      keyPeople: ['ada@x.org'],
    });
  });

  it('has full coverage and no bus factor when there is nothing', () => {
    expect(comprehensionTotals([])).toMatchObject({ lines: 0, coverage: 1, busFactor: 0 });
  });
});

describe('hotspots', () => {
  it('ranks churn × unexplained AI lines, ties by path, zero scores left out', () => {
    const ranked = hotspots(
      [...ledger, entry('src/b.ts', { unexplainedAiLines: 4 }), entry('src/a.ts', { unexplainedAiLines: 2 })],
      {
        'src/core/git/glob.ts': 2,
        'src/core/git/trailers.ts': 15,
        'src/b.ts': 15,
        'src/a.ts': 30,
        'README.md': 500,
      },
    );
    expect(ranked).toEqual([
      { path: 'src/a.ts', churn: 30, unexplainedAiLines: 2, score: 60 },
      { path: 'src/b.ts', churn: 15, unexplainedAiLines: 4, score: 60 },
      { path: 'src/core/git/glob.ts', churn: 2, unexplainedAiLines: 30, score: 60 },
      { path: 'src/core/git/trailers.ts', churn: 15, unexplainedAiLines: 4, score: 60 },
    ]);
    expect(hotspots(ledger, { 'src/core/git/glob.ts': 1 }, { limit: 0 })).toEqual([]);
    expect(hotspots(ledger, { 'src/core/git/glob.ts': -5 })).toEqual([]);
  });
});

describe('comprehensionReport', () => {
  it('builds the ledger and every metric from blame, attributions and facts', () => {
    const lines = (sha: string, email: string, n: number): BlamedLine[] =>
      Array.from({ length: n }, () => ({ sha, authorEmail: email }));
    const report = comprehensionReport({
      files: [
        { path: 'src/auth.ts', lines: [...lines('h1', 'ada@x.org', 3), ...lines('a1', 'ada@x.org', 8)] },
        { path: 'src/ui/form.tsx', lines: lines('a2', 'bob@x.org', 5) },
        { path: 'src/ui/list.tsx', lines: lines('h2', 'bob@x.org', 5) },
      ],
      commits: [
        { sha: 'h1', kind: 'human' },
        { sha: 'a1', kind: 'ai_authored' },
        { sha: 'a2', kind: 'ai_assisted' },
        { sha: 'h2', kind: 'human' },
      ],
      facts: [{ sha: 'a2', person: 'ada@x.org', kind: 'reviewed' }],
      churn: { 'src/auth.ts': 40, 'src/ui/form.tsx': 100 },
      options: { hotspotLimit: 5 },
    });
    // Ada understands only her 3 human lines of src/auth.ts's 11: under a third, so nobody understands it.
    expect(report.files.map((file) => [file.path, file.unexplainedAiLines, file.understoodBy])).toEqual([
      ['src/auth.ts', 8, []],
      ['src/ui/form.tsx', 0, ['ada@x.org']],
      ['src/ui/list.tsx', 0, ['bob@x.org']],
    ]);
    expect(report.totals).toMatchObject({ lines: 21, aiLines: 13, unexplainedAiLines: 8, busFactor: 1 });
    expect(report.directories.map((directory) => directory.path)).toEqual(['src', 'src/ui']);
    expect(report.hotspots).toEqual([{ path: 'src/auth.ts', churn: 40, unexplainedAiLines: 8, score: 320 }]);
  });
});
