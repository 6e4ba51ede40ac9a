import { describe, expect, it } from 'vitest';
import { fixedClock } from '../core/time/clock.js';
import { parseNotesList } from './notes.js';
import { mapWithConcurrency } from './pool.js';
import { createProgressReporter, estimateEtaMs, type Progress } from './progress.js';
import { branchName, parseRefTips } from './refs-parser.js';
import { parseBinaryPaths, parseLsTree } from './tree-files.js';

const A = 'a'.repeat(40);
const T = 't'.repeat(40);

describe('parseRefTips', () => {
  it('peels annotated tags and drops tags of anything but commits', () => {
    const output = [
      `${A}\0commit\0\0\0refs/heads/main`,
      `${T}\0tag\0${A}\0commit\0refs/tags/v1`,
      `${T}\0tag\0${T}\0tree\0refs/tags/tree-tag`,
      `${A}\0commit\0\0\0refs/remotes/origin/HEAD`,
      '',
    ].join('\n');
    expect(parseRefTips(output)).toEqual([
      { ref: 'refs/heads/main', sha: A },
      { ref: 'refs/tags/v1', sha: A },
      { ref: 'refs/remotes/origin/HEAD', sha: A },
    ]);
  });

  it('names branches without their prefix', () => {
    expect(branchName('refs/remotes/origin/release/2.x')).toBe('release/2.x');
    expect(branchName('refs/heads/main')).toBe('main');
  });
});

describe('tree listings', () => {
  it('keeps regular files, not submodules or symbolic links', () => {
    const output = [
      `100644 blob ${A}\tsrc/a b.ts`,
      `100755 blob ${A}\tbin/run`,
      `120000 blob ${A}\tlink`,
      `160000 commit ${A}\tvendor/lib`,
      '',
    ].join('\0');
    expect(parseLsTree(output)).toEqual(['src/a b.ts', 'bin/run']);
  });

  it('finds binary files in numstat output', () => {
    expect(parseBinaryPaths('3\t0\ta.txt\0-\t-\tlogo.png\0')).toEqual(new Set(['logo.png']));
  });

  it('reads notes lists', () => {
    expect(parseNotesList(`${T} ${A}\n`)).toEqual([{ blob: T, commit: A }]);
  });
});

describe('progress', () => {
  it('extrapolates the rate so far', () => {
    expect(estimateEtaMs({ done: 0, total: 10, elapsedMs: 5 })).toBeNull();
    expect(estimateEtaMs({ done: 250, total: 1000, elapsedMs: 500 })).toBe(1500);
    expect(estimateEtaMs({ done: 12, total: 10, elapsedMs: 5 })).toBe(0);
  });

  it('reports every few items with the injected clock', () => {
    const clock = fixedClock(new Date('2024-01-01T00:00:00Z'));
    const seen: Progress[] = [];
    const reporter = createProgressReporter(4, { onProgress: (p) => seen.push(p), clock, every: 2 });
    for (let i = 0; i < 4; i++) {
      clock.advance(100);
      reporter.tick();
    }
    reporter.finish();
    expect(seen).toEqual([
      { done: 2, total: 4, etaMs: 200 },
      { done: 4, total: 4, etaMs: 0 },
      { done: 4, total: 4, etaMs: 0 },
    ]);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('rethrows the first failure', async () => {
    await expect(
      mapWithConcurrency([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
  });
});
