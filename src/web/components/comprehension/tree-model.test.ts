import { describe, expect, it } from 'vitest';
import type { FileComprehension } from '../../../contracts/comprehension.contract.js';
import { coverageColor, inkOn } from './coverage-scale.js';
import { reviewedSince } from './reviewed-since.js';
import {
  buildTree,
  busFactorSentence,
  coverageOf,
  coverageSentence,
  formatPercent,
  pathTo,
  peopleText,
} from './tree-model.js';

function file(path: string, lines: number, unexplained = 0, understoodBy: string[] = []): FileComprehension {
  return {
    path,
    lines,
    authors: {},
    aiLines: unexplained * 2,
    unexplainedAiLines: unexplained,
    understoodBy,
  };
}

describe('buildTree', () => {
  const files = [
    file('src/web/a.ts', 100, 50, ['ada@example.com']),
    file('src/web/b.ts', 300, 0, ['bob@example.com']),
    file('src/server/c.ts', 200, 0, ['ada@example.com']),
    file('README.md', 20),
  ];

  it('nests files in directories, sums them, and puts the biggest first', () => {
    const root = buildTree(files);
    expect(root.value).toBe(620);
    expect(root.files).toBe(4);
    expect(root.unexplainedAiLines).toBe(50);
    expect(root.children.map((node) => node.name)).toEqual(['src', 'README.md']);
    const src = root.children[0]!;
    expect(src.children.map((node) => `${node.kind}:${node.path}`)).toEqual([
      'directory:src/web',
      'directory:src/server',
    ]);
    const web = src.children[0]!;
    expect(web.value).toBe(400);
    expect(web.understoodBy).toEqual(['ada@example.com', 'bob@example.com']);
    expect(web.children.map((node) => node.name)).toEqual(['b.ts', 'a.ts']);
    expect(coverageOf(web)).toBeCloseTo(350 / 400);
  });

  it('folds directories that only hold one directory', () => {
    const root = buildTree([file('packages/app/src/index.ts', 10), file('packages/app/src/util.ts', 5)]);
    expect(root.children).toHaveLength(1);
    expect(root.children[0]).toMatchObject({ name: 'packages/app/src', path: 'packages/app/src' });
    expect(buildTree([file('a/b/c.ts', 1)], { fold: false }).children[0]!.name).toBe('a');
  });

  it('finds the trail from the root to a directory', () => {
    const root = buildTree(files);
    expect(pathTo(root, 'src/web').map((node) => node.path)).toEqual(['', 'src', 'src/web']);
    expect(pathTo(root, '').map((node) => node.path)).toEqual(['']);
    expect(pathTo(root, 'gone/away').map((node) => node.path)).toEqual(['']);
  });
});

describe('words', () => {
  it('says coverage as a share of the lines', () => {
    expect(coverageSentence({ lines: 4210, coverage: 0.62 })).toBe(
      '62% of 4,210 lines are understood by someone.',
    );
    expect(coverageSentence({ lines: 0, coverage: 1 })).toBe('There are no lines to understand yet.');
    expect(formatPercent(0.999)).toBe('99%');
    expect(formatPercent(0.001)).toBe('1%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('explains the bus factor', () => {
    expect(busFactorSentence(2)).toBe(
      '2 people: if they left, over half of the files would have nobody who understands them.',
    );
    expect(busFactorSentence(1)).toMatch(/^1 person: if they left/);
    expect(busFactorSentence(0)).toMatch(/already have nobody/);
  });

  it('lists people briefly', () => {
    expect(peopleText([])).toBe('nobody');
    expect(peopleText(['a', 'b'])).toBe('a and b');
    expect(peopleText(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 others');
  });
});

describe('coverage colours', () => {
  it('runs from red to green, with readable ink', () => {
    expect(coverageColor(0)).toBe('#b71c1c');
    expect(coverageColor(1)).toBe('#2e7d46');
    expect(coverageColor(0.5)).toBe('#f0b13b');
    expect(coverageColor(Number.NaN)).toBe('#b71c1c');
    expect(inkOn('#b71c1c')).toBe('#ffffff');
    expect(inkOn('#f0b13b')).toBe('#1b1f24');
  });
});

describe('reviewedSince', () => {
  const sha = (digit: string) => digit.repeat(40);
  it('names the files whose un-understood commits were all explained or reviewed since', () => {
    const files = [
      { path: 'a.ts', unexplainedShas: [sha('1'), sha('2')] },
      { path: 'b.ts', unexplainedShas: [sha('1'), sha('3')] },
      { path: 'c.ts', unexplainedShas: [] },
      { path: 'd.ts' },
    ];
    const facts = [
      { sha: sha('1'), person: 'w@example.com', kind: 'reviewed' as const, source: 'walkthrough' },
      { sha: sha('2'), person: 'b@example.com', kind: 'explained' as const, source: 'why-note' },
      { sha: sha('3'), person: 'b@example.com', kind: 'authored' as const, source: 'commit' },
    ];
    expect(reviewedSince(files, facts)).toEqual({ 'a.ts': { commits: 2, byYou: false } });
  });
});
